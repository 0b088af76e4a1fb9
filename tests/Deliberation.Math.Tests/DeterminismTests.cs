using Deliberation.Math.Tests.Support;

namespace Deliberation.Math.Tests;

public class DeterminismTests
{
    [Theory]
    [InlineData(KMeansMethod.Polis)]
    [InlineData(KMeansMethod.MlNet)]
    public void Row_order_does_not_change_a_single_byte(KMeansMethod method)
    {
        var c = Conversations.Planted(11, participants: 120, statements: 25, groups: 3);
        var options = new MathOptions { KMeans = method };
        string expected = MathJson.Serialize(OpinionEngine.Update(c.Statements, c.Votes, null, options).Result);

        for (int seed = 0; seed < 3; seed++)
        {
            var shuffled = OpinionEngine.Update(Conversations.Shuffled(c.Statements, seed), Conversations.Shuffled(c.Votes, seed + 10), null, options);
            Assert.Equal(expected, MathJson.Serialize(shuffled.Result));
        }
    }

    [Fact]
    public void Same_input_gives_the_same_state()
    {
        var c = Conversations.Planted(12, 80, 20, 2);
        var a = OpinionEngine.Update(c.Statements, c.Votes, null);
        var b = OpinionEngine.Update(c.Statements, c.Votes, null);
        Assert.Equal(MathJson.Serialize(a.State), MathJson.Serialize(b.State));
    }

    [Theory]
    [InlineData(KMeansMethod.Polis)]
    [InlineData(KMeansMethod.MlNet)]
    public void A_restart_between_updates_changes_nothing(KMeansMethod method)
    {
        var c = Conversations.Planted(13, 150, 30, 3);
        var options = new MathOptions { KMeans = method };
        var first = c.Votes.Take(c.Votes.Length / 2).ToArray();
        var second = c.Votes.Take(c.Votes.Length * 3 / 4).ToArray();

        var live1 = OpinionEngine.Update(c.Statements, first, null, options);
        var live2 = OpinionEngine.Update(c.Statements, second, live1.State, options);
        var live3 = OpinionEngine.Update(c.Statements, c.Votes, live2.State, options);

        // Restart: the app stores the state as JSON, the process dies, a new one reads it back.
        var restored1 = MathJson.DeserializeState(MathJson.Serialize(live1.State))!;
        var after2 = OpinionEngine.Update(c.Statements, second, restored1, options);
        var restored2 = MathJson.DeserializeState(MathJson.SerializeToUtf8Bytes(after2.State))!;
        var after3 = OpinionEngine.Update(c.Statements, c.Votes, restored2, options);

        Assert.Equal(MathJson.Serialize(live2.Result), MathJson.Serialize(after2.Result));
        Assert.Equal(MathJson.Serialize(live3.Result), MathJson.Serialize(after3.Result));
        Assert.Equal(MathJson.Serialize(live3.State), MathJson.Serialize(after3.State));
    }

    [Fact]
    public void Results_round_trip_through_json()
    {
        var c = Conversations.Planted(14, 60, 15, 2);
        var result = OpinionEngine.Update(c.Statements, c.Votes, null).Result;
        string json = MathJson.Serialize(result);
        Assert.Equal(json, MathJson.Serialize(MathJson.DeserializeResult(json)!));
        Assert.Contains("\"k\":", json);
        Assert.Contains("\"direction\":\"Agree\"", json);
    }

    [Fact]
    public void Group_labels_stay_put_as_votes_arrive()
    {
        var c = Conversations.Planted(15, 200, 30, 2, separation: 0.95);
        MathState? state = null;
        Dictionary<long, int>? previous = null;
        for (int step = 1; step <= 5; step++)
        {
            var votes = c.Votes.Take(c.Votes.Length * step / 5).ToArray();
            var update = OpinionEngine.Update(c.Statements, votes, state);
            state = update.State;
            var groups = update.Result.Participants.Where(p => p.Group is not null).ToDictionary(p => p.Id, p => p.Group!.Value);
            if (previous is not null && update.Result.K == 2)
            {
                int same = previous.Count(kv => groups.TryGetValue(kv.Key, out int g) && g == kv.Value);
                Assert.True(same >= 0.9 * previous.Count, $"step {step}: only {same} of {previous.Count} kept their label");
            }

            previous = groups;
        }
    }

    [Fact]
    public void A_state_of_another_version_is_ignored()
    {
        var c = Conversations.Planted(16, 50, 12, 2);
        var cold = OpinionEngine.Update(c.Statements, c.Votes, null);
        var withForeignState = OpinionEngine.Update(c.Statements, c.Votes, cold.State with { Version = 99 });
        Assert.Equal(MathJson.Serialize(cold.Result), MathJson.Serialize(withForeignState.Result));
    }
}
