using Microsoft.EntityFrameworkCore;

namespace Deliberation.Data.Providers;

public sealed class SqliteDeliberationDbContext(DbContextOptions<SqliteDeliberationDbContext> options) : DeliberationDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no time type and cannot compare or order DateTimeOffset stored as text: keep Unix milliseconds.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }
}
