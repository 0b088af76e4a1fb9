namespace Deliberation.Math.Clustering;

/// <summary>
/// Lloyd's k-means as Polis runs it: from cold, the first k distinct points in input order are the initial
/// centres (deterministic, no seed); warm, the given centres. Stops when every centre moves less than the
/// tolerance or after maxIterations. Exists beside <see cref="MlNetKMeans"/> because ML.NET cannot start from
/// given centres — which is what keeps groups stable from one update to the next.
/// Hamerly's bounds skip the distance computations that cannot change an assignment (each point keeps an upper
/// bound to its centre and a lower bound to every other), so 33,000 points × 100 centres cost little once the
/// centres settle; the clustering is the same as plain Lloyd's.
/// </summary>
internal sealed class PolisKMeans : IKMeans
{
    public bool SupportsWarmStart => true;

    public KMeansResult Fit(ReadOnlySpan<Point2> points, ReadOnlySpan<double> weights, int k, IReadOnlyList<Point2>? initialCentres, int maxIterations, double tolerance)
    {
        int n = points.Length;
        if (n == 0 || k <= 0)
        {
            return new KMeansResult([], new int[n], []);
        }

        Point2[] centres;
        if (initialCentres is { Count: > 0 })
        {
            centres = [.. initialCentres];
        }
        else
        {
            var chosen = KMeansSteps.FirstDistinct(points, k);
            centres = new Point2[chosen.Count];
            for (int c = 0; c < chosen.Count; c++)
            {
                centres[c] = points[chosen[c]];
            }
        }

        int[] origin = new int[centres.Length];
        for (int c = 0; c < origin.Length; c++)
        {
            origin[c] = c;
        }

        int[] assignment = new int[n];
        double[] upper = new double[n], lower = new double[n];
        FullAssign(points, centres, assignment, upper, lower);
        double toleranceSquared = tolerance * tolerance;
        for (int iteration = 0; iteration < System.Math.Max(1, maxIterations); iteration++)
        {
            var previous = centres;
            (centres, int[]? remap) = KMeansSteps.Recentre(points, weights, assignment, centres.Length);
            if (remap is not null)
            {
                int[] kept = new int[centres.Length];
                for (int c = 0; c < remap.Length; c++)
                {
                    if (remap[c] >= 0)
                    {
                        kept[remap[c]] = origin[c];
                    }
                }

                origin = kept;
                if (iteration + 1 < maxIterations)
                {
                    FullAssign(points, centres, assignment, upper, lower);
                }

                continue; // centres were renumbered: not comparable with the previous ones this round
            }

            double[] moved = new double[centres.Length];
            double maxMove = 0, secondMove = 0;
            int maxAt = -1;
            for (int c = 0; c < centres.Length; c++)
            {
                moved[c] = centres[c].Distance(previous[c]);
                if (moved[c] > maxMove)
                {
                    secondMove = maxMove;
                    maxMove = moved[c];
                    maxAt = c;
                }
                else if (moved[c] > secondMove)
                {
                    secondMove = moved[c];
                }
            }

            if (maxMove * maxMove < toleranceSquared || iteration + 1 >= maxIterations)
            {
                break;
            }

            BoundedAssign(points, centres, assignment, upper, lower, moved, maxMove, secondMove, maxAt);
        }

        return new KMeansResult(centres, assignment, origin);
    }

    private static void FullAssign(ReadOnlySpan<Point2> points, Point2[] centres, int[] assignment, double[] upper, double[] lower)
    {
        for (int i = 0; i < points.Length; i++)
        {
            (assignment[i], upper[i], lower[i]) = NearestTwo(points[i], centres);
        }
    }

    private static void BoundedAssign(
        ReadOnlySpan<Point2> points, Point2[] centres, int[] assignment, double[] upper, double[] lower,
        double[] moved, double maxMove, double secondMove, int maxAt)
    {
        int k = centres.Length;
        double[] half = new double[k]; // half the distance from each centre to its closest other centre
        for (int c = 0; c < k; c++)
        {
            double closest = double.PositiveInfinity;
            for (int d = 0; d < k; d++)
            {
                if (d != c)
                {
                    closest = System.Math.Min(closest, centres[c].DistanceSquared(centres[d]));
                }
            }

            half[c] = 0.5 * System.Math.Sqrt(closest);
        }

        for (int i = 0; i < points.Length; i++)
        {
            int a = assignment[i];
            upper[i] += moved[a];
            lower[i] -= a == maxAt ? secondMove : maxMove;
            double bound = System.Math.Max(half[a], lower[i]);
            if (upper[i] < bound)
            {
                continue;
            }

            upper[i] = points[i].Distance(centres[a]);
            if (upper[i] < bound)
            {
                continue;
            }

            (assignment[i], upper[i], lower[i]) = NearestTwo(points[i], centres);
        }
    }

    // Nearest centre (ties to the lower index), its distance, and the distance to the second nearest.
    private static (int Best, double BestDistance, double SecondDistance) NearestTwo(Point2 p, Point2[] centres)
    {
        int best = 0;
        double d1 = double.PositiveInfinity, d2 = double.PositiveInfinity;
        for (int c = 0; c < centres.Length; c++)
        {
            double dx = centres[c].X - p.X, dy = centres[c].Y - p.Y;
            double d = (dx * dx) + (dy * dy);
            if (d < d1)
            {
                d2 = d1;
                d1 = d;
                best = c;
            }
            else if (d < d2)
            {
                d2 = d;
            }
        }

        return (best, System.Math.Sqrt(d1), System.Math.Sqrt(d2));
    }
}
