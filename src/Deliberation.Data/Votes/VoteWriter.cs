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
    /// <summary>
    /// The voting rule of the domain (<c>Statement.EnsureVotable</c>: conversation open, statement shown to
    /// participants) repeated inside the write, so that a vote racing a close or a rejection on another node can never
    /// slip in. The endpoint checks the rule first for a precise error; this makes it exact.
    /// </summary>
    internal const string VotableCondition =
        "c.is_open AND (s.moderation = 1 OR (s.moderation = 0 AND NOT c.settings_strict_moderation))";

    private const string Allowed = $"""
        SELECT 1 FROM conversations c JOIN statements s ON s.conversation_id = c.id
        WHERE c.id = @c AND s.id = @s AND {VotableCondition}
        """;

    internal const string Upsert = """
        ON CONFLICT (participant_id, statement_id) DO UPDATE
            SET value = excluded.value, updated_at = excluded.updated_at, last_event_id = excluded.last_event_id
        """;

    private const string PostgresGuarded = $"""
        WITH allowed AS ({Allowed}),
        e AS (
            INSERT INTO vote_events (conversation_id, participant_id, statement_id, value, created_at)
            SELECT @c, @p, @s, @v, @t FROM allowed
            RETURNING id)
        INSERT INTO votes (participant_id, statement_id, conversation_id, value, updated_at, last_event_id)
        SELECT @p, @s, @c, @v, @t, e.id FROM e
        {Upsert}
        RETURNING last_event_id
        """;

    private const string PostgresUnguarded = $"""
        WITH e AS (
            INSERT INTO vote_events (conversation_id, participant_id, statement_id, value, created_at)
            VALUES (@c, @p, @s, @v, @t)
            RETURNING id)
        INSERT INTO votes (participant_id, statement_id, conversation_id, value, updated_at, last_event_id)
        SELECT @p, @s, @c, @v, @t, e.id FROM e
        {Upsert}
        RETURNING last_event_id
        """;

    private const string SqliteEventGuarded = $"""
        INSERT INTO vote_events (conversation_id, participant_id, statement_id, value, created_at)
        SELECT @c, @p, @s, @v, @t WHERE EXISTS ({Allowed})
        RETURNING id
        """;

    private const string SqliteEventUnguarded = """
        INSERT INTO vote_events (conversation_id, participant_id, statement_id, value, created_at)
        VALUES (@c, @p, @s, @v, @t)
        RETURNING id
        """;

    private const string SqliteVote = $"""
        INSERT INTO votes (participant_id, statement_id, conversation_id, value, updated_at, last_event_id)
        VALUES (@p, @s, @c, @v, @t, @e)
        {Upsert}
        """;

    /// <summary>
    /// A participant's vote, refused (null) when the conversation is closed or the statement is not shown to
    /// participants at the moment of writing. Joins the caller's transaction when there is one.
    /// </summary>
    /// <returns>The id of the recorded vote event (the watermark that results will report), or null when refused.</returns>
    public static Task<long?> RecordVoteAsync(
        this DeliberationDbContext db, long conversationId, long participantId, long statementId, VoteValue value, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(db, guarded: true, conversationId, participantId, statementId, value, at, cancellationToken);

    /// <summary>
    /// A vote the system records without the participant-facing rule: an author agreeing with their own statement
    /// while it waits for moderation, or history brought in by an import.
    /// </summary>
    public static async Task<long> RecordVoteUncheckedAsync(
        this DeliberationDbContext db, long conversationId, long participantId, long statementId, VoteValue value, DateTimeOffset at, CancellationToken cancellationToken) =>
        await WriteAsync(db, guarded: false, conversationId, participantId, statementId, value, at, cancellationToken)
        ?? throw new InvalidOperationException("An unguarded vote write returned no event.");

    private static async Task<long?> WriteAsync(
        DeliberationDbContext db, bool guarded, long conversationId, long participantId, long statementId, VoteValue value, DateTimeOffset at, CancellationToken cancellationToken)
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
                await using var command = Command(connection, guarded ? PostgresGuarded : PostgresUnguarded, conversationId, participantId, statementId, value, at, isPostgres: true);
                command.Transaction = ambient;
                return ToId(await command.ExecuteScalarAsync(cancellationToken));
            }

            var own = ambient is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                var transaction = ambient ?? own;
                await using var insertEvent = Command(
                    connection, guarded ? SqliteEventGuarded : SqliteEventUnguarded, conversationId, participantId, statementId, value, at, isPostgres: false);
                insertEvent.Transaction = transaction;
                var eventId = ToId(await insertEvent.ExecuteScalarAsync(cancellationToken));
                if (eventId is null)
                {
                    return null;
                }

                await using var upsert = Command(connection, SqliteVote, conversationId, participantId, statementId, value, at, isPostgres: false);
                upsert.Transaction = transaction;
                upsert.AddParameter("e", eventId.Value);
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

    private static long? ToId(object? scalar) =>
        scalar is null or DBNull ? null : Convert.ToInt64(scalar, CultureInfo.InvariantCulture);

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
