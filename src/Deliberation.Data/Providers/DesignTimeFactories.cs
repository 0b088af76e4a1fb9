using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Deliberation.Data.Providers;

/// <summary>Used only by <c>dotnet ef migrations add</c>; connection strings here are never opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDeliberationDbContext>
{
    public SqliteDeliberationDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteDeliberationDbContext>();
        DbContextOptionsSetup.UseSqlite(builder, "Data Source=design-time.db");
        return new SqliteDeliberationDbContext(builder.Options);
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDeliberationDbContext>
{
    public PostgresDeliberationDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresDeliberationDbContext>();
        DbContextOptionsSetup.UsePostgres(builder, "Host=localhost;Database=design_time");
        return new PostgresDeliberationDbContext(builder.Options);
    }
}
