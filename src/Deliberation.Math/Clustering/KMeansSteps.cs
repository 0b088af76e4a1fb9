using System.Runtime.InteropServices;

namespace Deliberation.Math.Clustering;

/// <summary>The shared steps of k-means: nearest-centre assignment and weighted re-centring.</summary>
internal static class KMeansSteps
{
    /// <summary>Assigns each point to its nearest centre; ties go to the lower index so that results are reproducible.</summary>
    public static void Assign(ReadOnlySpan<Point2> points, ReadOnlySpan<Point2> centres, Span<int> assignment)
    {
        int k = centres.Length;
        double[] cx = new double[k], cy = new double[k];
        for (int c = 0; c < k; c++)
        {
            cx[c] = centres[c].X;
            cy[c] = centres[c].Y;
        }

        for (int i = 0; i < points.Length; i++)
        {
            assignment[i] = Nearest(points[i].X, points[i].Y, cx, cy);
        }
    }

    public static int Nearest(double x, double y, double[] cx, double[] cy)
    {
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int c = 0; c < cx.Length; c++)
        {
            double dx = cx[c] - x, dy = cy[c] - y;
            double d = dx * dx + dy * dy;
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }

        return best;
    }

    /// <summary>
    /// Weighted means of the assigned points; clusters left without points are removed and the assignment is
    /// renumbered to match. Returns the new centres and the map old cluster → new cluster (−1 when removed),
    /// or null when nothing was removed.
    /// </summary>
    public static (Point2[] Centres, int[]? Remap) Recentre(ReadOnlySpan<Point2> points, ReadOnlySpan<double> weights, Span<int> assignment, int k)
    {
        double[] sx = new double[k], sy = new double[k], sw = new double[k];
        int[] members = new int[k];
        for (int i = 0; i < points.Length; i++)
        {
            int c = assignment[i];
            double w = weights.IsEmpty ? 1 : weights[i];
            sx[c] += w * points[i].X;
            sy[c] += w * points[i].Y;
            sw[c] += w;
            members[c]++;
        }

        int[] remap = new int[k];
        var centres = new List<Point2>(k);
        for (int c = 0; c < k; c++)
        {
            if (members[c] == 0)
            {
                remap[c] = -1;
                continue;
            }

            remap[c] = centres.Count;
            centres.Add(sw[c] > 0 ? new Point2(sx[c] / sw[c], sy[c] / sw[c]) : MeanUnweighted(points, assignment, c));
        }

        bool removed = centres.Count < k;
        if (removed)
        {
            for (int i = 0; i < assignment.Length; i++)
            {
                assignment[i] = remap[assignment[i]];
            }
        }

        return ([.. centres], removed ? remap : null);
    }

    private static Point2 MeanUnweighted(ReadOnlySpan<Point2> points, ReadOnlySpan<int> assignment, int c)
    {
        double x = 0, y = 0;
        int n = 0;
        for (int i = 0; i < points.Length; i++)
        {
            if (assignment[i] == c)
            {
                x += points[i].X;
                y += points[i].Y;
                n++;
            }
        }

        return new Point2(x / n, y / n);
    }

    /// <summary>Indices of the first k distinct points in input order (Polis's deterministic cold start).</summary>
    public static List<int> FirstDistinct(ReadOnlySpan<Point2> points, int k)
    {
        var seen = new HashSet<Point2>();
        var chosen = new List<int>(System.Math.Min(k, points.Length));
        for (int i = 0; i < points.Length && chosen.Count < k; i++)
        {
            if (seen.Add(points[i]))
            {
                chosen.Add(i);
            }
        }

        return chosen;
    }

    /// <summary>Renumbers clusters by the first point (in input order) that belongs to each.</summary>
    public static KMeansResult OrderByFirstMember(Point2[] centres, int[] assignment)
    {
        int[] order = new int[centres.Length];
        Array.Fill(order, -1);
        int next = 0;
        foreach (int c in assignment)
        {
            if (order[c] < 0)
            {
                order[c] = next++;
            }
        }

        var reordered = new Point2[centres.Length];
        for (int c = 0; c < centres.Length; c++)
        {
            reordered[order[c]] = centres[c];
        }

        for (int i = 0; i < assignment.Length; i++)
        {
            assignment[i] = order[assignment[i]];
        }

        int[] origin = new int[centres.Length];
        Array.Fill(origin, -1);
        return new KMeansResult(reordered, assignment, origin);
    }

    public static int CountDistinct(ReadOnlySpan<Point2> points)
    {
        var seen = new HashSet<Point2>();
        foreach (var p in points)
        {
            seen.Add(p);
        }

        return seen.Count;
    }

    public static ReadOnlySpan<Point2> AsSpan(List<Point2> list) => CollectionsMarshal.AsSpan(list);
}
