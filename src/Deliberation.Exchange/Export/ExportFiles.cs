using Deliberation.PolisFormat;

namespace Deliberation.Exchange.Export;

/// <summary>The files of an export, in the order they go into a zip, with their media types.</summary>
public static class ExportFiles
{
    public static IReadOnlyList<string> All { get; } =
    [
        PolisColumns.SummaryFile,
        PolisColumns.CommentsFile,
        PolisColumns.VotesFile,
        PolisColumns.ParticipantsVotesFile,
        PolisColumns.CommentGroupsFile,
        PolisColumns.MathFile,
        PolisColumns.PolarisationHistoryFile,
    ];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    public static string ContentType(string name) =>
        name.EndsWith(".json", StringComparison.Ordinal) ? "application/json; charset=utf-8" : "text/csv; charset=utf-8";
}

/// <summary>What an export includes beyond the defaults.</summary>
public sealed record ExportOptions
{
    /// <summary>
    /// Add the <c>xid</c> column (the host site's external ids) to participants-votes.csv. Off by default: exports carry
    /// only the per-conversation participant numbers; external ids may identify people.
    /// </summary>
    public bool IncludeXid { get; init; }

    /// <summary>The conversation's address, for the <c>url</c> row of summary.csv; empty when unknown.</summary>
    public string ConversationUrl { get; init; } = "";
}
