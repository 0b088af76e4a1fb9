namespace Deliberation.Math.Repness;

/// <summary>The smoothed proportions and tests of spec §1.7 (pa, pat, ra, rat and their disagree twins).</summary>
internal static class RepnessStatistics
{
    /// <summary>(count + 1) / (seen + 2): a proportion pulled towards ½ when there are few votes.</summary>
    public static double SmoothedShare(int count, int seen) => (count + 1.0) / (seen + 2.0);

    /// <summary>One-proportion test of a share against ½: 2·√(S+1)·((count+1)/(S+1) − ½).</summary>
    public static double ShareTest(int count, int seen) => 2 * System.Math.Sqrt(seen + 1.0) * (((count + 1.0) / (seen + 1.0)) - 0.5);

    /// <summary>Two-proportion z-test of count1/seen1 against count2/seen2 after adding 1 to all four counts; 0 when undefined.</summary>
    public static double TwoProportionTest(int count1, int seen1, int count2, int seen2)
    {
        double s1 = count1 + 1.0, n1 = seen1 + 1.0, s2 = count2 + 1.0, n2 = seen2 + 1.0;
        double pooled = (s1 + s2) / (n1 + n2);
        if (pooled >= 1 || pooled <= 0)
        {
            return 0;
        }

        double denominator = System.Math.Sqrt(pooled * (1 - pooled) * ((1 / n1) + (1 / n2)));
        return denominator > 0 ? ((s1 / n1) - (s2 / n2)) / denominator : 0;
    }

    public static RepresentativeStatement For(long statementId, VoteTally inGroup, VoteTally outGroup)
    {
        double pa = SmoothedShare(inGroup.A, inGroup.S);
        double pd = SmoothedShare(inGroup.D, inGroup.S);
        double pat = ShareTest(inGroup.A, inGroup.S);
        double pdt = ShareTest(inGroup.D, inGroup.S);
        double ra = pa / SmoothedShare(outGroup.A, outGroup.S);
        double rd = pd / SmoothedShare(outGroup.D, outGroup.S);
        double rat = TwoProportionTest(inGroup.A, inGroup.S, outGroup.A, outGroup.S);
        double rdt = TwoProportionTest(inGroup.D, inGroup.S, outGroup.D, outGroup.S);
        var direction = rat > rdt ? RepnessDirection.Agree : RepnessDirection.Disagree;
        double metric = direction == RepnessDirection.Agree ? ra * rat * pa * pat : rd * rdt * pd * pdt;
        return new RepresentativeStatement(statementId, direction, metric, pa, pat, ra, rat, pd, pdt, rd, rdt, inGroup, outGroup);
    }
}
