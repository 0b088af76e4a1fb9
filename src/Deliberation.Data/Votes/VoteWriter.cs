using System.Data.Common;
using System.Globalization;
using Deliberation.Domain.Votes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Deliberation.Data.Votes;

/// <summary>
/// Records a vote: appends the event and upserts the current vote atomically, in one round trip where the provider
/// allows. This is the hottest write of the product, so it is plain SQL rather than change tracking.
/// Outside a caller's transaction, the vote is committed when the returned task completes.
/// </summary>
public static class VoteWriter
{
    private const string PostgresSql = """
        WITH e AS (
            INSERT INTO vote_events (conversation_id, participant_id, statement_id, value, created_at)
            VALUES (@c, @p, @s, @v, @t)
            RETURNING id)
        INSERT INTO votes (participant_id, statement_id, conversation_id, value, updated_at, last_event_id)
        SELECT @p, @s, @c, @v, @t, e.id FROM e
        ON CONFLICT (participant_id, statement_id) DO UPDATE
            SET value = excluded.value, updated_at = excluded.updated_at, last_event_id = excluded.last_event_id
        RETURNING last_event_id
        """;

    private const string SqliteEventSql = """
        INSERT INTO vote_events (conversation_id, participant_id, statement_id, value, created_at)
        VALUES (@c, @p, @s, @v, @t)
        RETURNING id
        """;

    private const string SqliteVoteSql = """
        INSERT INTO votes (participant_id, statement_id, conversation_id, value, updated_at, last_event_id)
        VALUES (@p, @s, @c, @v, @t, @e)
        ON CONFLICT (participant_id, statement_id) DO UPDATE
            SET value = excluded.value, updated_at = excluded.updated_at, last_event_id = excluded.last_event_id
        """;

    /// <summary>Joins the caller's transaction when there is one (a statement and its author's vote commit together).</summary>
    /// <returns>The id of the recorded vote event (the watermark that results will report).</returns>
    public static async Task<long> RecordVoteAsync(
        this DeliberationDbContext db, long conversationId, long participantId, long statementId, VoteValue value, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Vote.Validate(value);
        var connection = db.Database.GetDbConnection();
        var ambient = db.Database.CurrentTransaction?.GetDbTransaction();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.IsPostgres)
            {
                // One statement: atomic on its own, and one round trip.
                await using var command = Command(connection, PostgresSql, conversationId, participantId, statementId, value, at, isPostgres: true);
                command.Transaction = ambient;
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            var own = ambient is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                var transaction = ambient ?? own;
                await using var insertEvent = Command(connection, SqliteEventSql, conversationId, participantId, statementId, value, at, isPostgres: false);
                insertEvent.Transaction = transaction;
                var eventId = Convert.ToInt64(await insertEvent.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                await using var upsert = Command(connection, SqliteVoteSql, conversationId, participantId, statementId, value, at, isPostgres: false);
                upsert.Transaction = transaction;
                upsert.AddParameter("e", eventId);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }

                return eventId;
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(
        DbConnection connection, string sql, long conversationId, long participantId, long statementId, VoteValue value, DateTimeOffset at, bool isPostgres)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("c", conversationId);
        command.AddParameter("p", participantId);
        command.AddParameter("s", statementId);
        command.AddParameter("v", (short)value);
        command.AddParameter("t", isPostgres ? at.ToUniversalTime() : at.ToUnixTimeMilliseconds());
        return command;
    }
}
