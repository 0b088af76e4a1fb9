using Microsoft.EntityFrameworkCore;

namespace Deliberation.Data.Providers;

public sealed class PostgresDeliberationDbContext(DbContextOptions<PostgresDeliberationDbContext> options) : DeliberationDbContext(options);
