using Deliberation.TextAnalysis.Featurisation;

namespace Deliberation.TextAnalysis.Topics;

/// <summary>A clustering of vectors: the cluster of each vector and the unit-length centroids.</summary>
internal sealed record Clustering(int[] Assignments, float[][] Centroids, double Cohesion);

/// <summary>
/// K-means for TF-IDF text vectors: cosine similarity instead of Euclidean distance and unit-length centroids
/// (spherical k-means). Written here rather than taken from ML.NET because ML.NET's KMeans measures Euclidean distance
/// between unnormalised centroids, cannot take a starting point, and is only repeatable with one thread; this one is
/// sparse, single-threaded and a pure function of its input and seed.
/// </summary>
internal static class SphericalKMeans
{
    private const int MaxIterations = 50;

    /// <summary>The tightest of <paramref name="restarts"/> runs; vectors must be non-empty.</summary>
    public static Clustering Cluster(IReadOnlyList<SparseVector> vectors, int dimension, int k, int seed, int restarts)
    {
        Clustering? best = null;
        for (var restart = 0; restart < restarts; restart++)
        {
            var run = Run(vectors, dimension, k, new Random(HashCode.Combine(seed, k, restart) & int.MaxValue));
            if (best is null || run.Cohesion > best.Cohesion)
                best = run;
        }
        return best!;
    }

    private static Clustering Run(IReadOnlyList<SparseVector> vectors, int dimension, int k, Random random)
    {
        var centroids = PlusPlusStart(vectors, dimension, k, random);
        var assignments = new int[vectors.Count];
        Array.Fill(assignments, -1);
        var cohesion = 0.0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var changed = Assign(vectors, centroids, assignments, out cohesion);
            if (!changed)
                break;
            centroids = Recentre(vectors, assignments, centroids, dimension);
        }
        return new Clustering(assignments, centroids, cohesion);
    }

    /// <summary>k-means++ seeding on cosine distance: spread-out starts converge to better clusters.</summary>
    private static float[][] PlusPlusStart(IReadOnlyList<SparseVector> vectors, int dimension, int k, Random random)
    {
        var centroids = new List<float[]> { Unit(vectors[random.Next(vectors.Count)], dimension) };
        var nearest = vectors.Select(v => Distance(v, centroids[0])).ToArray();
        while (centroids.Count < k)
        {
            var total = nearest.Sum();
            var pick = total > 0 ? Draw(nearest, random.NextDouble() * total) : random.Next(vectors.Count);
            var centroid = Unit(vectors[pick], dimension);
            centroids.Add(centroid);
            for (var i = 0; i < vectors.Count; i++)
                nearest[i] = System.Math.Min(nearest[i], Distance(vectors[i], centroid));
        }
        return [.. centroids];
    }

    /// <summary>The index where the running sum of weights first exceeds the target.</summary>
    private static int Draw(double[] weights, double target)
    {
        var cumulative = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative > target)
                return i;
        }
        return Array.FindLastIndex(weights, weight => weight > 0);
    }

    private static bool Assign(IReadOnlyList<SparseVector> vectors, float[][] centroids, int[] assignments, out double cohesion)
    {
        var changed = false;
        cohesion = 0;
        for (var i = 0; i < vectors.Count; i++)
        {
            var (cluster, similarity) = Nearest(vectors[i], centroids);
            cohesion += similarity;
            if (assignments[i] != cluster)
            {
                assignments[i] = cluster;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>The most similar centroid; ties go to the lower index so the result never depends on rounding noise.</summary>
    public static (int Cluster, double Similarity) Nearest(SparseVector vector, float[][] centroids)
    {
        var best = 0;
        var bestSimilarity = double.NegativeInfinity;
        for (var c = 0; c < centroids.Length; c++)
        {
            var similarity = vector.Dot(centroids[c]) / vector.Norm;
            if (similarity > bestSimilarity)
            {
                best = c;
                bestSimilarity = similarity;
            }
        }
        return (best, bestSimilarity);
    }

    private static float[][] Recentre(IReadOnlyList<SparseVector> vectors, int[] assignments, float[][] previous, int dimension)
    {
        var sums = new double[previous.Length][];
        for (var i = 0; i < vectors.Count; i++)
        {
            var sum = sums[assignments[i]] ??= new double[dimension];
            var vector = vectors[i];
            for (var j = 0; j < vector.Indices.Length; j++)
                sum[vector.Indices[j]] += vector.Values[j] / vector.Norm;
        }
        // A cluster that lost all its members keeps its old centre rather than vanishing.
        return sums.Select((sum, c) => sum is null ? previous[c] : Unit(sum)).ToArray();
    }

    private static double Distance(SparseVector vector, float[] unitCentroid) =>
        System.Math.Max(0, 1 - vector.Dot(unitCentroid) / vector.Norm);

    private static float[] Unit(SparseVector vector, int dimension)
    {
        var dense = new float[dimension];
        for (var j = 0; j < vector.Indices.Length; j++)
            dense[vector.Indices[j]] = (float)(vector.Values[j] / vector.Norm);
        return dense;
    }

    private static float[] Unit(double[] sum)
    {
        var norm = System.Math.Sqrt(sum.Sum(x => x * x));
        return sum.Select(x => norm == 0 ? 0f : (float)(x / norm)).ToArray();
    }
}
