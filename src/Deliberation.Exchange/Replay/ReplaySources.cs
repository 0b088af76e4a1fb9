using Deliberation.Data;
using Deliberation.Math;
using Deliberation.Math.Replay;
using Deliberation.PolisFormat;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Exchange.Replay;

/// <summary>Where a replay's history comes from: a Polis export, or a conversation in the database.</summary>
public static class ReplaySources
{
    /// <summary>
    /// votes.csv when the export has it; otherwise the matrix as one event per cell at its statement's time, participant
    /// by participant (the same history an import of that export records).
    /// </summary>
    public static ReplayHistory FromPolis(PolisExport export, string fallbackTitle)
    {
        var created = new Dictionary<long, long>();
        foreach (var s in export.Statements)
        {
            created.TryAdd(s.Id, s.Timestamp);
        }

        var statements = export.Statements
            .GroupBy(s => s.Id)
            .Select(g => g.First())
            .Select(s => new TimedStatement(new StatementInput(s.Id, Moderation(s.Moderated), IsMeta: false), s.Timestamp))
            .ToList();
        IReadOnlyList<TimedVote> votes = export.HasVoteHistory
            ? [.. export.VoteHistory!.Select(v => new TimedVote(v.Timestamp, v.VoterId, v.StatementId, v.Value))]
            : [.. export.MatrixVotes
                .OrderBy(v => v.ParticipantId).ThenBy(v => created.GetValueOrDefault(v.StatementId)).ThenBy(v => v.StatementId)
                .Select(v => new TimedVote(created.GetValueOrDefault(v.StatementId), v.ParticipantId, v.StatementId, v.Value))];
        string title = string.IsNullOrWhiteSpace(export.Summary.Topic) ? fallbackTitle : export.Summary.Topic!;
        return new ReplayHistory(title, statements, votes, SyntheticTimes: !export.HasVoteHistory);
    }

    /// <summary>The conversation's statements and every vote event, by number, in the order they were recorded.</summary>
    public static async Task<ReplayHistory> FromDatabaseAsync(DeliberationDbContext db, long conversationId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, cancellationToken);
        await using var transaction = await ReadSnapshot.BeginAsync(db, cancellationToken);
        try
        {
            var numbers = new Dictionary<long, long>();
            var statements = new List<TimedStatement>();
            await using (var command = Sql.Command(
                db, "SELECT id, number, moderation, is_meta, created_at FROM statements WHERE conversation_id = @c", ("c", conversationId)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    numbers[reader.GetInt64(0)] = reader.GetInt64(1);
                    statements.Add(new TimedStatement(
                        new StatementInput(reader.GetInt64(1), (StatementModeration)reader.GetInt16(2), reader.GetBoolean(3)),
                        DbTimes.ReadMs(reader, 4, db.IsPostgres)));
                }
            }

            var people = new Dictionary<long, long>();
            await using (var command = Sql.Command(db, "SELECT id, number FROM participants WHERE conversation_id = @c", ("c", conversationId)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    people[reader.GetInt64(0)] = reader.GetInt64(1);
                }
            }

            var votes = new List<TimedVote>();
            await using (var command = Sql.Command(
                db, "SELECT participant_id, statement_id, value, created_at FROM vote_events WHERE conversation_id = @c ORDER BY id", ("c", conversationId)))
            await using (var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    long participant = reader.GetInt64(0), statement = reader.GetInt64(1);
                    sbyte value = (sbyte)reader.GetInt16(2);
                    votes.Add(new TimedVote(DbTimes.ReadMs(reader, 3, db.IsPostgres), people[participant], numbers[statement], value));
                }
            }

            return new ReplayHistory(conversation.Topic, statements, votes, SyntheticTimes: false);
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static StatementModeration Moderation(int polis) => polis switch
    {
        > 0 => StatementModeration.Accepted,
        < 0 => StatementModeration.Rejected,
        _ => StatementModeration.Unmoderated,
    };
}
