namespace Deliberation.TextAnalysis;

/// <summary>The topics of one conversation: every statement is in exactly one topic.</summary>
/// <param name="Topics">Larger topics first, then by smallest statement id; <see cref="Topic.Id"/> is the position.</param>
/// <param name="TopicOfStatement">Topic id by statement id.</param>
/// <param name="Silhouette">
/// Mean silhouette (cosine distance) of the chosen clustering, in [-1, 1]; higher is better separated. 0 when there is
/// one topic.
/// </param>
public sealed record TopicSet(
    IReadOnlyList<Topic> Topics,
    IReadOnlyDictionary<long, int> TopicOfStatement,
    double Silhouette)
{
    /// <summary>No statements, no topics.</summary>
    public static TopicSet Empty { get; } = new([], new Dictionary<long, int>(), 0);
}
