using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Deliberation.Data.Providers;

/// <summary>Provider settings in one place, shared by the app and the design-time factories of the migrations.</summary>
public static class DbContextOptionsSetup
{
    public static void UseSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30))
            .UseSnakeCaseNamingConvention();

    public static void UsePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(WithPostgresDefaults(connectionString))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Pool settings for a vote-heavy load, unless the connection string says otherwise. EF Core rents a pooled
    /// connection for each query; by default Npgsql then sends DISCARD ALL, which also drops prepared statements, so
    /// every vote was parsed and planned afresh. The app keeps no session state (no SET, temp tables or session
    /// locks), so there is nothing to reset, and the few hot statements are prepared automatically after two uses.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new HashSet<string>(
            connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(part => part.Split('=', 2)[0].Replace(" ", string.Empty, StringComparison.Ordinal)),
            StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 32;
        }

        return builder.ConnectionString;
    }

    /// <summary>The folder of a SQLite file must exist before the first connection opens it.</summary>
    public static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
