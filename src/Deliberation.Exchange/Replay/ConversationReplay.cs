using Deliberation.Data.Results;
using Deliberation.Math;
using Deliberation.Math.Replay;

namespace Deliberation.Exchange.Replay;

/// <summary>
/// Rebuilds a conversation's math over its history: votes in time order, an update every N events or every T minutes,
/// each continuing from the previous one's state (warm starts, the monotone in-conv set and the k smoother act as
/// they did live). Returns the series of k, group sizes, polarisation and bridging statements.
/// </summary>
public static class ConversationReplay
{
    public const int MaxBridgingShown = 5;

    public static IReadOnlyList<ReplayPoint> Run(ReplayHistory history, ReplaySettings settings, IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (settings.EveryVotes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "EveryVotes must be positive.");
        }

        if (settings.EveryMinutes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "EveryMinutes must be positive.");
        }

        var votes = history.Votes.Select((v, i) => (Vote: v, Order: i)).OrderBy(x => x.Vote.Timestamp).ThenBy(x => x.Order).Select(x => x.Vote).ToArray();

        // A statement exists from its creation or its first vote, whichever is earlier.
        var firstSeen = history.Statements.ToDictionary(s => s.Statement.Id, s => s.CreatedAt);
        foreach (var vote in votes)
        {
            if (!firstSeen.TryGetValue(vote.StatementId, out long t) || vote.Timestamp < t)
            {
                firstSeen[vote.StatementId] = vote.Timestamp;
            }
        }

        var statementInputs = history.Statements.ToDictionary(s => s.Statement.Id, s => s.Statement);
        var statementOrder = firstSeen.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key)
            .Select(kv => statementInputs.TryGetValue(kv.Key, out var input) ? input : new StatementInput(kv.Key, StatementModeration.Unmoderated, false))
            .ToArray();
        var ends = Boundaries(votes, settings);

        // Bridging here is the product's selection (group-informed consensus with every group agreeing), which does not
        // need the matrix-factorisation model: leave that out of every step, it is the slow part.
        var options = settings.Math with { Bridging = settings.Math.Bridging with { Enabled = false } };
        var current = new List<VoteInput>();
        var position = new Dictionary<(long, long), int>();
        var live = new List<StatementInput>();
        int nextStatement = 0, v = 0;
        MathState? state = null;
        var points = new List<ReplayPoint>(ends.Count);
        foreach (int end in ends)
        {
            for (; v < end; v++)
            {
                var vote = votes[v];
                var input = new VoteInput(vote.ParticipantId, vote.StatementId, vote.Value);
                if (position.TryGetValue((vote.ParticipantId, vote.StatementId), out int at))
                {
                    current[at] = input;
                }
                else
                {
                    position[(vote.ParticipantId, vote.StatementId)] = current.Count;
                    current.Add(input);
                }
            }

            long now = end > 0 ? votes[end - 1].Timestamp : long.MinValue;
            bool last = end == votes.Length;
            while (nextStatement < statementOrder.Length && (last || firstSeen[statementOrder[nextStatement].Id] <= now))
            {
                live.Add(statementOrder[nextStatement++]);
            }

            var update = OpinionEngine.Update(live, current, state, options);
            state = update.State;
            points.Add(PointOf(points.Count + 1, now == long.MinValue ? 0 : now, end, live.Count, update.Result));
            progress?.Report((points.Count, ends.Count));
        }

        return points;
    }

    private static ReplayPoint PointOf(int step, long timestamp, int events, int statements, MathResult result)
    {
        var bridging = BridgingSelection.Select(result).Select(s => s.Id).ToList();
        return new ReplayPoint(
            step,
            timestamp,
            events,
            result.Counts.Participants,
            result.Counts.Votes,
            statements,
            result.Counts.InConv,
            result.K,
            [.. result.Groups.Select(g => g.Members.Length)],
            result.Polarisation,
            bridging.Count,
            [.. bridging.Take(MaxBridgingShown)]);
    }

    /// <summary>Vote counts after which a step runs; the last is always every vote (one step when there are none).</summary>
    internal static List<int> Boundaries(TimedVote[] votes, ReplaySettings settings)
    {
        var ends = new List<int>();
        if (votes.Length == 0)
        {
            return [0];
        }

        if (settings.EveryMinutes is { } minutes)
        {
            long interval = System.Math.Max(1, (long)(minutes * 60_000));
            long start = votes[0].Timestamp;
            int v = 0;
            while (v < votes.Length)
            {
                // The window that holds the next vote ends at start + k * interval.
                long k = ((votes[v].Timestamp - start) / interval) + 1;
                long limit = start + (k * interval);
                while (v < votes.Length && votes[v].Timestamp < limit)
                {
                    v++;
                }

                ends.Add(v);
            }

            return ends;
        }

        int every = settings.EveryVotes ?? System.Math.Max(1, (int)System.Math.Ceiling(votes.Length / (double)System.Math.Max(1, settings.DefaultSteps)));
        for (int end = every; end < votes.Length; end += every)
        {
            ends.Add(end);
        }

        ends.Add(votes.Length);
        return ends;
    }
}
