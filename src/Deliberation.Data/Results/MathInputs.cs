using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using Deliberation.Math;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Deliberation.Data.Results;

/// <summary>
/// Everything one update needs, read in one consistent snapshot (statements, current votes, and the watermark: the
/// newest vote event those votes include). Plain data readers: a big conversation has millions of votes.
/// </summary>
public sealed record MathInputs(IReadOnlyList<StatementInput> Statements, IReadOnlyList<VoteInput> Votes, long Watermark, string StatementsFingerprint)
{
    public static async Task<MathInputs> ReadAsync(DeliberationDbContext db, long conversationId, CancellationToken cancellationToken)
    {
        // Repeatable read (PostgreSQL) / a read transaction (SQLite, WAL): both queries see the same moment.
        await using var transaction = await db.Database.BeginTransactionAsync(
            db.IsPostgres ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable, cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();

        var statements = new List<StatementInput>();
        await using (var command = Command(connection, dbTransaction, "SELECT id, moderation, is_meta FROM statements WHERE conversation_id = @c", conversationId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                statements.Add(new StatementInput(reader.GetInt64(0), (StatementModeration)reader.GetInt16(1), reader.GetBoolean(2)));
            }
        }

        var votes = new List<VoteInput>();
        long watermark = 0;
        await using (var command = Command(
            connection, dbTransaction, "SELECT participant_id, statement_id, value, last_event_id FROM votes WHERE conversation_id = @c", conversationId))
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                votes.Add(new VoteInput(reader.GetInt64(0), reader.GetInt64(1), (sbyte)reader.GetInt16(2)));
                watermark = System.Math.Max(watermark, reader.GetInt64(3));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new MathInputs(statements, votes, watermark, Fingerprint(statements));
    }

    /// <summary>Changes when a statement is added, moderated or marked meta: what the math sees of statements.</summary>
    public static string Fingerprint(IEnumerable<StatementInput> statements)
    {
        var ordered = statements.OrderBy(s => s.Id).ToArray();
        var bytes = new byte[ordered.Length * 10];
        for (var i = 0; i < ordered.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 10), ordered[i].Id);
            bytes[(i * 10) + 8] = (byte)(sbyte)ordered[i].Moderation;
            bytes[(i * 10) + 9] = ordered[i].IsMeta ? (byte)1 : (byte)0;
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, long conversationId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.AddParameter("c", conversationId);
        return command;
    }
}
