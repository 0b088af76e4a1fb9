namespace Deliberation.Math.Clustering;

/// <summary>Mean silhouette (Euclidean, unweighted; a point alone in its cluster scores 0), as Polis uses to choose k.</summary>
internal static class Silhouette
{
    public static double Mean(ReadOnlySpan<Point2> points, ReadOnlySpan<int> labels, int k)
    {
        int n = points.Length;
        if (n < 2 || k < 2)
        {
            return 0;
        }

        int[] sizes = new int[k];
        foreach (int l in labels)
        {
            sizes[l]++;
        }

        double total = 0;
        double[] sums = new double[k];
        for (int i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (int j = 0; j < n; j++)
            {
                if (j != i)
                {
                    sums[labels[j]] += points[i].Distance(points[j]);
                }
            }

            int own = labels[i];
            if (sizes[own] <= 1)
            {
                continue;
            }

            double a = sums[own] / (sizes[own] - 1);
            double b = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = System.Math.Min(b, sums[c] / sizes[c]);
                }
            }

            double max = System.Math.Max(a, b);
            if (double.IsFinite(b) && max > 0)
            {
                total += (b - a) / max;
            }
        }

        return total / n;
    }
}
