using Deliberation.Api.Tests.Infrastructure;
using Deliberation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Api.Tests.Schema;

/// <summary>The committed migrations of each provider build exactly the current model on a fresh database.</summary>
public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_fresh_database_migrates_to_the_current_model_with_no_pending_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new DeliberationApp(database, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeliberationDbContext>();

        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures: run scripts/add-migration.sh.");
        Assert.Equal(
            (await db.Database.GetAppliedMigrationsAsync()).Order(),
            db.Database.GetMigrations().Order());
        Assert.Equal(0, await db.Conversations.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_app_migrates_at_start_up(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new DeliberationApp(database);
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeliberationDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        using var client = app.Anonymous();
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }
}
