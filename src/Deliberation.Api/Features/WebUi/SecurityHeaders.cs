using System.Text.RegularExpressions;

namespace Deliberation.Api.Features.WebUi;

/// <summary>
/// Headers of the UI's pages. Scripts, styles, images and connections come only from this app (the SignalR hub is
/// on the same origin, over ws/wss); nothing inline. Only the participant page may be framed, by the sites
/// configured in <see cref="WebUiOptions.EmbedFrameAncestors"/>.
/// </summary>
internal static partial class SecurityHeaders
{
    public static void ApplyPage(HttpContext context, bool embeddable, IReadOnlyList<string> embedAncestors)
    {
        var request = context.Request;
        var socket = (request.IsHttps ? "wss://" : "ws://") + request.Host.Value;
        var ancestors = !embeddable ? "'none'" : embedAncestors.Count == 0 ? "*" : FrameAncestors(embedAncestors);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            $"connect-src 'self' {socket}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}";
        if (!embeddable)
        {
            headers.XFrameOptions = "DENY";
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers.CacheControl = "no-cache";
    }

    /// <summary>Only well-formed sources pass: a bad setting must not open the policy to injection.</summary>
    internal static string FrameAncestors(IReadOnlyList<string> configured)
    {
        var sources = configured.Where(s => Source().IsMatch(s)).Distinct(StringComparer.Ordinal).ToList();
        return sources.Count == 0 ? "'none'" : string.Join(' ', sources);
    }

    [GeneratedRegex(@"^(\*|'self'|'none'|https?://(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?|https?:)$")]
    private static partial Regex Source();
}
