using Deliberation.Math.Consensus;
using Deliberation.Math.Polarisation;
using Deliberation.Math.Repness;
using Deliberation.Math.Clustering;

namespace Deliberation.Math.Tests;

public class StatisticsTests
{
    [Fact]
    public void Repness_statistics_follow_the_formulas()
    {
        // In group: 8 agree, 1 disagree, 1 pass (S = 10); elsewhere: 2 agree, 7 disagree, 1 pass (S = 10).
        var stats = RepnessStatistics.For(42, new VoteTally(8, 1, 1, 10), new VoteTally(2, 7, 1, 10));

        Assert.Equal(9.0 / 12, stats.Pa, 12);
        Assert.Equal(2 * System.Math.Sqrt(11) * ((9.0 / 11) - 0.5), stats.Pat, 12);
        Assert.Equal((9.0 / 12) / (3.0 / 12), stats.Ra, 12);
        double p1 = 9.0 / 11, p2 = 3.0 / 11, pooled = 12.0 / 22;
        Assert.Equal((p1 - p2) / System.Math.Sqrt(pooled * (1 - pooled) * (2.0 / 11)), stats.Rat, 12);
        Assert.Equal(RepnessDirection.Agree, stats.Direction);
        Assert.Equal(stats.Ra * stats.Rat * stats.Pa * stats.Pat, stats.Metric, 12);
    }

    [Fact]
    public void The_two_proportion_test_is_zero_when_everyone_agrees() =>
        Assert.Equal(0, RepnessStatistics.TwoProportionTest(9, 9, 9, 9));

    [Fact]
    public void Routing_priority_of_a_new_statement_and_of_meta()
    {
        Assert.Equal(System.Math.Pow(0.5 * 1 * 0.5 * 9, 2), RoutingPriority.ForNewStatement(), 12);
        Assert.Equal(49, RoutingPriority.ForNewStatement(isMeta: true));
        Assert.True(RoutingPriority.Compute(5, 5, 10, 2) > RoutingPriority.Compute(5, 5, 10, 0), "extremity raises priority");
        Assert.True(RoutingPriority.Compute(1, 0, 1, 0) > RoutingPriority.Compute(50, 0, 50, 0) / 10, "the novelty boost fades");
        Assert.True(RoutingPriority.Compute(0, 0, 10, 0) < RoutingPriority.Compute(5, 5, 10, 0), "passes lower priority");
    }

    [Fact]
    public void Group_labels_are_letters() =>
        Assert.Equal(["A", "B", "C", "Z", "AA", "AB"], new[] { 0, 1, 2, 25, 26, 27 }.Select(OpinionEngine.GroupLabel));

    [Fact]
    public void Eta_squared_is_one_for_point_groups_and_zero_for_one_group()
    {
        Point2[] points = [new(0, 0), new(0, 0), new(4, 4), new(4, 4)];
        Assert.Equal(1, PolarisationCalculator.EtaSquared(points, [0, 0, 1, 1], 2), 12);
        Assert.Equal(0, PolarisationCalculator.EtaSquared(points, [0, 0, 0, 0], 1));
        Assert.InRange(PolarisationCalculator.EtaSquared(points, [0, 1, 0, 1], 2), 0, 1e-12);
    }

    [Fact]
    public void Majority_needs_a_significant_majority()
    {
        VoteTally[] tallies = [new(40, 5, 5, 50), new(3, 2, 0, 5), new(2, 30, 3, 35), new(0, 0, 0, 0)];
        var (agree, disagree) = MajorityConsensus.Compute(tallies, [10, 11, 12, 13], [false, false, false, false], MathOptions.Default);

        Assert.Equal([10L], agree.Select(a => a.StatementId));
        Assert.Equal([12L], disagree.Select(a => a.StatementId));
    }
}
