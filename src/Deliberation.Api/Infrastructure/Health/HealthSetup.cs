using Deliberation.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Deliberation.Api.Infrastructure.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers) for load balancers and orchestrators.</summary>
public static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddDeliberationHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<DeliberationDbContext>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapDeliberationHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .DisableRateLimiting();
        return endpoints;
    }
}
