namespace Deliberation.TextAnalysis.Similarity;

/// <summary>Builds <see cref="TfIdfStatementSimilarity"/> indexes with one set of options.</summary>
public sealed class TfIdfStatementSimilarityFactory(TextAnalysisOptions? options = null) : IStatementSimilarityFactory
{
    private readonly TextAnalysisOptions _options = options ?? new TextAnalysisOptions();

    /// <inheritdoc />
    public IStatementSimilarity Create(IEnumerable<StatementText> statements) =>
        new TfIdfStatementSimilarity(statements, _options);
}
