using System.CommandLine;
using Deliberation.Data;
using Deliberation.Exchange;
using Microsoft.Extensions.Configuration;

namespace Deliberation.Cli.Database;

/// <summary>
/// The database the app uses, found the way the app finds it: the top-level appsettings.json (linked next to the
/// binaries), then environment variables (<c>Database__Provider</c>, <c>Database__ConnectionString</c>), then
/// <c>--database</c> / <c>--provider</c>. By default the app's SQLite file <c>data/deliberation.db</c>, relative to the
/// working directory as for <c>dotnet run</c>.
/// </summary>
internal sealed class CliDatabase
{
    public CliDatabase()
    {
        Connection = new Option<string?>("--database")
        {
            Description = "Connection string of the app's database (default: Database:ConnectionString from appsettings.json or "
                + "Database__ConnectionString, else 'Data Source=data/deliberation.db').",
        };
        Provider = new Option<DatabaseProvider?>("--provider")
        {
            Description = "Sqlite or Postgres (default: Database:Provider; guessed from --database when only that is given).",
        };
    }

    public Option<string?> Connection { get; }

    public Option<DatabaseProvider?> Provider { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Connection);
        command.Options.Add(Provider);
    }

    public static IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .Build();

    public DatabaseOptions Resolve(ParseResult parse)
    {
        var options = Configuration().GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (parse.GetValue(Connection) is { Length: > 0 } connection)
        {
            options.ConnectionString = connection;
            if (parse.GetValue(Provider) is null)
            {
                options.Provider = connection.Contains("Host=", StringComparison.OrdinalIgnoreCase)
                    || connection.Contains("Server=", StringComparison.OrdinalIgnoreCase)
                    ? DatabaseProvider.Postgres
                    : DatabaseProvider.Sqlite;
            }
        }

        if (parse.GetValue(Provider) is { } provider)
        {
            options.Provider = provider;
        }

        return options;
    }

    /// <summary>Opens and migrates the database (the same migrations the app applies at start-up).</summary>
    public async Task<DeliberationDbContext> OpenAsync(ParseResult parse, TextWriter error, CancellationToken cancellationToken)
    {
        var options = Resolve(parse);
        var db = ExchangeDatabase.Open(options.Provider, options.ConnectionString);
        try
        {
            int migrated = await ExchangeDatabase.MigrateAsync(db, cancellationToken);
            if (migrated > 0)
            {
                await error.WriteLineAsync($"Applied {migrated} migrations to the {options.Provider} database.");
            }

            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Where the app serves a conversation: PublicUrl, else the first of Urls, then /c/{id}.</summary>
    public static string ConversationUrl(string publicId)
    {
        var configuration = Configuration();
        string? root = configuration["PublicUrl"];
        if (string.IsNullOrWhiteSpace(root))
        {
            root = (configuration["Urls"] ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        }

        return $"{root?.TrimEnd('/')}/c/{publicId}";
    }
}

/// <summary>The conversation named on the command line is not in the database.</summary>
internal sealed class ConversationNotFoundException(string id)
    : Exception($"There is no conversation '{id}' in this database (use the id that 'import' printed, e.g. 'aB3dE5gH7jK9').");
