namespace Deliberation.Math.Replay;

/// <summary>A statement with the time it was written (Unix ms), for replaying a conversation.</summary>
public readonly record struct TimedStatement(StatementInput Statement, long CreatedAt);

/// <summary>A vote event (Unix ms); later events on the same pair replace earlier ones.</summary>
public readonly record struct TimedVote(long Timestamp, long ParticipantId, long StatementId, sbyte Value);

/// <summary>How coarsely a history is replayed.</summary>
public sealed record ReplaySchedule
{
    /// <summary>Upper bound on the number of updates after the opening phase (keeps replays fast).</summary>
    public int MaxUpdates { get; init; } = 300;

    /// <summary>
    /// While fewer statements exist than <see cref="MathOptions.MinVotesForInConv"/>, run an update just before each
    /// new statement appears, as Polis (which recomputes every few seconds) would have: this is when participants with
    /// only one or two votes entered its clustering, and membership never shrinks.
    /// </summary>
    public bool UpdateBeforeEachEarlyStatement { get; init; } = true;

    /// <summary>
    /// When positive, updates follow the clock instead of vote counts: an update runs at the first vote, then at the
    /// first vote at least this many milliseconds after the previous update (Polis recomputes about every second
    /// while votes arrive, and each update takes a while). <see cref="MaxUpdates"/> then does not apply.
    /// </summary>
    public long IntervalMs { get; init; }

    /// <summary>
    /// Fit the bridging model only in the last update: intermediate updates serve warm starts and the k smoother,
    /// which do not depend on it, and skipping it makes long replays several times faster.
    /// </summary>
    public bool BridgingOnlyAtEnd { get; init; } = true;
}

/// <summary>The final update of a replay and how many updates it took.</summary>
public sealed record ReplayOutcome(MathUpdate Final, int Updates);

/// <summary>
/// Replays a conversation's vote history in time order through successive updates so that warm starts, the
/// monotone in-conv set and the k smoother act as they did live. The last update always sees every vote.
/// </summary>
public static class HistoryReplay
{
    public static ReplayOutcome Run(
        IReadOnlyList<TimedStatement> statements,
        IReadOnlyList<TimedVote> votes,
        MathOptions? options = null,
        ReplaySchedule? schedule = null,
        MathState? initial = null)
    {
        options ??= MathOptions.Default;
        schedule ??= new ReplaySchedule();
        var ordered = votes.Select((v, i) => (Vote: v, Order: i)).OrderBy(x => x.Vote.Timestamp).ThenBy(x => x.Order).Select(x => x.Vote).ToArray();

        // A statement exists from its creation or its first vote, whichever is earlier (clocks disagree at times).
        var firstSeen = new Dictionary<long, long>();
        foreach (var s in statements)
        {
            firstSeen[s.Statement.Id] = firstSeen.TryGetValue(s.Statement.Id, out long t) ? System.Math.Min(t, s.CreatedAt) : s.CreatedAt;
        }

        foreach (var vote in ordered)
        {
            if (firstSeen.TryGetValue(vote.StatementId, out long t) && vote.Timestamp < t)
            {
                firstSeen[vote.StatementId] = vote.Timestamp;
            }
        }

        var statementOrder = statements.OrderBy(s => firstSeen[s.Statement.Id]).ThenBy(s => s.Statement.Id).ToArray();
        var boundaries = Boundaries(ordered, statementOrder.Select(s => firstSeen[s.Statement.Id]).ToArray(), options, schedule);

        var current = new List<VoteInput>();
        var position = new Dictionary<(long, long), int>();
        var live = new List<StatementInput>();
        int nextStatement = 0;
        MathState? state = initial;
        MathUpdate? last = null;
        int updates = 0, v = 0;
        var intermediate = schedule.BridgingOnlyAtEnd ? options with { Bridging = options.Bridging with { Enabled = false } } : options;
        foreach (int end in boundaries)
        {
            for (; v < end; v++)
            {
                var vote = ordered[v];
                var key = (vote.ParticipantId, vote.StatementId);
                var input = new VoteInput(vote.ParticipantId, vote.StatementId, vote.Value);
                if (position.TryGetValue(key, out int at))
                {
                    current[at] = input;
                }
                else
                {
                    position[key] = current.Count;
                    current.Add(input);
                }
            }

            long now = end > 0 ? ordered[end - 1].Timestamp : long.MinValue;
            while (nextStatement < statementOrder.Length && firstSeen[statementOrder[nextStatement].Statement.Id] <= now)
            {
                live.Add(statementOrder[nextStatement++].Statement);
            }

            bool final = end == ordered.Length && nextStatement == statementOrder.Length;
            last = OpinionEngine.Update(live, current, state, final ? options : intermediate);
            state = last.State;
            updates++;
        }

        // Statements that never received a vote still belong to the final result.
        if (nextStatement < statementOrder.Length || last is null)
        {
            live.AddRange(statementOrder.Skip(nextStatement).Select(s => s.Statement));
            last = OpinionEngine.Update(live, current, state, options);
            updates++;
        }

        return new ReplayOutcome(last, updates);
    }

    // Vote counts after which an update runs: before each early statement, then evenly spaced, then at the end.
    private static List<int> Boundaries(TimedVote[] votes, long[] statementTimes, MathOptions options, ReplaySchedule schedule)
    {
        var ends = new SortedSet<int>();
        if (schedule.UpdateBeforeEachEarlyStatement)
        {
            int early = System.Math.Min(statementTimes.Length, System.Math.Max(0, options.MinVotesForInConv));
            for (int s = 1; s <= early && s < statementTimes.Length; s++)
            {
                // Just before statement s appears: every vote strictly earlier.
                int end = LowerBound(votes, statementTimes[s]);
                if (end > 0)
                {
                    ends.Add(end);
                }
            }
        }

        if (schedule.IntervalMs > 0)
        {
            // Update at t, then at max(t + interval, next vote): each sees every vote up to its time.
            int v = 0;
            long last = long.MinValue;
            while (v < votes.Length)
            {
                long at = last == long.MinValue ? votes[v].Timestamp : System.Math.Max(last + schedule.IntervalMs, votes[v].Timestamp);
                while (v < votes.Length && votes[v].Timestamp <= at)
                {
                    v++;
                }

                ends.Add(v);
                last = at;
            }
        }
        else
        {
            int step = System.Math.Max(1, (int)System.Math.Ceiling(votes.Length / (double)System.Math.Max(1, schedule.MaxUpdates)));
            for (int end = step; end < votes.Length; end += step)
            {
                ends.Add(end);
            }
        }

        if (votes.Length > 0)
        {
            ends.Add(votes.Length);
        }

        return [.. ends];
    }

    private static int LowerBound(TimedVote[] votes, long time)
    {
        int lo = 0, hi = votes.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (votes[mid].Timestamp < time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
