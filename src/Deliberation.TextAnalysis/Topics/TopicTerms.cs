using Deliberation.TextAnalysis.Featurisation;

namespace Deliberation.TextAnalysis.Topics;

/// <summary>
/// Names each cluster by the terms that set it apart: a term's mean TF-IDF weight inside the cluster minus its mean
/// weight outside, among terms that statements of the cluster use clearly more often than the whole conversation
/// (twice as often, or less for a cluster so large that twice is impossible). Words spread evenly over the conversation
/// fail that test everywhere.
/// </summary>
internal static class TopicTerms
{
    private const double PreferredLift = 2;

    public static IReadOnlyList<string>[] Choose(
        IReadOnlyList<SparseVector> vectors, int[] assignments, int clusterCount, IReadOnlyList<string> slotNames,
        ReadableTerms readable, int termsPerTopic)
    {
        var sizes = new int[clusterCount];
        foreach (var cluster in assignments)
            sizes[cluster]++;
        var (weights, documents) = Accumulate(vectors, assignments, clusterCount);
        var totals = Sum(weights);
        var totalDocuments = Sum(documents);

        var terms = new IReadOnlyList<string>[clusterCount];
        for (var c = 0; c < clusterCount; c++)
        {
            var outside = System.Math.Max(vectors.Count - sizes[c], 1);
            var minimumDocuments = sizes[c] >= 2 ? 2 : 1;
            var minimumLift = System.Math.Min(PreferredLift, (1 + (double)vectors.Count / sizes[c]) / 2);
            var ranked = weights[c]
                .Where(pair => documents[c][pair.Key] >= minimumDocuments)
                .Where(pair => Lift(documents[c][pair.Key], sizes[c], totalDocuments[pair.Key], vectors.Count) >= minimumLift
                    || clusterCount == 1)
                .Select(pair => (Slot: pair.Key, Score: pair.Value / sizes[c] - (totals[pair.Key] - pair.Value) / outside))
                .Where(candidate => candidate.Score > 0)
                .OrderByDescending(candidate => candidate.Score)
                .ThenBy(candidate => slotNames[candidate.Slot], StringComparer.Ordinal);
            terms[c] = PickDistinct(ranked.Select(candidate => readable.Read(slotNames[candidate.Slot])), termsPerTopic);
        }
        return terms;
    }

    /// <summary>How much more often statements in the cluster use the term than statements overall.</summary>
    private static double Lift(int inCluster, int clusterSize, int inAll, int allSize) =>
        (double)inCluster / clusterSize / ((double)inAll / allSize);

    private static Dictionary<int, T> Sum<T>(Dictionary<int, T>[] perCluster) where T : System.Numerics.INumber<T>
    {
        var sum = new Dictionary<int, T>();
        foreach (var cluster in perCluster)
        {
            foreach (var (slot, value) in cluster)
                sum[slot] = sum.GetValueOrDefault(slot, T.Zero) + value;
        }
        return sum;
    }

    private static (Dictionary<int, double>[] Weights, Dictionary<int, int>[] Documents) Accumulate(
        IReadOnlyList<SparseVector> vectors, int[] assignments, int clusterCount)
    {
        var weights = Enumerable.Range(0, clusterCount).Select(_ => new Dictionary<int, double>()).ToArray();
        var documents = Enumerable.Range(0, clusterCount).Select(_ => new Dictionary<int, int>()).ToArray();
        for (var i = 0; i < vectors.Count; i++)
        {
            var cluster = assignments[i];
            var vector = vectors[i];
            for (var j = 0; j < vector.Indices.Length; j++)
            {
                var slot = vector.Indices[j];
                weights[cluster][slot] = weights[cluster].GetValueOrDefault(slot) + vector.Values[j] / vector.Norm;
                documents[cluster][slot] = documents[cluster].GetValueOrDefault(slot) + 1;
            }
        }
        return (weights, documents);
    }

    /// <summary>The best terms that share no word with a better one: "bike lanes" makes "bike" and "lanes" redundant.</summary>
    private static List<string> PickDistinct(IEnumerable<Term?> ranked, int count)
    {
        var picked = new List<string>();
        var usedWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in ranked)
        {
            if (term is null || term.Words.Any(usedWords.Contains) || picked.Contains(term.Text))
                continue;
            picked.Add(term.Text);
            usedWords.UnionWith(term.Words);
            if (picked.Count == count)
                break;
        }
        return picked;
    }
}
