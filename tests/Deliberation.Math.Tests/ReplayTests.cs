using Deliberation.Math.Replay;
using Deliberation.Math.Tests.Support;

namespace Deliberation.Math.Tests;

public class ReplayTests
{
    [Fact]
    public void A_replay_ends_on_every_latest_vote()
    {
        var c = Conversations.Planted(41, 120, 20, 2);
        var random = new Random(1);
        var timed = c.Votes.Select((v, i) => new TimedVote(1000 + (i * 10), v.ParticipantId, v.StatementId, v.Value)).ToList();
        timed.Insert(0, new TimedVote(5, c.Votes[^1].ParticipantId, c.Votes[^1].StatementId, (sbyte)-c.Votes[^1].Value)); // an older, replaced vote
        var statements = c.Statements.Select((s, j) => new TimedStatement(s, j * 100)).ToArray();

        var outcome = HistoryReplay.Run(statements, Conversations.Shuffled(timed, 3), schedule: new ReplaySchedule { MaxUpdates = 25 });

        Assert.InRange(outcome.Updates, 25, 40);
        Assert.Equal(c.Votes.Length, outcome.Final.Result.Counts.Votes);
        var cold = OpinionEngine.Update(c.Statements, c.Votes, null).Result;
        Assert.Equal(cold.Statements.Select(s => s.Votes), outcome.Final.Result.Statements.Select(s => s.Votes));
        Assert.Equal(outcome.Final.State.UpdateCount, outcome.Updates);
    }

    [Fact]
    public void Early_participants_enter_while_there_are_few_statements()
    {
        // Participant 0 votes once while a single statement exists; later statements arrive and others vote a lot.
        var statements = Enumerable.Range(0, 12).Select(j => new TimedStatement(new StatementInput(j, StatementModeration.Accepted, false), j == 0 ? 0 : 1000 + j)).ToArray();
        var votes = new List<TimedVote> { new(10, 0, 0, 1) };
        for (int i = 1; i <= 30; i++)
        {
            votes.AddRange(Enumerable.Range(0, 12).Select(j => new TimedVote(2000 + (i * 20) + j, i, j, (sbyte)((i + j) % 2 == 0 ? 1 : -1))));
        }

        var replayed = HistoryReplay.Run(statements, votes).Final.Result;
        var cold = OpinionEngine.Update([.. statements.Select(s => s.Statement)], [.. votes.Select(v => new VoteInput(v.ParticipantId, v.StatementId, v.Value))], null).Result;

        Assert.Contains(0L, replayed.InConv);
        Assert.DoesNotContain(0L, cold.InConv);
    }

    [Fact]
    public void A_clock_schedule_updates_at_most_once_per_interval()
    {
        var c = Conversations.Planted(42, 60, 10, 2);
        var timed = c.Votes.Select((v, i) => new TimedVote(i * 1000L, v.ParticipantId, v.StatementId, v.Value)).ToArray();
        var statements = c.Statements.Select(s => new TimedStatement(s, 0)).ToArray();

        var outcome = HistoryReplay.Run(statements, timed, schedule: new ReplaySchedule { IntervalMs = 100_000, UpdateBeforeEachEarlyStatement = false });

        Assert.InRange(outcome.Updates, (timed.Length / 100) - 1, (timed.Length / 100) + 2);
    }
}
