using Deliberation.Web.Tests.Infrastructure;

namespace Deliberation.Web.Tests;

/// <summary>An operator who lists the sites allowed to embed gets exactly those in frame-ancestors, and nothing malformed.</summary>
public sealed class EmbedSettingsTests(EmbedSettingsTests.RestrictedApp app) : IClassFixture<EmbedSettingsTests.RestrictedApp>
{
    [Fact]
    public async Task Only_the_configured_well_formed_sites_may_frame_the_participant_page()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await http.GetAsync("/c/abcdefghijkl");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.EndsWith("; frame-ancestors https://city.example https://*.council.example:8443", csp);

        var admin = await http.GetAsync("/admin");
        Assert.Contains("frame-ancestors 'none'", admin.Headers.GetValues("Content-Security-Policy").Single());
    }

    public sealed class RestrictedApp : WebApp
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["WebUi:EmbedFrameAncestors:0"] = "https://city.example",
            ["WebUi:EmbedFrameAncestors:1"] = "https://*.council.example:8443",
            ["WebUi:EmbedFrameAncestors:2"] = "https://evil.example; script-src *",
            ["WebUi:EmbedFrameAncestors:3"] = "javascript:",
        };
    }
}
