using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Deliberation.Data;

/// <summary>
/// Applies pending migrations before the app takes requests. It runs in the "starting" phase, ahead of every hosted
/// service's start (the data-protection key ring, for one, reads its table as it starts).
/// </summary>
internal sealed partial class DatabaseMigrator(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeliberationDbContext>();
        await DatabaseMigrations.ApplyAsync(db, pending => LogMigrating(logger, options.Value.Provider, pending), cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migrations to the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, DatabaseProvider provider, int count);
}
