namespace Deliberation.Math.Clustering;

/// <summary>
/// Lloyd's k-means as Polis runs it: from cold, the first k distinct points in input order are the initial
/// centres (deterministic, no seed); warm, the given centres. Stops when every centre moves less than the
/// tolerance or after maxIterations. Exists beside <see cref="MlNetKMeans"/> because ML.NET cannot start from
/// given centres — which is what keeps groups stable from one update to the next.
/// </summary>
internal sealed class PolisKMeans : IKMeans
{
    public bool SupportsWarmStart => true;

    public KMeansResult Fit(ReadOnlySpan<Point2> points, ReadOnlySpan<double> weights, int k, IReadOnlyList<Point2>? initialCentres, int maxIterations, double tolerance)
    {
        if (points.Length == 0 || k <= 0)
        {
            return new KMeansResult([], new int[points.Length], []);
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

        int[] assignment = new int[points.Length];
        double toleranceSquared = tolerance * tolerance;
        for (int iteration = 0; iteration < System.Math.Max(1, maxIterations); iteration++)
        {
            KMeansSteps.Assign(points, centres, assignment);
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
                continue; // centres were renumbered: not comparable with the previous ones this round
            }

            double moved = 0;
            for (int c = 0; c < centres.Length; c++)
            {
                moved = System.Math.Max(moved, centres[c].DistanceSquared(previous[c]));
            }

            if (moved < toleranceSquared)
            {
                break;
            }
        }

        return new KMeansResult(centres, assignment, origin);
    }
}
