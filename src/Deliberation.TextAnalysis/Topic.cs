namespace Deliberation.TextAnalysis;

/// <summary>A group of statements that use the same words, named by the words that set it apart.</summary>
/// <param name="Id">0-based position in <see cref="TopicSet.Topics"/>: larger topics first, then by smallest statement id.</param>
/// <param name="Terms">The most distinctive words or word pairs, most distinctive first.</param>
/// <param name="StatementIds">The statements in this topic, closest to the topic's centre first (ties by id).</param>
public sealed record Topic(int Id, IReadOnlyList<string> Terms, IReadOnlyList<long> StatementIds)
{
    /// <summary>The terms joined for display, e.g. "bus · traffic · parking".</summary>
    public string Label => string.Join(" · ", Terms);
}
