using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Deliberation.Data;

/// <summary>Brings a database's schema up to date: the app at start-up and the command line use the same steps.</summary>
public static class DatabaseMigrations
{
    /// <summary>Applies pending migrations; <paramref name="beforeMigrating"/> hears how many, before they run. Returns that number.</summary>
    public static async Task<int> ApplyAsync(DeliberationDbContext db, Action<int>? beforeMigrating, CancellationToken cancellationToken)
    {
        // Asking a brand-new database for its applied migrations makes the provider log an error about the missing
        // history table; look for the table first so a first start stays quiet (where the provider can tell).
        var history = db.GetService<IHistoryRepository>();
        var pending = await history.ExistsAsync(cancellationToken)
            ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count()
            : db.Database.GetMigrations().Count();
        if (pending > 0)
        {
            beforeMigrating?.Invoke(pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (!db.IsPostgres)
        {
            // Write-ahead logging lets readers proceed while a vote is being written.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return pending;
    }
}
