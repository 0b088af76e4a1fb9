using Deliberation.Math.Clustering;
using Deliberation.Math.Repness;

namespace Deliberation.Math.Polarisation;

/// <summary>
/// Measures of how divided the room is (spec §3). Each is bounded and defined for every input (0 when there is
/// nothing to measure), so a time series of them can be plotted without special cases.
/// </summary>
internal static class PolarisationCalculator
{
    public static PolarisationMeasures Compute(
        Point2[] clusteredPositions,
        int[] groupOfClustered,
        int k,
        double silhouette,
        double eigenvalue1,
        double eigenvalue2,
        double totalVariance,
        VoteTallies tallies,
        bool[] moderatedOut)
    {
        return new PolarisationMeasures
        {
            BetweenGroupVarianceShare = EtaSquared(clusteredPositions, groupOfClustered, k),
            MeanSilhouette = Finite(silhouette),
            FirstComponentVarianceShare = totalVariance > 0 ? Clamp01(eigenvalue1 / totalVariance) : 0,
            MapVarianceShare = totalVariance > 0 ? Clamp01((eigenvalue1 + eigenvalue2) / totalVariance) : 0,
            MeanDivergence = MeanDivergence(tallies, moderatedOut),
            DivisiveStatementShare = DivisiveShare(tallies, moderatedOut),
        };
    }

    /// <summary>η² = SS_between / SS_total of the positions with respect to their groups.</summary>
    public static double EtaSquared(Point2[] points, int[] groups, int k)
    {
        if (points.Length < 2 || k < 2)
        {
            return 0;
        }

        double mx = 0, my = 0;
        foreach (var p in points)
        {
            mx += p.X;
            my += p.Y;
        }

        mx /= points.Length;
        my /= points.Length;
        double[] gx = new double[k], gy = new double[k];
        int[] n = new int[k];
        double total = 0;
        for (int i = 0; i < points.Length; i++)
        {
            total += points[i].DistanceSquared(new Point2(mx, my));
            gx[groups[i]] += points[i].X;
            gy[groups[i]] += points[i].Y;
            n[groups[i]]++;
        }

        double between = 0;
        for (int g = 0; g < k; g++)
        {
            if (n[g] > 0)
            {
                double dx = (gx[g] / n[g]) - mx, dy = (gy[g] / n[g]) - my;
                between += n[g] * ((dx * dx) + (dy * dy));
            }
        }

        return total > 0 ? Clamp01(between / total) : 0;
    }

    // Global Dialogues' divergence per statement over groups' smoothed agree rates; groups of ≥ 15 members when
    // at least two have that many, else all groups.
    private static double MeanDivergence(VoteTallies tallies, bool[] moderatedOut)
    {
        int k = tallies.ByGroup.Length;
        if (k < 2)
        {
            return 0;
        }

        double sum = 0;
        int counted = 0;
        for (int j = 0; j < moderatedOut.Length; j++)
        {
            if (moderatedOut[j] || tallies.Clustered[j].S == 0)
            {
                continue;
            }

            double max = double.NegativeInfinity, min = double.PositiveInfinity;
            int used = 0;
            for (int g = 0; g < k; g++)
            {
                var t = tallies.ByGroup[g][j];
                if (t.S == 0)
                {
                    continue;
                }

                double r = RepnessStatistics.SmoothedShare(t.A, t.S);
                max = System.Math.Max(max, r);
                min = System.Math.Min(min, r);
                used++;
            }

            if (used >= 2)
            {
                sum += System.Math.Sqrt(System.Math.Max(max - 0.5, 0) * System.Math.Max(0.5 - min, 0));
                counted++;
            }
        }

        return counted > 0 ? sum / counted : 0;
    }

    // Jigsaw's "difference": a group's agree rate differs from everyone else's by ≥ 0.3 (at least 5 votes each side).
    private static double DivisiveShare(VoteTallies tallies, bool[] moderatedOut)
    {
        int k = tallies.ByGroup.Length;
        if (k < 2)
        {
            return 0;
        }

        int divisive = 0, counted = 0;
        for (int j = 0; j < moderatedOut.Length; j++)
        {
            var all = tallies.Clustered[j];
            if (moderatedOut[j] || all.S == 0)
            {
                continue;
            }

            counted++;
            for (int g = 0; g < k; g++)
            {
                var t = tallies.ByGroup[g][j];
                int restA = all.A - t.A, restS = all.S - t.S;
                if (t.S >= 5 && restS >= 5 && System.Math.Abs(((double)t.A / t.S) - ((double)restA / restS)) >= 0.3)
                {
                    divisive++;
                    break;
                }
            }
        }

        return counted > 0 ? (double)divisive / counted : 0;
    }

    private static double Clamp01(double v) => double.IsFinite(v) ? System.Math.Clamp(v, 0, 1) : 0;

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;
}
