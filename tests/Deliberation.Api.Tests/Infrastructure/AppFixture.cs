using Deliberation.Data;

namespace Deliberation.Api.Tests.Infrastructure;

/// <summary>One app and one fresh database per test class and provider.</summary>
public abstract class AppFixture(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    private TestDatabase? database;
    private DeliberationApp? app;

    public DeliberationApp App => app ?? throw new InvalidOperationException("The fixture has not started.");

    public DatabaseProvider Provider => provider;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        app = new DeliberationApp(database, settings);
        _ = app.Server; // start now: migrations run here, not inside the first test
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

public sealed class SqliteAppFixture() : AppFixture(DatabaseProvider.Sqlite);

public sealed class PostgresAppFixture() : AppFixture(DatabaseProvider.Postgres);

/// <summary>Settings for tests that watch the math: updates follow votes within a fifth of a second.</summary>
public static class LiveSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Fast = new Dictionary<string, string?> { ["Math:MinIntervalMs"] = "200" };
}

public sealed class LiveSqliteFixture() : AppFixture(DatabaseProvider.Sqlite, LiveSettings.Fast);

public sealed class LivePostgresFixture() : AppFixture(DatabaseProvider.Postgres, LiveSettings.Fast);
