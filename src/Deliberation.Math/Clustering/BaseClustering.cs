namespace Deliberation.Math.Clustering;

/// <summary>Base clusters with stable ids: Assignment[i] indexes Ids/Centres for clustered point i.</summary>
internal sealed record BaseClusterOutcome(int[] Ids, Point2[] Centres, int[] Assignment, int NextId);

/// <summary>
/// The fine level (spec §1.5): k = 100 clusters over clustered participants' positions. Warm start from the
/// previous state: each previous cluster is re-centred on where its members are now, identical centres are
/// merged, and while fewer than k clusters exist the point farthest from every centre is split off as a new one.
/// </summary>
internal static class BaseClustering
{
    public static BaseClusterOutcome Run(long[] ids, Point2[] points, MathState? previous, IKMeans kmeans, MathOptions options)
    {
        int k = System.Math.Max(1, options.BaseClusterCount);
        if (points.Length == 0)
        {
            return new BaseClusterOutcome([], [], [], previous?.NextBaseClusterId ?? 0);
        }

        int nextId = previous?.NextBaseClusterId ?? 0;
        List<int>? initialIds = null;
        List<Point2>? initial = null;
        if (kmeans.SupportsWarmStart && previous is { BaseClusters.Length: > 0 })
        {
            (initialIds, initial) = WarmStart(ids, points, previous.BaseClusters);
            if (initial.Count == 0)
            {
                (initialIds, initial) = (null, null); // nobody from before is here: start cold
            }
            else
            {
                SplitUntil(points, k, initialIds, initial, ref nextId);
            }
        }

        var result = kmeans.Fit(points, [], k, initial, options.BaseKMeansMaxIterations, options.BaseKMeansTolerance);
        int[] clusterIds = new int[result.Centres.Length];
        if (initialIds is not null)
        {
            for (int c = 0; c < clusterIds.Length; c++)
            {
                clusterIds[c] = result.Origin[c] >= 0 ? initialIds[result.Origin[c]] : nextId++;
            }
        }
        else
        {
            // Cold (or ML.NET): ids restart at 0 in the implementation's stable order.
            for (int c = 0; c < clusterIds.Length; c++)
            {
                clusterIds[c] = c;
            }

            nextId = clusterIds.Length;
        }

        return new BaseClusterOutcome(clusterIds, result.Centres, result.Assignment, nextId);
    }

    private static (List<int> Ids, List<Point2> Centres) WarmStart(long[] ids, Point2[] points, BaseClusterState[] clusters)
    {
        var ordered = clusters.OrderBy(c => c.Id).ToArray();
        var keptIds = new List<int>();
        var centres = new List<Point2>();
        var seen = new HashSet<Point2>();
        foreach (var cluster in ordered)
        {
            double sx = 0, sy = 0;
            int n = 0;
            foreach (long member in cluster.Members)
            {
                int i = Array.BinarySearch(ids, member);
                if (i >= 0)
                {
                    sx += points[i].X;
                    sy += points[i].Y;
                    n++;
                }
            }

            if (n == 0)
            {
                continue;
            }

            var centre = new Point2(sx / n, sy / n);
            if (seen.Add(centre))
            {
                keptIds.Add(cluster.Id);
                centres.Add(centre);
            }
        }

        return (keptIds, centres);
    }

    // Adds the point farthest from its nearest centre as a new centre until k centres exist or all points are covered.
    private static void SplitUntil(Point2[] points, int k, List<int> ids, List<Point2> centres, ref int nextId)
    {
        if (centres.Count >= k)
        {
            return;
        }

        double[] nearest = new double[points.Length];
        Array.Fill(nearest, double.PositiveInfinity);
        foreach (var centre in centres)
        {
            Lower(points, nearest, centre);
        }

        while (centres.Count < k)
        {
            int far = -1;
            double farDistance = 0;
            for (int i = 0; i < points.Length; i++)
            {
                if (nearest[i] > farDistance)
                {
                    farDistance = nearest[i];
                    far = i;
                }
            }

            if (far < 0)
            {
                return;
            }

            centres.Add(points[far]);
            ids.Add(nextId++);
            Lower(points, nearest, points[far]);
        }
    }

    private static void Lower(Point2[] points, double[] nearest, Point2 centre)
    {
        for (int i = 0; i < points.Length; i++)
        {
            nearest[i] = System.Math.Min(nearest[i], points[i].DistanceSquared(centre));
        }
    }
}
