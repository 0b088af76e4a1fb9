using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Api.Configuration;
using Deliberation.Api.Features.Account;
using Deliberation.Api.Features.Conversations;
using Deliberation.Api.Features.Exchange;
using Deliberation.Api.Features.Research;
using Deliberation.Api.Features.TextAnalysis;
using Deliberation.Api.Features.Moderation;
using Deliberation.Api.Features.Live;
using Deliberation.Api.Features.Participation;
using Deliberation.Api.Features.Results;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Features.Votes;
using Deliberation.Api.Features.WebUi;
using Deliberation.Api.Infrastructure.Caching;
using Deliberation.Api.Infrastructure.Health;
using Deliberation.Api.Infrastructure.Http;
using Deliberation.Api.Infrastructure.OpenApi;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.RateLimiting;
using Deliberation.Api.Infrastructure.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Serilog;

namespace Deliberation.Api;

/// <summary>The web host's services and pipeline; Program.cs only composes.</summary>
public static class ApiSetup
{
    public static IHostApplicationBuilder AddDeliberationApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new Random());
        services.AddSingleton<ParticipantTokens>();
        services.AddSingleton<NextStatementPicker>();
        services.AddSingleton<VotedStatementsCache>();
        services.AddOptions<CachingOptions>().BindConfiguration(CachingOptions.Section);
        services.AddSingleton<ConversationSnapshots>();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = StampProblem);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        services.AddFacilitatorAccounts();
        services.AddDeliberationLive(builder.Configuration);
        services.AddDeliberationRateLimits();
        services.AddDeliberationOpenApi();
        services.AddDeliberationHealth();
        services.AddStatementTextAnalysis();
        services.AddWebUi();
        ConfigureForwardedHeaders(builder);
        return builder;
    }

    public static WebApplication UseDeliberationApi(this WebApplication app)
    {
        if (app.Configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() is { Enabled: true })
        {
            app.UseForwardedHeaders();
        }

        // Outermost, so that it logs the status the client finally got, after errors became problem responses.
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebUiAssets();
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapDeliberationHealth();
        app.MapDeliberationOpenApi();
        app.MapAccountEndpoints();
        app.MapManageConversationEndpoints();
        app.MapManageStatementEndpoints();
        app.MapParticipationEndpoints();
        app.MapStatementEndpoints();
        app.MapVoteEndpoints();
        app.MapResultsEndpoints();
        app.MapExportEndpoints();
        app.MapImportEndpoints();
        app.MapResearchEndpoints();
        app.MapTextAnalysisEndpoints();
        app.MapDeliberationHub();
        app.MapWebUi();
        return app;
    }

    /// <summary>Every problem gets one of our stable types (framework ones included) and the trace id to quote.</summary>
    private static void StampProblem(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is null || !problem.Type.StartsWith("/problems/", StringComparison.Ordinal))
        {
            var type = ProblemType.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Type = type.Uri;
            problem.Title ??= type.Title;
        }

        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    }

    private static void ConfigureForwardedHeaders(IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}
