namespace Deliberation.Math.Clustering;

/// <summary>
/// Keeps group labels stable between updates: new groups take the labels of the previous groups (same k) they lie
/// closest to, by the permutation with the least total distance (k ≤ 5, so at most 120 are tried).
/// </summary>
internal static class GroupLabelOrder
{
    /// <summary>Returns order[newLabel] = old cluster index, or null when there is nothing to match.</summary>
    public static int[]? MatchPrevious(Point2[] centres, Point2[]? previous)
    {
        if (previous is null || previous.Length != centres.Length || centres.Length < 2 || centres.Length > 8)
        {
            return null;
        }

        int k = centres.Length;
        int[] best = [];
        double bestCost = double.PositiveInfinity;
        int[] perm = Enumerable.Range(0, k).ToArray();
        do
        {
            double cost = 0;
            for (int label = 0; label < k; label++)
            {
                cost += centres[perm[label]].Distance(previous[label]);
            }

            if (cost < bestCost - 1e-12)
            {
                bestCost = cost;
                best = (int[])perm.Clone();
            }
        }
        while (NextPermutation(perm));

        return best;
    }

    private static bool NextPermutation(int[] a)
    {
        int i = a.Length - 2;
        while (i >= 0 && a[i] >= a[i + 1])
        {
            i--;
        }

        if (i < 0)
        {
            return false;
        }

        int j = a.Length - 1;
        while (a[j] <= a[i])
        {
            j--;
        }

        (a[i], a[j]) = (a[j], a[i]);
        Array.Reverse(a, i + 1, a.Length - i - 1);
        return true;
    }
}
