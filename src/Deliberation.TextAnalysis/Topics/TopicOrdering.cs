using Deliberation.TextAnalysis.Featurisation;

namespace Deliberation.TextAnalysis.Topics;

/// <summary>
/// Turns arbitrary cluster numbers into the stable public order: larger topics first, then the one holding the smaller
/// statement id; inside a topic, statements closest to its centre first.
/// </summary>
internal static class TopicOrdering
{
    /// <summary>The cluster of a statement without analysable text (only emoji or punctuation, say).</summary>
    public const int NoText = -1;

    public static TopicSet Build(
        StatementText[] sorted, SparseVector[] vectors, int[] assignments, float[][]? centroids,
        IReadOnlyList<string>[] terms, double silhouette)
    {
        var clusterCount = terms.Length;
        var members = Enumerable.Range(0, clusterCount).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (assignments[i] != NoText)
                members[assignments[i]].Add(i);
        }
        var order = Enumerable.Range(0, clusterCount)
            .Where(c => members[c].Count > 0)
            .OrderByDescending(c => members[c].Count)
            .ThenBy(c => sorted[members[c][0]].Id)
            .ToArray();
        // Statements with no text have no nearest centre; they join the largest topic, at its end.
        var withoutText = Enumerable.Range(0, sorted.Length).Where(i => assignments[i] == NoText).ToList();
        if (order.Length == 0)
        {
            var all = withoutText.Select(i => sorted[i].Id).ToArray();
            return new TopicSet([new Topic(0, [], all)], all.ToDictionary(id => id, _ => 0), 0);
        }

        var topics = new List<Topic>();
        var topicOf = new Dictionary<long, int>();
        foreach (var cluster in order)
        {
            var id = topics.Count;
            var ranked = members[cluster]
                .OrderByDescending(i => centroids is null ? 0 : Closeness(vectors[i], centroids[cluster]))
                .ThenBy(i => sorted[i].Id)
                .Concat(id == 0 ? withoutText : [])
                .Select(i => sorted[i].Id)
                .ToArray();
            foreach (var statementId in ranked)
                topicOf[statementId] = id;
            topics.Add(new Topic(id, terms[cluster], ranked));
        }
        return new TopicSet(topics, topicOf, silhouette);
    }

    private static double Closeness(SparseVector vector, float[] centroid) =>
        vector.Norm == 0 ? 0 : vector.Dot(centroid) / vector.Norm;
}
