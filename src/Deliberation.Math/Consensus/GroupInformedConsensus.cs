using Deliberation.Math.Repness;

namespace Deliberation.Math.Consensus;

/// <summary>
/// Group-informed consensus (spec §1.9): Π over groups of (A_g + 1)/(S_g + 2), high only when every group agrees;
/// the disagree variant uses D. Without groups, the smoothed share over all voters stands in.
/// </summary>
internal static class GroupInformedConsensus
{
    public static (double Agree, double Disagree) For(int statement, VoteTallies tallies)
    {
        int k = tallies.ByGroup.Length;
        if (k == 0)
        {
            var all = tallies.All[statement];
            return (RepnessStatistics.SmoothedShare(all.A, all.S), RepnessStatistics.SmoothedShare(all.D, all.S));
        }

        double agree = 1, disagree = 1;
        for (int g = 0; g < k; g++)
        {
            var t = tallies.ByGroup[g][statement];
            agree *= RepnessStatistics.SmoothedShare(t.A, t.S);
            disagree *= RepnessStatistics.SmoothedShare(t.D, t.S);
        }

        return (agree, disagree);
    }
}
