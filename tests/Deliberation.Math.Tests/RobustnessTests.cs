using Deliberation.Math.Tests.Support;

namespace Deliberation.Math.Tests;

/// <summary>Corner cases never throw and never put NaN or infinity in the output (JSON refuses both).</summary>
public class RobustnessTests
{
    private static MathUpdate Run(StatementInput[] statements, VoteInput[] votes, MathOptions? options = null)
    {
        var update = OpinionEngine.Update(statements, votes, null, options);
        _ = MathJson.Serialize(update.Result); // throws on NaN or infinity
        _ = MathJson.Serialize(update.State);
        var again = OpinionEngine.Update(statements, votes, update.State, options);
        _ = MathJson.Serialize(again.Result);
        return update;
    }

    private static StatementInput S(long id) => new(id, StatementModeration.Accepted, false);

    [Fact]
    public void Empty_conversation()
    {
        var update = Run([], []);
        Assert.Equal(0, update.Result.K);
        Assert.Empty(update.Result.Participants);
    }

    [Fact]
    public void Statements_without_votes()
    {
        var update = Run([S(1), S(2)], []);
        Assert.Equal(2, update.Result.Statements.Length);
        Assert.All(update.Result.Statements, s => Assert.Equal(RoutingPriority.ForNewStatement(), s.Priority));
    }

    [Fact]
    public void One_participant()
    {
        var update = Run([S(1), S(2), S(3)], [new(7, 1, 1), new(7, 2, -1), new(7, 3, 0)]);
        Assert.Equal(1, update.Result.K);
        Assert.Equal([7L], update.Result.InConv);
    }

    [Fact]
    public void One_statement()
    {
        var votes = Enumerable.Range(0, 30).Select(i => new VoteInput(i, 1, (sbyte)((i % 3) - 1))).ToArray();
        var update = Run([S(1)], votes);
        Assert.InRange(update.Result.K, 1, 3);
        Assert.Equal(30, update.Result.InConv.Length);
    }

    [Fact]
    public void All_passes()
    {
        var votes = Enumerable.Range(0, 20).SelectMany(i => Enumerable.Range(0, 10).Select(j => new VoteInput(i, j, 0))).ToArray();
        var update = Run([.. Enumerable.Range(0, 10).Select(j => S(j))], votes);
        Assert.Equal(1, update.Result.K);
        Assert.NotEmpty(update.Result.Uncertainty);
    }

    [Fact]
    public void Everyone_identical()
    {
        var votes = Enumerable.Range(0, 50).SelectMany(i => Enumerable.Range(0, 8).Select(j => new VoteInput(i, j, (sbyte)(j % 2 == 0 ? 1 : -1)))).ToArray();
        var update = Run([.. Enumerable.Range(0, 8).Select(j => S(j))], votes);
        Assert.Equal(1, update.Result.K);
        Assert.Single(update.Result.BaseClusters);
        Assert.Equal(0, update.Result.Polarisation.BetweenGroupVarianceShare);
    }

    [Fact]
    public void More_groups_asked_than_points()
    {
        var conversation = Conversations.Planted(3, participants: 4, statements: 9, groups: 2, density: 1);
        var options = new MathOptions { MinGroups = 5, MaxGroups = 9, BaseClusterCount = 100, MinInConv = 1 };
        var update = Run(conversation.Statements, conversation.Votes, options);
        Assert.InRange(update.Result.K, 1, 4);
    }

    [Fact]
    public void Everything_moderated_out()
    {
        var conversation = Conversations.Planted(4, 30, 10, 2);
        StatementInput[] rejected = [.. conversation.Statements.Select(s => s with { Moderation = StatementModeration.Rejected })];
        var update = Run(rejected, conversation.Votes);
        Assert.Empty(update.Result.MajorityAgree);
        Assert.All(update.Result.Statements, s => Assert.Equal(0, s.Priority));
        Assert.All(update.Result.Groups, g => Assert.Empty(g.Representative));
    }

    [Fact]
    public void Meta_statements_get_the_fixed_priority()
    {
        var conversation = Conversations.Planted(5, 30, 10, 2);
        StatementInput[] statements = [.. conversation.Statements.Select((s, j) => j == 0 ? s with { IsMeta = true } : s)];
        var update = Run(statements, conversation.Votes);
        Assert.Equal(RoutingPriority.MetaPriority, update.Result.Statements[0].Priority);
        Assert.True(update.Result.Statements[0].ModeratedOut);
    }

    [Fact]
    public void Degenerate_options_do_not_break_the_update()
    {
        var conversation = Conversations.Planted(6, 40, 12, 3);
        var options = new MathOptions
        {
            BaseClusterCount = 0, MaxGroups = 0, PcaMaxIterations = 0, BaseKMeansMaxIterations = 0, GroupKMeansIterations = 0,
            MinVotesForInConv = -3, MinInConv = -1, RepresentativeCount = -1, ConsensusCount = -2, UncertaintyCount = -1,
            Bridging = new BridgingOptions { LearningRate = double.NaN, MaxEpochsCold = 5 },
        };
        Run(conversation.Statements, conversation.Votes, options);
    }

    [Fact]
    public void Exploding_learning_rate_is_contained()
    {
        var conversation = Conversations.Planted(8, 60, 15, 2, density: 1);
        var options = new MathOptions { Bridging = new BridgingOptions { LearningRate = 1e30, MinRatingsPerRater = 1, MinRatersPerStatement = 1 } };
        var update = Run(conversation.Statements, conversation.Votes, options);
        Assert.All(update.Result.Statements, s => Assert.True(double.IsFinite(s.Bridging.Intercept)));
    }

    [Fact]
    public void Arbitrary_vote_sets_never_throw_nor_produce_non_finite_numbers()
    {
        for (int seed = 0; seed < 150; seed++)
        {
            var c = Conversations.Arbitrary(seed);
            var options = seed % 3 == 0 ? new MathOptions { KMeans = KMeansMethod.MlNet } : null;
            var update = Run(c.Statements, c.Votes, options);
            Assert.Equal(update.Result.K, update.Result.Groups.Length);
            Assert.All(update.Result.Participants, p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y)));
        }
    }
}
