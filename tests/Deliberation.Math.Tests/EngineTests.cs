using Deliberation.Math.Tests.Support;

namespace Deliberation.Math.Tests;

public class EngineTests
{
    [Theory]
    [InlineData(KMeansMethod.Polis)]
    [InlineData(KMeansMethod.MlNet)]
    public void Planted_groups_are_recovered(KMeansMethod method)
    {
        var c = Conversations.Planted(31, participants: 300, statements: 40, groups: 3, separation: 0.9);
        var result = OpinionEngine.Update(c.Statements, c.Votes, null, new MathOptions { KMeans = method }).Result;

        Assert.Equal(3, result.K);
        var byId = result.Participants.ToDictionary(p => p.Id);
        int[] ours = [.. Enumerable.Range(0, c.Planted.Length).Select(i => byId[1000 + i].Group ?? -1)];
        Assert.True(Conversations.AdjustedRand(c.Planted, ours) > 0.95);
        Assert.True(result.Polarisation.BetweenGroupVarianceShare > 0.7);
        Assert.True(result.Polarisation.MeanSilhouette > 0.3);
    }

    [Fact]
    public void The_result_holds_every_part_the_product_shows()
    {
        var c = Conversations.Planted(32, 250, 30, 2, separation: 0.8);
        var result = OpinionEngine.Update(c.Statements, c.Votes, null).Result;

        Assert.Equal(250, result.Counts.Participants);
        Assert.Equal(c.Votes.Length, result.Counts.Votes);
        Assert.Equal(30, result.Counts.Statements);
        Assert.InRange(result.BaseClusters.Length, 2, 100);
        Assert.Equal(result.InConv.Length, result.BaseClusters.Sum(b => b.Members.Length));
        Assert.Equal(result.InConv.Length, result.Groups.Sum(g => g.Members.Length));
        Assert.Equal(["A", "B"], result.Groups.Select(g => g.Label));
        Assert.All(result.Groups, g => Assert.NotEmpty(g.Representative));
        Assert.All(result.Groups, g => Assert.Equal(RepnessDirection.Agree, g.Representative[0].Direction));
        Assert.All(result.Statements, s => Assert.Equal(2, s.GroupVotes.Length));
        Assert.All(result.Statements, s => Assert.Equal(s.Votes.S, s.Votes.A + s.Votes.D + s.Votes.P));
        Assert.All(result.Statements, s => Assert.InRange(s.GroupInformedConsensusAgree, 0, 1));
        Assert.All(result.Statements, s => Assert.NotEqual(BridgingStatus.NotRated, s.Bridging.Status));
        Assert.All(result.Statements, s => Assert.True(s.Priority > 0));
        Assert.InRange(result.Polarisation.FirstComponentVarianceShare, 0.01, 1);
        Assert.InRange(result.Polarisation.MapVarianceShare, result.Polarisation.FirstComponentVarianceShare, 1);
        Assert.InRange(result.Polarisation.MeanDivergence, 0, 0.5);
        Assert.InRange(result.Polarisation.DivisiveStatementShare, 0.3, 1);
    }

    [Fact]
    public void In_conv_needs_seven_votes_tops_up_to_fifteen_and_never_shrinks()
    {
        StatementInput[] statements = [.. Enumerable.Range(0, 10).Select(j => new StatementInput(j, StatementModeration.Accepted, false))];
        var votes = new List<VoteInput>();
        for (int i = 0; i < 40; i++)
        {
            int count = i < 10 ? 8 : 3; // ten active participants, thirty with three votes
            votes.AddRange(Enumerable.Range(0, count).Select(j => new VoteInput(i, j, (sbyte)(((i + j) % 3) - 1))));
        }

        var first = OpinionEngine.Update(statements, votes, null);
        Assert.Equal(15, first.Result.InConv.Length);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => (long)i), first.Result.InConv);

        // Participant 39 is not clustered; 0..14 stay clustered even if their votes drop below the threshold.
        var fewer = votes.Where(v => v.ParticipantId >= 10 || v.StatementId < 2).ToList();
        var second = OpinionEngine.Update(statements, fewer, first.State);
        Assert.Contains(0L, second.Result.InConv);
        Assert.DoesNotContain(39L, second.Result.InConv);
    }

    [Fact]
    public void Bridging_separates_common_ground_from_divisive_statements()
    {
        // Two camps; statement 0 everyone agrees with, statement 1 splits the camps; the rest define the camps.
        var random = new Random(5);
        var votes = new List<VoteInput>();
        for (int i = 0; i < 200; i++)
        {
            int camp = i % 2 == 0 ? 1 : -1;
            votes.Add(new VoteInput(i, 0, random.NextDouble() < 0.95 ? (sbyte)1 : (sbyte)-1));
            votes.Add(new VoteInput(i, 1, (sbyte)camp));
            for (int j = 2; j < 20; j++)
            {
                votes.Add(new VoteInput(i, j, random.NextDouble() < 0.85 ? (sbyte)(camp * (j % 2 == 0 ? 1 : -1)) : (sbyte)(-camp * (j % 2 == 0 ? 1 : -1))));
            }
        }

        StatementInput[] statements = [.. Enumerable.Range(0, 20).Select(j => new StatementInput(j, StatementModeration.Accepted, false))];
        var result = OpinionEngine.Update(statements, votes, null).Result;
        var common = result.Statements[0].Bridging;
        var divisive = result.Statements[1].Bridging;

        Assert.True(common.Intercept > divisive.Intercept + 0.2, $"{common.Intercept} vs {divisive.Intercept}");
        Assert.True(System.Math.Abs(divisive.Factor) > System.Math.Abs(common.Factor) + 0.3, $"{divisive.Factor} vs {common.Factor}");
        Assert.True(result.Statements[0].GroupInformedConsensusAgree > 0.8);
        Assert.True(result.Statements[1].GroupInformedConsensusAgree < 0.1);
    }

    [Fact]
    public void Votes_on_unknown_statements_are_ignored_and_repeats_collapse()
    {
        StatementInput[] statements = [new(1, StatementModeration.Accepted, false)];
        var result = OpinionEngine.Update(statements, [new(1, 1, 1), new(1, 1, -1), new(2, 9, 1)], null).Result;

        Assert.Equal(1, result.Counts.Participants);
        Assert.Equal(1, result.Counts.Votes);
        Assert.Equal(new VoteTally(1, 0, 0, 1), result.Statements[0].Votes);
    }
}
