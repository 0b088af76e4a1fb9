namespace Deliberation.Math.Repness;

/// <summary>
/// What each group stands for (spec §1.7): statements significant both in the group (pt) and against the rest
/// (rt) at one-tailed 90 %, best metric first, at most N; the group's best agreement leads and agreements come
/// before disagreements. When nothing is significant, the single best agreement stands in.
/// </summary>
internal static class RepresentativeStatements
{
    public static RepresentativeStatement[] ForGroup(int group, VoteTallies tallies, long[] statementIds, bool[] moderatedOut, MathOptions options)
    {
        double z = options.ZThreshold;
        var passing = new List<RepresentativeStatement>();
        RepresentativeStatement? bestAgreeAny = null;
        double bestAgreeAnyMetric = double.NegativeInfinity;
        for (int j = 0; j < statementIds.Length; j++)
        {
            if (moderatedOut[j])
            {
                continue;
            }

            var inGroup = tallies.ByGroup[group][j];
            var all = tallies.Clustered[j];
            var outGroup = VoteTallies.Tally(all.A - inGroup.A, all.D - inGroup.D, all.P - inGroup.P);
            var stats = RepnessStatistics.For(statementIds[j], inGroup, outGroup);
            if ((stats.Rat > z && stats.Pat > z) || (stats.Rdt > z && stats.Pdt > z))
            {
                passing.Add(stats);
            }

            double agreeMetric = stats.Ra * stats.Rat * stats.Pa * stats.Pat;
            if (inGroup.S > 0 && agreeMetric > bestAgreeAnyMetric)
            {
                bestAgreeAnyMetric = agreeMetric;
                bestAgreeAny = stats with { Direction = RepnessDirection.Agree, Metric = agreeMetric };
            }
        }

        if (passing.Count == 0)
        {
            return bestAgreeAny is null || options.RepresentativeCount <= 0 ? [] : [bestAgreeAny];
        }

        var ranked = passing.OrderByDescending(r => r.Metric).ThenBy(r => r.StatementId).ToList();
        var top = ranked.Take(System.Math.Max(0, options.RepresentativeCount)).ToList();
        var bestAgree = ranked.FirstOrDefault(r => r.Direction == RepnessDirection.Agree);
        if (bestAgree is not null && top.Count > 0 && !top.Contains(bestAgree))
        {
            top[^1] = bestAgree;
        }

        return
        [
            .. top.Where(r => r.Direction == RepnessDirection.Agree).OrderByDescending(r => r.Metric).ThenBy(r => r.StatementId),
            .. top.Where(r => r.Direction == RepnessDirection.Disagree).OrderByDescending(r => r.Metric).ThenBy(r => r.StatementId),
        ];
    }
}
