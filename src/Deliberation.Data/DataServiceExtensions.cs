using System.ComponentModel.DataAnnotations;
using Deliberation.Data.Providers;
using Deliberation.Data.Votes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Deliberation.Data;

public static class DataServiceExtensions
{
    /// <summary>The database of the configured provider, and the shared key ring that lives in it.</summary>
    public static IHostApplicationBuilder AddDeliberationData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => Validator.TryValidateObject(o.VoteBatch, new ValidationContext(o.VoteBatch), null, validateAllProperties: true),
                "Database:VoteBatch needs MaxSize 1–10000, Writers 1–64 and QueueCapacity 1–1000000.")
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContextPool<DeliberationDbContext, PostgresDeliberationDbContext>(
                    o => DbContextOptionsSetup.UsePostgres(o, options.ConnectionString));
                break;
            default:
                DbContextOptionsSetup.EnsureSqliteFolder(options.ConnectionString);
                builder.Services.AddDbContextPool<DeliberationDbContext, SqliteDeliberationDbContext>(
                    o => DbContextOptionsSetup.UseSqlite(o, options.ConnectionString));
                break;
        }

        builder.Services.AddDataProtection()
            .SetApplicationName("Deliberation")
            .PersistKeysToDbContext<DeliberationDbContext>();
        builder.Services.AddSingleton<VoteBatcher>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }
}
