using Deliberation.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ParticipantTests(WebApp app, BrowserFixture browser) : IClassFixture<WebApp>
{
    private static readonly string[] Seeds = ["More trees in the park", "A playground for small children", "Longer opening hours"];

    [Fact]
    public async Task A_participant_votes_through_every_statement_changes_a_vote_and_writes_one()
    {
        using var seed = new Seed(app);
        await seed.SignUpAsync();
        var id = await seed.CreateConversationAsync("How should we spend the park budget?", Seeds);

        await using var context = await Pages.NewContextAsync(browser.Browser, width: 360);
        var page = await context.NewPageAsync();
        var errors = Pages.CollectErrors(page);
        await page.GotoAsync(app.Url($"/c/{id}"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How should we spend the park budget?" })).ToBeVisibleAsync();
        await Expect(page.Locator("#progress-text")).ToHaveTextAsync("0 of 3");
        await Expect(page.Locator(".description strong")).ToHaveTextAsync("what matters");

        // By button, then by keyboard shortcuts.
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree", Exact = true }).ClickAsync();
        await Expect(page.Locator("#progress-text")).ToHaveTextAsync("1 of 3");
        await page.Locator("body").PressAsync("d");
        await Expect(page.Locator("#progress-text")).ToHaveTextAsync("2 of 3");

        // Change the last vote: the statement comes back with the vote marked.
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my last vote" }).ClickAsync();
        await Expect(page.Locator("#statement-card")).ToHaveAttributeAsync("data-state", "revisiting");
        await Expect(page.Locator("button[data-vote='disagree']")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Locator("button[data-vote='pass']").ClickAsync();
        await Expect(page.Locator("#vote-status")).ToContainTextAsync("Pass");
        await Expect(page.Locator("#progress-text")).ToHaveTextAsync("2 of 3");

        await page.Locator("body").PressAsync("a");
        await Expect(page.Locator("#statement-card")).ToContainTextAsync("You've seen everything.");
        await Expect(page.Locator("#statement-card")).ToContainTextAsync("New statements will appear here");

        // Write a statement: the counter follows, and it is accepted.
        var box = page.GetByLabel("Your statement");
        await box.FillAsync("A quiet corner with benches");
        await Expect(page.Locator("#write-counter")).ToHaveTextAsync("27 / 280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit statement" }).ClickAsync();
        await Expect(page.Locator("#write-message")).ToContainTextAsync("Thank you");

        // The same words again: a clear duplicate message that offers the existing statement.
        await box.FillAsync("a quiet corner with benches");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit statement" }).ClickAsync();
        await Expect(page.Locator("#write-message")).ToContainTextAsync("already exists");
        await Expect(page.Locator("#write-message blockquote")).ToHaveTextAsync("A quiet corner with benches");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Text_that_looks_like_markup_is_shown_as_text()
    {
        using var seed = new Seed(app);
        await seed.SignUpAsync();
        var id = await seed.CreateConversationAsync(
            "Markup <b>test</b>", ["<img src=x onerror=\"document.title='pwned'\"> is just text"],
            description: "<script>document.title='pwned'</script> [click](javascript:alert(1)) and [ok](https://example.org)");

        await using var context = await Pages.NewContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url($"/c/{id}"));
        await Expect(page.Locator("#statement-text")).ToHaveTextAsync("<img src=x onerror=\"document.title='pwned'\"> is just text");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Markup <b>test</b>" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("main img, main script, main b").CountAsync());
        Assert.Equal(1, await page.Locator(".description a").CountAsync());
        Assert.Equal("https://example.org", await page.Locator(".description a").GetAttributeAsync("href"));
        Assert.DoesNotContain("pwned", await page.TitleAsync());
    }

    [Fact]
    public async Task A_closed_conversation_says_so_and_offers_no_voting()
    {
        using var seed = new Seed(app);
        await seed.SignUpAsync();
        var id = await seed.CreateConversationAsync("Closed question", Seeds);
        await seed.PostAsync($"/api/v1/manage/conversations/{id}/close");

        await using var context = await Pages.NewContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url($"/c/{id}"));
        await Expect(page.GetByText("This conversation is closed")).ToBeVisibleAsync();
        await Expect(page.Locator("button[data-vote='agree']")).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit statement" })).ToBeDisabledAsync();
    }

    [Fact]
    public async Task The_language_follows_the_browser_and_the_lang_parameter()
    {
        using var seed = new Seed(app);
        await seed.SignUpAsync();
        var id = await seed.CreateConversationAsync("Sprache", Seeds);

        await using var chinese = await Pages.NewContextAsync(browser.Browser, locale: "zh-TW");
        var page = await chinese.NewPageAsync();
        await page.GotoAsync(app.Url($"/c/{id}"));
        await Expect(page.Locator("button[data-vote='agree']")).ToContainTextAsync("同意");
        Assert.Equal("zh-TW", await page.GetAttributeAsync("html", "lang"));

        await page.GotoAsync(app.Url($"/c/{id}?lang=de"));
        await Expect(page.Locator("button[data-vote='agree']")).ToContainTextAsync("Zustimmen");
        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
    }
}
