using Deliberation.TextAnalysis.Featurisation;

namespace Deliberation.TextAnalysis.Topics;

/// <summary>
/// The simplified silhouette: for each vector, a = cosine distance to its own centroid, b = distance to the nearest other
/// centroid, s = (b − a) / max(a, b); the mean over all vectors. It needs k distances per vector instead of n, so
/// choosing among several k stays linear in the number of statements.
/// </summary>
internal static class SimplifiedSilhouette
{
    public static double Of(IReadOnlyList<SparseVector> vectors, Clustering clustering)
    {
        if (clustering.Centroids.Length < 2 || vectors.Count == 0)
            return 0;
        var total = 0.0;
        for (var i = 0; i < vectors.Count; i++)
        {
            var own = clustering.Assignments[i];
            var a = 0.0;
            var b = double.PositiveInfinity;
            for (var c = 0; c < clustering.Centroids.Length; c++)
            {
                var distance = 1 - vectors[i].Dot(clustering.Centroids[c]) / vectors[i].Norm;
                if (c == own)
                    a = distance;
                else
                    b = System.Math.Min(b, distance);
            }
            var spread = System.Math.Max(a, b);
            total += spread <= 0 ? 0 : (b - a) / spread;
        }
        return total / vectors.Count;
    }
}
