using System.Data;
using Deliberation.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Deliberation.Exchange;

/// <summary>
/// A read-only transaction so that every file of one export (or every page of one replay) sees the same moment:
/// repeatable read on PostgreSQL; a deferred transaction on SQLite, which in WAL mode reads a snapshot without
/// blocking the votes being written meanwhile.
/// </summary>
internal static class ReadSnapshot
{
    public static async Task<IDbContextTransaction> BeginAsync(DeliberationDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        return await db.Database.UseTransactionAsync(connection.BeginTransaction(IsolationLevel.Serializable, deferred: true), cancellationToken)
            ?? throw new InvalidOperationException("The SQLite transaction could not be used.");
    }
}
