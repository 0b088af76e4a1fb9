using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Api.Features.MathUpdates;
using Deliberation.Api.Features.Results;
using StackExchange.Redis;

namespace Deliberation.Api.Features.Live;

/// <summary>SignalR (with an optional Redis backplane for several nodes), the notifier, and the background math.</summary>
public static class LiveSetup
{
    public static IServiceCollection AddDeliberationLive(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR(o => o.MaximumReceiveMessageSize = 16 * 1024)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        var redis = configuration["SignalR:RedisConnectionString"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("deliberation"));
        }

        services.AddSingleton<IDeliberationNotifier, HubNotifier>();
        services.AddSingleton<LatestResults>();
        services.AddSingleton<TallyTracker>();
        services.AddScoped<ConversationMathJob>();
        services.AddOptions<MathSchedulerOptions>().BindConfiguration(MathSchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MathScheduler>();
        services.AddSingleton<IMathTrigger>(sp => sp.GetRequiredService<MathScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<MathScheduler>());
        return services;
    }

    public static IEndpointRouteBuilder MapDeliberationHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<DeliberationHub>(DeliberationHub.Path);
        return endpoints;
    }
}
