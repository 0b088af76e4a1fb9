using System.Net;
using Deliberation.Web.Tests.Infrastructure;

namespace Deliberation.Web.Tests;

/// <summary>How the app serves the UI: page headers, caching, and what may be framed.</summary>
public sealed class SecurityHeaderTests(WebApp app) : IClassFixture<WebApp>
{
    private readonly HttpClient http = new() { BaseAddress = app.BaseAddress };

    [Theory]
    [InlineData("/")]
    [InlineData("/admin")]
    [InlineData("/admin/c/abcdefghijkl/moderate")]
    [InlineData("/r/abcdefghijkl")]
    public async Task Pages_other_than_the_participant_page_cannot_be_framed(string path)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_participant_page_may_be_embedded_and_allows_the_hub_connection()
    {
        var response = await http.GetAsync("/c/abcdefghijkl");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors *", csp);
        Assert.Contains($"connect-src 'self' ws://{app.BaseAddress.Authority}", csp);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Hashed_assets_are_immutable_and_the_embed_script_is_revalidated()
    {
        var html = await http.GetStringAsync("/c/abcdefghijkl");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/app/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        var asset = await http.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.GetValues("Cache-Control").Single());

        var embed = await http.GetAsync("/embed.js");
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Equal("text/javascript", embed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=300", embed.Headers.CacheControl?.ToString());
        Assert.StartsWith("(function(){", await embed.Content.ReadAsStringAsync());
    }
}
