using Deliberation.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Deliberation.Api.Tests.Infrastructure;

/// <summary>
/// The real app on a real database of the given provider, through the test server. Settings are passed the way an
/// operator would (configuration keys), so the test exercises the same start-up path as production.
/// </summary>
public class DeliberationApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>A seeded random source for routing, so tests that look at the next statement are reproducible.</summary>
    public Random Random { get; } = new(12345);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");

        // Generous limits by default; the rate-limit tests set their own.
        builder.UseSetting("RateLimits:PerIpPerMinute", "100000");
        builder.UseSetting("RateLimits:PerParticipantPerMinute", "100000");
        builder.UseSetting("RateLimits:StatementsPerParticipantPerHour", "100000");
        builder.UseSetting("RateLimits:AccountPerIpPerMinute", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton(Random));
            if (clock is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(clock));
            }
        });
    }

    public ApiClient Anonymous() => new(CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));

    /// <summary>A browser-like client that keeps cookies between requests.</summary>
    public ApiClient Browser() => new(CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true }));
}
