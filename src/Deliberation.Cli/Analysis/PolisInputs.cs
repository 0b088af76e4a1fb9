using Deliberation.Math;
using Deliberation.Math.Replay;
using Deliberation.PolisFormat;

namespace Deliberation.Cli.Analysis;

/// <summary>Turns a Polis export into the math library's inputs (the library knows nothing of file formats).</summary>
public static class PolisInputs
{
    public static StatementModeration Moderation(int polisModerated) => polisModerated switch
    {
        > 0 => StatementModeration.Accepted,
        < 0 => StatementModeration.Rejected,
        _ => StatementModeration.Unmoderated,
    };

    /// <summary>Statements of comments.csv plus any statement that has votes but no row there (unmoderated).</summary>
    public static IReadOnlyList<TimedStatement> Statements(PolisExport export)
    {
        var byId = new Dictionary<long, TimedStatement>();
        foreach (var s in export.Statements)
        {
            byId[s.Id] = new TimedStatement(new StatementInput(s.Id, Moderation(s.Moderated), IsMeta: false), s.Timestamp);
        }

        var firstVote = new Dictionary<long, long>();
        if (export.VoteHistory is { } history)
        {
            foreach (var v in history)
            {
                firstVote[v.StatementId] = firstVote.TryGetValue(v.StatementId, out long t) ? System.Math.Min(t, v.Timestamp) : v.Timestamp;
            }
        }

        foreach (var v in export.MatrixVotes)
        {
            firstVote.TryAdd(v.StatementId, 0);
        }

        foreach (var (id, time) in firstVote)
        {
            byId.TryAdd(id, new TimedStatement(new StatementInput(id, StatementModeration.Unmoderated, IsMeta: false), time));
        }

        return [.. byId.Values.OrderBy(s => s.Statement.Id)];
    }

    public static IReadOnlyList<VoteInput> LatestVotes(PolisExport export) =>
        [.. export.LatestVotes().Select(v => new VoteInput(v.ParticipantId, v.StatementId, v.Value))];

    public static IReadOnlyList<TimedVote> History(PolisExport export) =>
        export.VoteHistory is { } history
            ? [.. history.Select(v => new TimedVote(v.Timestamp, v.VoterId, v.StatementId, v.Value))]
            : [];

    /// <summary>
    /// An approximate history for exports without votes.csv: participants arrive in id order (Polis gives ids in
    /// order of arrival) and cast their votes in the order statements were written; the "time" is the event's rank.
    /// Statements appear at their first vote. Replaying it lets warm starts and the k smoother act as they did live.
    /// </summary>
    public static (IReadOnlyList<TimedStatement> Statements, IReadOnlyList<TimedVote> Votes) SyntheticHistory(PolisExport export)
    {
        var created = new Dictionary<long, long>();
        foreach (var s in export.Statements)
        {
            created.TryAdd(s.Id, s.Timestamp);
        }

        var ordered = export.LatestVotes()
            .OrderBy(v => v.ParticipantId)
            .ThenBy(v => created.GetValueOrDefault(v.StatementId))
            .ThenBy(v => v.StatementId)
            .Select((v, rank) => new TimedVote(rank, v.ParticipantId, v.StatementId, v.Value))
            .ToArray();
        var firstVote = new Dictionary<long, long>();
        foreach (var v in ordered)
        {
            firstVote.TryAdd(v.StatementId, v.Timestamp);
        }

        var statements = Statements(export)
            .Select(s => s with { CreatedAt = firstVote.TryGetValue(s.Statement.Id, out long t) ? t : long.MaxValue })
            .ToArray();
        return (statements, ordered);
    }
}
