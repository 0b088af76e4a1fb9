namespace Deliberation.Math.Clustering;

/// <summary>
/// Weighted k-means over 2-D points. Implementations must be deterministic for a given input order and must
/// return clusters in a stable order: cluster c's centre is the weighted mean of the points assigned to c,
/// empty clusters are dropped, and (from cold) clusters are ordered by their first point in input order.
/// </summary>
internal interface IKMeans
{
    /// <summary>True when <c>initialCentres</c> is honoured (warm start); ML.NET's trainer cannot take it.</summary>
    bool SupportsWarmStart { get; }

    KMeansResult Fit(ReadOnlySpan<Point2> points, ReadOnlySpan<double> weights, int k, IReadOnlyList<Point2>? initialCentres, int maxIterations, double tolerance);
}

/// <summary>
/// Centres and, for each input point, the index of its cluster. <paramref name="Origin"/> gives, per cluster, the
/// index of the initial centre it grew from (so that a warm start keeps cluster identities), or −1 when unknown.
/// </summary>
internal sealed record KMeansResult(Point2[] Centres, int[] Assignment, int[] Origin);
