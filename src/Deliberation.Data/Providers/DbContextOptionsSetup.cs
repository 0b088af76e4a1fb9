using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Data.Providers;

/// <summary>Provider settings in one place, shared by the app and the design-time factories of the migrations.</summary>
public static class DbContextOptionsSetup
{
    public static void UseSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30))
            .UseSnakeCaseNamingConvention();

    public static void UsePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention();

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
