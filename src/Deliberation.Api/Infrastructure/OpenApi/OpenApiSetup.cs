using Deliberation.Api.Configuration;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Deliberation.Api.Infrastructure.OpenApi;

/// <summary>The OpenAPI document at /openapi/v1.json and the browsable reference at /scalar.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddDeliberationOpenApi(this IServiceCollection services)
    {
        services.AddOptions<ApiReferenceOptions>().BindConfiguration(ApiReferenceOptions.Section);
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Deliberation API";
            document.Info.Description =
                "Conversations, statements, votes and moderation. Facilitators sign in through /api/v1/account; " +
                "participants join a conversation and send their participant token as a cookie or a Bearer header.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication MapDeliberationOpenApi(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Services.GetRequiredService<IOptions<ApiReferenceOptions>>().Value.Enabled)
        {
            app.MapOpenApi().DisableRateLimiting();
            app.MapScalarApiReference(options => options.WithTitle("Deliberation API")).DisableRateLimiting();
        }

        return app;
    }
}
