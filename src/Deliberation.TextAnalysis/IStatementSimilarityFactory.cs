namespace Deliberation.TextAnalysis;

/// <summary>Builds a similarity index for one conversation; register one and build an index per conversation.</summary>
public interface IStatementSimilarityFactory
{
    /// <summary>
    /// Indexes <paramref name="statements"/>. The result does not depend on their order.
    /// </summary>
    /// <exception cref="ArgumentException">Two statements have the same id.</exception>
    IStatementSimilarity Create(IEnumerable<StatementText> statements);
}
