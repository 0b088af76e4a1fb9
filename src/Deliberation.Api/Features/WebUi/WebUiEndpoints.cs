using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Deliberation.Api.Features.WebUi;

/// <summary>
/// Serves the web UI that src/Deliberation.Web builds into wwwroot/app: the pages at their public addresses, the
/// hashed assets under /app/assets (cached for a year: their names change with their content), and /embed.js.
/// </summary>
public static class WebUiEndpoints
{
    private const string AssetsPrefix = "/app";

    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddOptions<WebUiOptions>().BindConfiguration(WebUiOptions.Section);
        services.AddSingleton<WebUiBundle>();
        return services;
    }

    /// <summary>Static assets of the bundle. Goes before routing, so that a file costs no endpoint work.</summary>
    public static WebApplication UseWebUiAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.Services.GetRequiredService<WebUiBundle>().Files,
            RequestPath = AssetsPrefix,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/app/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        return app;
    }

    public static IEndpointRouteBuilder MapWebUi(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("").WithTags("Web UI").ExcludeFromDescription();
        pages.MapGet("/", Home);
        pages.MapGet("/c/{conversationId}", Participant);
        pages.MapGet("/r/{conversationId}", Report);
        pages.MapGet("/admin", Admin);
        pages.MapGet("/admin/{**path}", Admin);
        pages.MapGet("/embed.js", EmbedScript);
        return endpoints;
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Home(HttpContext context, IOptions<WebUiOptions> options) =>
        Page(context, "index.html", embeddable: false, options.Value);

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Participant(HttpContext context, IOptions<WebUiOptions> options) =>
        Page(context, "participant.html", embeddable: true, options.Value);

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Report(HttpContext context, IOptions<WebUiOptions> options) =>
        Page(context, "report.html", embeddable: false, options.Value);

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Admin(HttpContext context, IOptions<WebUiOptions> options) =>
        Page(context, "admin.html", embeddable: false, options.Value);

    /// <summary>Other sites load it from a fixed address, so it is revalidated (ETag) rather than cached for long.</summary>
    private static Results<PhysicalFileHttpResult, ProblemHttpResult> EmbedScript(HttpContext context)
    {
        var file = context.RequestServices.GetRequiredService<WebUiBundle>().Get("embed.js");
        if (!file.Exists || file.PhysicalPath is null)
        {
            return NotBuilt();
        }

        context.Response.Headers.CacheControl = "public, max-age=300, must-revalidate";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        return TypedResults.PhysicalFile(file.PhysicalPath, "text/javascript; charset=utf-8", lastModified: file.LastModified, enableRangeProcessing: false);
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Page(HttpContext context, string name, bool embeddable, WebUiOptions options)
    {
        var file = context.RequestServices.GetRequiredService<WebUiBundle>().Get(name);
        if (!file.Exists || file.PhysicalPath is null)
        {
            return NotBuilt();
        }

        SecurityHeaders.ApplyPage(context, embeddable, options.EmbedFrameAncestors);
        return TypedResults.PhysicalFile(file.PhysicalPath, "text/html; charset=utf-8", lastModified: file.LastModified,
            entityTag: new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\""));
    }

    private static ProblemHttpResult NotBuilt() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        type: "/problems/unavailable",
        title: "The web UI has not been built.",
        detail: "Build the app with `dotnet build` (it runs the front-end build in src/Deliberation.Web; Node.js 20+ is needed).");
}
