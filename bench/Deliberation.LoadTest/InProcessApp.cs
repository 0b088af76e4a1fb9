using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Deliberation.LoadTest;

/// <summary>
/// The real app, hosted in this process on a loopback port (Kestrel, not the test server), on a fresh SQLite file or a
/// fresh PostgreSQL database. Rate limits are lifted: every simulated participant shares one address.
/// </summary>
public sealed class InProcessApp : WebApplicationFactory<Program>
{
    private readonly string connectionString;
    private readonly string provider;
    private readonly string? postgresAdmin;
    private readonly string? postgresDatabase;
    private readonly string? sqliteFolder;

    private InProcessApp(string provider, string connectionString, string? postgresAdmin, string? postgresDatabase, string? sqliteFolder)
    {
        this.provider = provider;
        this.connectionString = connectionString;
        this.postgresAdmin = postgresAdmin;
        this.postgresDatabase = postgresDatabase;
        this.sqliteFolder = sqliteFolder;
        UseKestrel(0);
    }

    public static async Task<InProcessApp> StartAsync(string? postgres)
    {
        // Outside a test project the factory cannot guess the app's content root; the published settings file sits here.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DELIBERATION_API", AppContext.BaseDirectory);
        InProcessApp app;
        if (postgres is null)
        {
            var folder = Directory.CreateTempSubdirectory("deliberation-load-").FullName;
            app = new InProcessApp("Sqlite", $"Data Source={Path.Combine(folder, "load.db")}", null, null, folder);
        }
        else
        {
            var name = "dlb_load_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(postgres))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = name, MaxPoolSize = 100 };
            app = new InProcessApp("Postgres", builder.ConnectionString, postgres, name, null);
        }

        app.StartServer();
        return app;
    }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("RateLimits:PerIpPerMinute", "100000000");
        builder.UseSetting("RateLimits:PerParticipantPerMinute", "100000000");
        builder.UseSetting("RateLimits:StatementsPerParticipantPerHour", "100000000");
        builder.UseSetting("RateLimits:AccountPerIpPerMinute", "100000000");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
