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
}
