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
        await ParticipantPage.TypeDraftAsync(page, "A quiet corner with benches");
        await Expect(page.Locator("#write-counter")).ToHaveTextAsync("27 / 280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit statement" }).ClickAsync();
        await Expect(page.Locator("#write-message")).ToContainTextAsync("Thank you");

        // The same words again: shown as a similar statement while typing, and if posted all the same, a clear
        // duplicate message that offers the existing statement.
        await ParticipantPage.TypeDraftAsync(page, "a quiet corner with benches");
        await Expect(page.Locator("#similar li").First).ToContainTextAsync("A quiet corner with benches");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit statement" }).ClickAsync();
        await Expect(page.Locator("#write-message")).ToContainTextAsync("already exists");
        await Expect(page.Locator("#write-message blockquote")).ToHaveTextAsync("A quiet corner with benches");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Typing_a_near_duplicate_shows_the_existing_statement_and_agreeing_with_it_takes_one_tap_instead_of_posting()
    {
        using var seed = new Seed(app);
        await seed.SignUpAsync();
        var id = await seed.CreateConversationAsync("Park budget, similar statements", Seeds);

        await using var context = await Pages.NewContextAsync(browser.Browser, width: 360);
        var page = await context.NewPageAsync();
        var errors = Pages.CollectErrors(page);
        await page.GotoAsync(app.Url($"/c/{id}"));
        await Expect(page.Locator("#statement-card")).ToHaveAttributeAsync("data-state", "voting");
        await Expect(page.Locator("#similar")).ToBeHiddenAsync();

        // A near-duplicate of a seed: the seed appears under the box while typing, nothing unrelated does.
        await ParticipantPage.TypeDraftAsync(page, "more trees in the parks please");
        var similar = page.Locator("#similar li");
        await Expect(page.Locator("#similar")).ToBeVisibleAsync();
        await Expect(similar.First).ToContainTextAsync("More trees in the park");
        await Expect(similar.Filter(new() { HasText = "opening hours" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#similar-status")).ToContainTextAsync("similar statement");
        await Pages.AssertAccessibleAsync(page, "participant-similar");
        await Pages.ScreenshotAsync(page, "participant-similar");

        // One tap agrees with it instead of posting: the vote counts, no statement is added.
        await similar.First.GetByRole(AriaRole.Button, new() { Name = "Agree instead of posting" }).ClickAsync();
        await Expect(similar.First.Locator(".agreed")).ToHaveTextAsync("✓ You agree with this statement.");
        await Expect(page.Locator("#write-message")).ToContainTextAsync("Your agreement was counted");
        await Expect(page.Locator("#vote-status")).ToHaveTextAsync("Vote recorded: Agree.");
        await Expect(page.Locator("#progress-text")).ToHaveTextAsync("1 of 3");
        var counts = await seed.GetJsonAsync($"/api/v1/manage/conversations/{id}/counts");
        Assert.Equal(3, counts.GetProperty("statements").GetInt32());
        Assert.Equal(1, counts.GetProperty("votes").GetInt32());

        // The card moved on to a statement not yet voted on, and the last vote can still be changed from there.
        await Expect(page.Locator("#statement-text")).Not.ToHaveTextAsync("More trees in the park");
        await page.Locator("#change-last").ClickAsync();
        await Expect(page.Locator("#statement-text")).ToHaveTextAsync("More trees in the park");
        await Expect(page.Locator("button[data-vote='agree']")).ToHaveAttributeAsync("aria-pressed", "true");

        // An unrelated draft clears the list.
        await ParticipantPage.TypeDraftAsync(page, "Free concerts on Sunday afternoons");
        await Expect(page.Locator("#similar")).ToBeHiddenAsync();
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
