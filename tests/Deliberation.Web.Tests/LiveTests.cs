using Deliberation.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LiveTests(WebApp app, BrowserFixture browser) : IClassFixture<WebApp>
{
    [Fact]
    public async Task A_second_browser_sees_the_results_move_as_a_participant_votes_and_writes_without_reloading()
    {
        using var seed = new Seed(app);
        await seed.SignUpAsync();
        var id = await seed.CreateConversationAsync("Live question", ["First idea", "Second idea", "Third idea"]);

        // The observer opens the page first; the page never polls results, so any change comes over the hub.
        await using var observerContext = await Pages.NewContextAsync(browser.Browser);
        var observer = await observerContext.NewPageAsync();
        var errors = Pages.CollectErrors(observer);
        await observer.GotoAsync(app.Url($"/c/{id}"));
        await Expect(observer.Locator("#results-section .connection")).ToHaveAttributeAsync("data-state", "connected");

        await using var voterContext = await Pages.NewContextAsync(browser.Browser, width: 360);
        var voter = await voterContext.NewPageAsync();
        await voter.GotoAsync(app.Url($"/c/{id}"));
        await Expect(voter.Locator("#statement-card")).ToHaveAttributeAsync("data-state", "voting");
        for (var voted = 1; voted <= 3; voted++)
        {
            await voter.Locator("body").PressAsync(voted == 2 ? "d" : "a");
            await Expect(voter.Locator("#progress-text")).ToHaveTextAsync($"{voted} of 3");
        }

        await ParticipantPage.WriteAsync(voter, "A fourth idea from the floor");
        await Expect(voter.Locator("#write-message")).ToContainTextAsync("Thank you");

        // Three votes plus the author's own agree on the new statement.
        await Expect(observer.Locator("#results-counts")).ToContainTextAsync("4 votes", new() { Timeout = 30_000 });
        Assert.Empty(errors);
    }
}
