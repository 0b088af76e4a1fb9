using Deliberation.Data;
using Deliberation.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Exchange;

/// <summary>
/// Opens the app's database outside the web host (the command line, benchmarks, tests): the same provider setup and
/// the same migrations as the app.
/// </summary>
public static class ExchangeDatabase
{
    public static DeliberationDbContext Open(DatabaseProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (provider == DatabaseProvider.Postgres)
        {
            var builder = new DbContextOptionsBuilder<PostgresDeliberationDbContext>();
            DbContextOptionsSetup.UsePostgres(builder, connectionString);
            return new PostgresDeliberationDbContext(builder.Options);
        }

        DbContextOptionsSetup.EnsureSqliteFolder(connectionString);
        var sqlite = new DbContextOptionsBuilder<SqliteDeliberationDbContext>();
        DbContextOptionsSetup.UseSqlite(sqlite, connectionString);
        return new SqliteDeliberationDbContext(sqlite.Options);
    }

    /// <summary>Applies pending migrations, as the app does at start-up; returns how many ran.</summary>
    public static Task<int> MigrateAsync(DeliberationDbContext db, CancellationToken cancellationToken) =>
        DatabaseMigrations.ApplyAsync(db, beforeMigrating: null, cancellationToken);
}
