namespace Deliberation.PolisFormat;

/// <summary>How forgiving <see cref="PolisExportReader"/> is.</summary>
public sealed record PolisReadOptions
{
    /// <summary>Analysis: comments.csv optional, ids taken as they come.</summary>
    public static PolisReadOptions Lenient { get; } = new();

    /// <summary>
    /// Import: comments.csv is required (statements need their text); every comment id is unique and non-negative; every
    /// vote (votes.csv) and every matrix column (participants-votes.csv) names a comment of comments.csv; every
    /// participant appears once.
    /// </summary>
    public static PolisReadOptions Strict { get; } = new() { RequireComments = true, CheckReferences = true };

    public bool RequireComments { get; init; }

    public bool CheckReferences { get; init; }
}
