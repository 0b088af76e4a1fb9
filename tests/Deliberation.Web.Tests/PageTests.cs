using Deliberation.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.Web.Tests;

/// <summary>Every page: zero serious or critical axe-core violations, and a screenshot at 360 and 1280 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(WebApp app, BrowserFixture browser) : IClassFixture<WebApp>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Every_page_is_accessible_and_is_photographed(int width)
    {
        using var seed = new Seed(app);
        var email = await seed.SignUpAsync();
        var id = await seed.CreateConversationAsync(
            "Wie soll die Stadt ihr Parkbudget ausgeben? A long question with Straßenbahnhaltestellenüberdachungen",
            ["More trees in the park", "A playground for small children", "Longer opening hours in summer"],
            new { isListed = true, reportIsPublic = true });

        await using var context = await Pages.NewContextAsync(browser.Browser, width);
        var page = await context.NewPageAsync();
        var errors = Pages.CollectErrors(page);

        async Task Check(string name, string path, ILocator ready)
        {
            await page.GotoAsync(app.Url(path));
            await Expect(ready).ToBeVisibleAsync();
            await Pages.AssertAccessibleAsync(page, name);
            await Pages.ScreenshotAsync(page, name);
        }

        await Check("home", "/", page.Locator($"#open-conversations a[href='/c/{id}']"));
        await Check("participant", $"/c/{id}", page.Locator("button[data-vote='agree']"));
        for (var voted = 1; voted <= 3; voted++)
        {
            await page.Locator("body").PressAsync("a");
            await Expect(page.Locator("#progress-text")).ToHaveTextAsync($"{voted} of 3");
        }

        await Expect(page.Locator("#statement-card")).ToHaveAttributeAsync("data-state", "done");
        await Pages.AssertAccessibleAsync(page, "participant-done");
        await Pages.ScreenshotAsync(page, "participant-done");
        await Check("participant-zh-TW", $"/c/{id}?lang=zh-TW", page.Locator("#statement-card[data-state='done']"));
        await Check("participant-embedded", $"/c/{id}?embed=1&map=0&write=0&lang=de", page.Locator("#statement-card[data-state='done']"));
        await Check("report", $"/r/{id}", page.GetByRole(AriaRole.Heading, new() { Name = "Wie soll die Stadt", Exact = false }));
        await Check("admin-sign-in", "/admin", page.Locator("#signin-form"));

        await FacilitatorTests.SignInAsync(page, app, email);
        await Pages.AssertAccessibleAsync(page, "admin-conversations");
        await Pages.ScreenshotAsync(page, "admin-conversations");
        await Check("admin-new", "/admin/new", page.Locator("#create-form"));
        await Check("admin-import", "/admin/import", page.Locator("#import-form"));
        await Check("admin-dashboard", $"/admin/c/{id}", page.Locator("#stats"));
        await Check("admin-moderation", $"/admin/c/{id}/moderate", page.Locator("#queue-total"));
        await Check("admin-settings", $"/admin/c/{id}/settings", page.Locator("#settings-form"));
        await Check("admin-share", $"/admin/c/{id}/share", page.Locator("#qr svg"));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_embed_script_puts_the_participant_page_in_an_iframe_with_the_snippet_options()
    {
        using var seed = new Seed(app);
        await seed.SignUpAsync();
        var id = await seed.CreateConversationAsync("Embedded question", ["Embedded statement"]);

        await using var context = await Pages.NewContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        // A page of another site (another origin on loopback) with the snippet.
        using var site = new HostSite(
            $"<!doctype html><html lang=\"en\"><title>Our city</title><body><h1>Our city</h1><div class=\"deliberation-embed\" data-conversation=\"{id}\" " +
            $"data-xid=\"user-42\" data-allow-writing=\"false\" data-lang=\"de\"></div><script async src=\"{app.Url("/embed.js")}\"></script></body></html>");
        await page.GotoAsync(site.Url);
        var frameElement = page.Locator("iframe");
        await Expect(frameElement).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex($"/c/{id}\\?embed=1&xid=user-42&write=0&lang=de$"));
        var frame = page.FrameLocator("iframe");
        await Expect(frame.Locator("#statement-text")).ToHaveTextAsync("Embedded statement");
        await Expect(frame.Locator("button[data-vote='agree']")).ToContainTextAsync("Zustimmen");
        await Expect(frame.Locator("#write")).ToBeHiddenAsync();
        await frame.Locator("button[data-vote='agree']").ClickAsync();
        await Expect(frame.Locator("#statement-card")).ToHaveAttributeAsync("data-state", "done");

        // The external id names the participant: the same xid elsewhere is the same person, with their vote.
        await using var again = await Pages.NewContextAsync(browser.Browser);
        var second = await again.NewPageAsync();
        await second.GotoAsync(app.Url($"/c/{id}?xid=user-42"));
        await Expect(second.Locator("#statement-card")).ToHaveAttributeAsync("data-state", "done");
    }
}
