namespace Deliberation.TextAnalysis;

/// <summary>Groups a conversation's statements by their text so that facilitators and reports can browse by topic.</summary>
public interface ITopicModel
{
    /// <summary>
    /// Finds the topics of <paramref name="statements"/>. Deterministic: the same statements in any order give the same
    /// topics, ids, terms and order.
    /// </summary>
    /// <param name="statements">The statements; ids must be unique.</param>
    /// <param name="topicCount">
    /// The number of topics; null lets the model choose within <see cref="TextAnalysisOptions.MinTopics"/> to
    /// <see cref="TextAnalysisOptions.MaxTopics"/>. Fewer topics come back when there are too few distinct statements.
    /// </param>
    /// <exception cref="ArgumentException">Two statements have the same id.</exception>
    TopicSet FindTopics(IEnumerable<StatementText> statements, int? topicCount = null);
}
