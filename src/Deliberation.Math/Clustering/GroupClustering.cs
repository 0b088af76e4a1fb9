namespace Deliberation.Math.Clustering;

/// <summary>The published grouping: BaseToGroup[c] is the group of base cluster c (index into the base outcome).</summary>
internal sealed record GroupOutcome(
    int K,
    int[] BaseToGroup,
    Point2[] Centres,
    double Silhouette,
    GroupCentresState[] CentresPerK,
    KSmootherState Smoother);

/// <summary>
/// The coarse level (spec §1.6): weighted k-means (weight = base-cluster size) over base-cluster centres for
/// k = 2 … min(5, 2 + ⌊clusters / 12⌋), each warm-started from the previous update's centres for that k; the
/// silhouette picks k and the smoother publishes a new k only after it has won several updates in a row.
/// </summary>
internal static class GroupClustering
{
    public static GroupOutcome Run(Point2[] baseCentres, double[] weights, MathState? previous, IKMeans kmeans, MathOptions options)
    {
        int n = baseCentres.Length;
        var previousSmoother = previous?.KSmoother ?? new KSmootherState();
        if (n == 0)
        {
            return new GroupOutcome(0, [], [], 0, previous?.GroupCentres ?? [], previousSmoother);
        }

        if (KMeansSteps.CountDistinct(baseCentres) < 2)
        {
            // One opinion (or one cluster): a single group; nothing to choose.
            var centre = WeightedMean(baseCentres, weights);
            return new GroupOutcome(1, new int[n], [centre], 0, previous?.GroupCentres ?? [], previousSmoother);
        }

        int maxK = System.Math.Min(System.Math.Min(options.MaxGroups, 2 + (n / 12)), n);
        int minK = System.Math.Max(2, System.Math.Min(options.MinGroups, maxK));
        var candidates = new Dictionary<int, (int[] Labels, Point2[] Centres, double Silhouette)>();
        var centresPerK = new List<GroupCentresState>();
        for (int k = minK; k <= maxK; k++)
        {
            var warm = previous?.GroupCentres.FirstOrDefault(g => g.K == k);
            Point2[]? warmCentres = warm is null ? null : [.. warm.X.Zip(warm.Y, (x, y) => new Point2(x, y))];
            var fit = kmeans.Fit(
                baseCentres, weights, k, kmeans.SupportsWarmStart ? warmCentres : null,
                options.GroupKMeansIterations, tolerance: 0);
            if (fit.Centres.Length != k)
            {
                continue; // k-means could not realise k distinct groups here
            }

            var (labels, centres) = StableLabels(fit, warmCentres);
            double silhouette = Silhouette.Mean(baseCentres, labels, k);
            candidates[k] = (labels, centres, silhouette);
            centresPerK.Add(new GroupCentresState(k, [.. centres.Select(c => c.X)], [.. centres.Select(c => c.Y)]));
        }

        if (candidates.Count == 0)
        {
            var centre = WeightedMean(baseCentres, weights);
            return new GroupOutcome(1, new int[n], [centre], 0, [.. centresPerK], previousSmoother);
        }

        // Highest silhouette wins; ties go to the smaller k.
        int best = candidates.OrderByDescending(c => c.Value.Silhouette).ThenBy(c => c.Key).First().Key;
        var smoother = Smooth(previousSmoother, best, options.GroupKBuffer);
        int published = candidates.ContainsKey(smoother.SmoothedK) ? smoother.SmoothedK : best;
        var chosen = candidates[published];
        return new GroupOutcome(published, chosen.Labels, chosen.Centres, chosen.Silhouette, [.. centresPerK], smoother);
    }

    public static KSmootherState Smooth(KSmootherState previous, int best, int buffer)
    {
        int count = best == previous.LastK ? previous.LastKCount + 1 : 1;
        int smoothed = previous.SmoothedK == 0 || count >= buffer ? best : previous.SmoothedK;
        return new KSmootherState { LastK = best, LastKCount = count, SmoothedK = smoothed };
    }

    // Labels follow the previous update's groups when there is one with the same k, else first-member order.
    private static (int[] Labels, Point2[] Centres) StableLabels(KMeansResult fit, Point2[]? previous)
    {
        var ordered = KMeansSteps.OrderByFirstMember((Point2[])fit.Centres.Clone(), (int[])fit.Assignment.Clone());
        int[]? order = GroupLabelOrder.MatchPrevious(ordered.Centres, previous);
        if (order is null)
        {
            return (ordered.Assignment, ordered.Centres);
        }

        int[] inverse = new int[order.Length];
        for (int label = 0; label < order.Length; label++)
        {
            inverse[order[label]] = label;
        }

        var centres = new Point2[order.Length];
        for (int label = 0; label < order.Length; label++)
        {
            centres[label] = ordered.Centres[order[label]];
        }

        int[] labels = [.. ordered.Assignment.Select(c => inverse[c])];
        return (labels, centres);
    }

    private static Point2 WeightedMean(Point2[] points, double[] weights)
    {
        double x = 0, y = 0, w = 0;
        for (int i = 0; i < points.Length; i++)
        {
            x += weights[i] * points[i].X;
            y += weights[i] * points[i].Y;
            w += weights[i];
        }

        return w > 0 ? new Point2(x / w, y / w) : new Point2(0, 0);
    }
}
