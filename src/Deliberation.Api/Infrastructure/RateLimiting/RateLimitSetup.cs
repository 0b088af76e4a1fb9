using System.Globalization;
using System.Threading.RateLimiting;
using Deliberation.Api.Configuration;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Deliberation.Api.Infrastructure.RateLimiting;

/// <summary>
/// Public endpoints are limited per client address and per participant together (a chained limiter): one noisy
/// participant cannot flood a room, and one address cannot mint participants to get around that.
/// </summary>
public static class RateLimitSetup
{
    public const string StatementsPolicy = "statements";
    public const string AccountPolicy = "account";

    public static IServiceCollection AddDeliberationRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.OnRejected = OnRejectedAsync;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(PerIp),
                PartitionedRateLimiter.Create<HttpContext, string>(PerParticipant));
            options.AddPolicy(StatementsPolicy, context => Bucket(
                "statements:" + ParticipantKey(context),
                Limits(context).StatementsPerParticipantPerHour,
                TimeSpan.FromHours(1)));
            options.AddPolicy(AccountPolicy, context => Bucket(
                "account:" + IpKey(context),
                Limits(context).AccountPerIpPerMinute,
                TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    private static RateLimitPartition<string> PerIp(HttpContext context) => IsLimited(context)
        ? Bucket("ip:" + IpKey(context), Limits(context).PerIpPerMinute, TimeSpan.FromMinutes(1))
        : RateLimitPartition.GetNoLimiter("unlimited");

    private static RateLimitPartition<string> PerParticipant(HttpContext context) =>
        IsLimited(context) && ParticipantKey(context) is { } key && key.StartsWith('p')
            ? Bucket("participant:" + key, Limits(context).PerParticipantPerMinute, TimeSpan.FromMinutes(1))
            : RateLimitPartition.GetNoLimiter("unlimited");

    /// <summary>Token buckets refill smoothly, so a steady voter is never stopped by a window boundary.</summary>
    private static RateLimitPartition<string> Bucket(string key, int permitsPerPeriod, TimeSpan period) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permitsPerPeriod,
            TokensPerPeriod = System.Math.Max(1, permitsPerPeriod / 60),
            ReplenishmentPeriod = period / 60,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static bool IsLimited(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs");

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;

    private static string IpKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The participant a request claims to be (checked later by the endpoint), else its address.</summary>
    private static string ParticipantKey(HttpContext context)
    {
        if (context.GetRouteValue(ConversationRoute.Parameter) is string publicId)
        {
            var tokens = context.RequestServices.GetRequiredService<ParticipantTokens>();
            if (tokens.ReadRequest(context, publicId) is { } claim)
            {
                return "p" + claim.ParticipantId.ToString(CultureInfo.InvariantCulture);
            }
        }

        return "ip" + IpKey(context);
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = System.Math.Max(1, (int)System.Math.Ceiling(retryAfter.TotalSeconds));
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = rejected.HttpContext,
            ProblemDetails = ApiProblems.Describe(
                ProblemType.RateLimited,
                $"Too many requests. Try again in {seconds} second{(seconds == 1 ? "" : "s")}.",
                [new("retryAfterSeconds", seconds)]),
        });
    }
}
