using Deliberation.Math.Repness;

namespace Deliberation.Math.Consensus;

/// <summary>
/// Majority statements (spec §1.8) over all voters: smoothed share above ½ and significant at one-tailed 90 %,
/// ranked by p·pt. Moderated-out statements never appear.
/// </summary>
internal static class MajorityConsensus
{
    public static (ConsensusStatement[] Agree, ConsensusStatement[] Disagree) Compute(VoteTally[] all, long[] statementIds, bool[] moderatedOut, MathOptions options)
    {
        var agree = new List<ConsensusStatement>();
        var disagree = new List<ConsensusStatement>();
        for (int j = 0; j < statementIds.Length; j++)
        {
            if (moderatedOut[j])
            {
                continue;
            }

            var t = all[j];
            double pa = RepnessStatistics.SmoothedShare(t.A, t.S), pat = RepnessStatistics.ShareTest(t.A, t.S);
            double pd = RepnessStatistics.SmoothedShare(t.D, t.S), pdt = RepnessStatistics.ShareTest(t.D, t.S);
            if (pa > 0.5 && pat > options.ZThreshold)
            {
                agree.Add(new ConsensusStatement(statementIds[j], pa, pat, t));
            }

            if (pd > 0.5 && pdt > options.ZThreshold)
            {
                disagree.Add(new ConsensusStatement(statementIds[j], pd, pdt, t));
            }
        }

        return (Top(agree, options.ConsensusCount), Top(disagree, options.ConsensusCount));
    }

    private static ConsensusStatement[] Top(List<ConsensusStatement> list, int count) =>
        [.. list.OrderByDescending(c => c.P * c.Pt).ThenBy(c => c.StatementId).Take(System.Math.Max(0, count))];
}
