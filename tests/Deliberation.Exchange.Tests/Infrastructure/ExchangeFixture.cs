using Deliberation.Api.Tests.Infrastructure;
using Deliberation.Data;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Exchange.Tests.Infrastructure;

/// <summary>One fresh, migrated database per test class and provider, with a facilitator to own imports.</summary>
public abstract class ExchangeFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? database;

    public DatabaseProvider Provider => provider;

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not started.");

    public string OwnerId { get; private set; } = "";

    public DeliberationDbContext Open() => ExchangeDatabase.Open(provider, Database.ConnectionString);

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = Open();
        await ExchangeDatabase.MigrateAsync(db, CancellationToken.None);
        var owner = new Facilitator { UserName = "owner@example.org", Email = "owner@example.org" };
        owner.NormalizedEmail = owner.NormalizedUserName = "OWNER@EXAMPLE.ORG";
        owner.SecurityStamp = Guid.NewGuid().ToString("N");
        db.Users.Add(owner);
        await db.SaveChangesAsync();
        OwnerId = owner.Id;
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

public sealed class SqliteExchangeFixture() : ExchangeFixture(DatabaseProvider.Sqlite);

public sealed class PostgresExchangeFixture() : ExchangeFixture(DatabaseProvider.Postgres);
