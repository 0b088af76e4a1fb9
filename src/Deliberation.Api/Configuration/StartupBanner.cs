using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Deliberation.Api.Configuration;

public static partial class StartupBanner
{
    /// <summary>Once listening, says in one line where to open the product and its API reference.</summary>
    public static WebApplication AnnounceAddresses(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var url = addresses?.FirstOrDefault();
            if (url is not null)
            {
                LogReady(app.Logger, url, url.TrimEnd('/') + "/scalar");
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deliberation is running at {Url} (API reference: {ReferenceUrl})")]
    private static partial void LogReady(ILogger logger, string url, string referenceUrl);
}
