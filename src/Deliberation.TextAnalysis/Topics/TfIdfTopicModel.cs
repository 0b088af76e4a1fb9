using Deliberation.TextAnalysis.Featurisation;

namespace Deliberation.TextAnalysis.Topics;

/// <summary>
/// Topics by spherical k-means on ML.NET TF-IDF vectors of words and word pairs, the number of topics
/// chosen by the best simplified silhouette within <see cref="TextAnalysisOptions.MinTopics"/> to
/// <see cref="TextAnalysisOptions.MaxTopics"/>, each topic named by its most distinctive words or word pairs.
/// </summary>
public sealed class TfIdfTopicModel : ITopicModel
{
    // Below this many statements with text per topic, clusters are too small to say anything about.
    private const int MinStatementsPerTopic = 2;

    private readonly TextAnalysisOptions _options;

    public TfIdfTopicModel(TextAnalysisOptions? options = null)
    {
        _options = options ?? new TextAnalysisOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public TopicSet FindTopics(IEnumerable<StatementText> statements, int? topicCount = null)
    {
        ArgumentNullException.ThrowIfNull(statements);
        if (topicCount is < 1)
            throw new ArgumentOutOfRangeException(nameof(topicCount), "A topic count must be positive.");
        // Sorting by id first makes every later step independent of the order the caller used.
        var sorted = statements.OrderBy(statement => statement.Id).ToArray();
        RequireUniqueIds(sorted);
        if (sorted.Length == 0)
            return TopicSet.Empty;

        var texts = sorted.Select(s => TextPreparation.Prepare(s.Text, _options.MaxTextLength)).ToArray();
        // Words only: with character n-grams the clusters followed writing style ("etc", "ja", "oder") more than
        // subject, and took ten times as long.
        var featurizer = TextFeaturizer.Fit(texts, _options.TopicWordNgramLength, charNgramLength: 0, StopWordLanguage.StopWordsOf(texts));
        var vectors = featurizer.Transform(texts);
        var withText = Enumerable.Range(0, sorted.Length).Where(i => !vectors[i].IsEmpty).ToArray();
        var textVectors = withText.Select(i => vectors[i]).ToArray();

        var (clustering, silhouette) = ChooseClustering(textVectors, featurizer.Dimension, topicCount);
        // Too few statements to split: one topic, named by its heaviest terms.
        var clusterOfText = clustering?.Assignments ?? new int[textVectors.Length];
        var clusterCount = clustering?.Centroids.Length ?? 1;
        var terms = TopicTerms.Choose(textVectors, clusterOfText, clusterCount, featurizer.SlotNames,
            new ReadableTerms(texts), _options.TermsPerTopic);
        var assignments = Enumerable.Repeat(TopicOrdering.NoText, sorted.Length).ToArray();
        for (var i = 0; i < withText.Length; i++)
            assignments[withText[i]] = clusterOfText[i];
        return TopicOrdering.Build(sorted, vectors, assignments, clustering?.Centroids, terms, clustering is null ? 0 : silhouette);
    }

    private (Clustering? Clustering, double Silhouette) ChooseClustering(SparseVector[] vectors, int dimension, int? topicCount)
    {
        var distinct = vectors.Select(v => string.Join(',', v.Indices)).Distinct(StringComparer.Ordinal).Count();
        var most = System.Math.Min(topicCount ?? _options.MaxTopics, System.Math.Min(distinct, vectors.Length / MinStatementsPerTopic));
        var least = System.Math.Min(topicCount ?? _options.MinTopics, most);
        if (most < 2)
            return (null, 0);

        Clustering? best = null;
        var bestSilhouette = double.NegativeInfinity;
        for (var k = least; k <= most; k++)
        {
            var clustering = SphericalKMeans.Cluster(vectors, dimension, k, _options.Seed, _options.KMeansRestarts);
            var silhouette = SimplifiedSilhouette.Of(vectors, clustering);
            // Strictly better only: on a tie the smaller number of topics wins, as the easier one to browse.
            if (silhouette > bestSilhouette)
            {
                best = clustering;
                bestSilhouette = silhouette;
            }
        }
        return (best, bestSilhouette);
    }

    private static void RequireUniqueIds(StatementText[] sorted)
    {
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Id == sorted[i - 1].Id)
                throw new ArgumentException($"Statement id {sorted[i].Id} appears more than once.", "statements");
        }
    }
}
