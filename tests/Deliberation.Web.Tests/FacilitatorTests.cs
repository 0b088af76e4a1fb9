using System.Text.RegularExpressions;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FacilitatorTests(WebApp app, BrowserFixture browser) : IClassFixture<WebApp>
{
    [Fact]
    public async Task A_facilitator_signs_up_creates_a_conversation_moderates_and_the_participant_view_changes()
    {
        await using var facilitatorContext = await Pages.NewContextAsync(browser.Browser);
        var admin = await facilitatorContext.NewPageAsync();
        var errors = Pages.CollectErrors(admin);

        // Sign up (which signs in) from the console.
        await admin.GotoAsync(app.Url("/admin"));
        await admin.Locator("#signup-email").FillAsync(Seed.NewEmail());
        await admin.Locator("#signup-password").FillAsync(Seed.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "My conversations" })).ToBeVisibleAsync();

        // Create: topic, description, seeds, strict moderation.
        await admin.Locator("#new-conversation").ClickAsync();
        await admin.GetByLabel("Topic (the question you ask)").FillAsync("Where should the new bus stop go?");
        await admin.Locator("#description").FillAsync("Think about **everyone** who rides.");
        await Expect(admin.Locator("#description-preview strong")).ToHaveTextAsync("everyone");
        await admin.GetByLabel("Strict moderation").CheckAsync();
        await admin.Locator("#seeds").FillAsync("Near the school\nNear the market\n\nNear the school");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create conversation" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Where should the new bus stop go?" })).ToBeVisibleAsync();
        await Expect(admin.Locator("#stat-statements .value")).ToHaveTextAsync("2");
        var id = new Uri(admin.Url).AbsolutePath.Split('/')[3];

        // A participant votes through the seeds and writes a statement, which waits for moderation.
        await using var participantContext = await Pages.NewContextAsync(browser.Browser, width: 360);
        var participant = await participantContext.NewPageAsync();
        await participant.GotoAsync(app.Url($"/c/{id}"));
        await Expect(participant.Locator("#statement-card")).ToHaveAttributeAsync("data-state", "voting");
        await participant.Locator("body").PressAsync("a");
        await Expect(participant.Locator("#progress-text")).ToHaveTextAsync("1 of 2");
        await participant.Locator("body").PressAsync("p");
        await Expect(participant.Locator("#statement-card")).ToHaveAttributeAsync("data-state", "done");
        await ParticipantPage.WriteAsync(participant, "Next to the library");
        await Expect(participant.Locator("#write-message")).ToContainTextAsync("once a moderator has accepted it");

        // A second participant has seen everything and waits for new statements.
        await using var otherContext = await Pages.NewContextAsync(browser.Browser);
        var other = await otherContext.NewPageAsync();
        await other.GotoAsync(app.Url($"/c/{id}"));
        await Expect(other.Locator("#statement-card")).ToHaveAttributeAsync("data-state", "voting");
        await other.Locator("body").PressAsync("a");
        await Expect(other.Locator("#progress-text")).ToHaveTextAsync("1 of 2");
        await other.Locator("body").PressAsync("d");
        await Expect(other.Locator("#statement-card")).ToHaveAttributeAsync("data-state", "done");

        // The facilitator accepts it from the queue with the keyboard.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Moderation" }).ClickAsync();
        var item = admin.Locator("#queue li", new() { HasText = "Next to the library" });
        await Expect(item).ToBeVisibleAsync();
        await item.FocusAsync();
        await admin.Keyboard.PressAsync("a");
        await Expect(admin.Locator("#queue-status")).ToHaveTextAsync("1 statement accepted.");
        await Expect(admin.Locator("#queue")).ToContainTextAsync("Nothing here.");

        // The waiting participant's card now shows it, without a reload.
        await Expect(other.Locator("#statement-text")).ToHaveTextAsync("Next to the library", new() { Timeout = 40_000 });

        // Close, and the participant page says so after a reload; reopen.
        await admin.Locator("#close-conversation").ClickAsync();
        await Expect(admin.Locator("#reopen-conversation")).ToBeVisibleAsync();
        await other.ReloadAsync();
        await Expect(other.GetByText("This conversation is closed")).ToBeVisibleAsync();
        await admin.Locator("#reopen-conversation").ClickAsync();
        await Expect(admin.Locator("#close-conversation")).ToBeVisibleAsync();

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Bulk_moderation_rejects_every_selected_statement()
    {
        using var seed = new Seed(app);
        var email = await seed.SignUpAsync();
        var id = await seed.CreateConversationAsync("Bulk", ["One", "Two", "Three"]);

        await using var context = await Pages.NewContextAsync(browser.Browser);
        var admin = await context.NewPageAsync();
        await SignInAsync(admin, app, email);
        await admin.GotoAsync(app.Url($"/admin/c/{id}/moderate"));
        await admin.Locator("#queue-filter").SelectOptionAsync("accepted");
        await Expect(admin.Locator("#queue li")).ToHaveCountAsync(3);
        await admin.Locator("#queue li").First.FocusAsync();
        await admin.Keyboard.PressAsync("x");
        await admin.Keyboard.PressAsync("j");
        await admin.Keyboard.PressAsync("x");
        await admin.Locator("#reject-selected").ClickAsync();
        await Expect(admin.Locator("#queue-status")).ToHaveTextAsync("2 statements rejected.");
        await Expect(admin.Locator("#queue li")).ToHaveCountAsync(1);
        await Expect(admin.Locator("#queue li")).ToContainTextAsync("Three");
    }

    [Fact]
    public async Task The_moderation_queue_warns_that_a_waiting_statement_nearly_repeats_an_accepted_one()
    {
        using var seed = new Seed(app);
        var email = await seed.SignUpAsync();
        var id = await seed.CreateConversationAsync(
            "Near-duplicates", ["We need more trees in the park", "Build a playground for small children", "Longer opening hours in summer"],
            new { strictModeration = true });
        await seed.WriteAsParticipantAsync(id, "We need more trees in the parks");
        await seed.WriteAsParticipantAsync(id, "Free concerts on Sunday afternoons");

        await using var context = await Pages.NewContextAsync(browser.Browser);
        var admin = await context.NewPageAsync();
        var errors = Pages.CollectErrors(admin);
        await SignInAsync(admin, app, email);
        await admin.GotoAsync(app.Url($"/admin/c/{id}/moderate"));
        var repeat = admin.Locator("#queue li", new() { HasText = "We need more trees in the parks" });
        await Expect(repeat.Locator(".near-duplicate")).ToContainTextAsync(new Regex(@"Nearly the same as #\d+ \(accepted\):"));
        await Expect(repeat.Locator(".near-duplicate q")).ToHaveTextAsync("We need more trees in the park");
        await Expect(admin.Locator("#queue li", new() { HasText = "Free concerts" }).Locator(".near-duplicate")).ToHaveCountAsync(0);
        await Expect(admin.Locator("#near-duplicates-summary")).ToHaveTextAsync("1 pair of statements nearly repeat each other; both are marked below.");
        await Pages.AssertAccessibleAsync(admin, "admin-moderation-near-duplicates");
        await Pages.ScreenshotAsync(admin, "admin-moderation-near-duplicates");

        // Rejected, the repeat leaves the queue and the warning goes with it.
        await repeat.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(admin.Locator("#queue-status")).ToHaveTextAsync("1 statement rejected.");
        await Expect(admin.Locator("#near-duplicates-summary")).ToBeHiddenAsync();
        await Expect(admin.Locator("#queue li")).ToHaveCountAsync(1);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_share_tab_offers_the_link_a_QR_code_and_an_embed_snippet_with_options()
    {
        using var seed = new Seed(app);
        var email = await seed.SignUpAsync();
        var id = await seed.CreateConversationAsync("Share me", ["Yes"]);

        await using var context = await Pages.NewContextAsync(browser.Browser);
        var admin = await context.NewPageAsync();
        await SignInAsync(admin, app, email);
        await admin.GotoAsync(app.Url($"/admin/c/{id}/share"));
        await Expect(admin.Locator("#share-url")).ToHaveTextAsync(app.Url($"/c/{id}"));
        await Expect(admin.Locator("#qr svg path")).ToHaveCountAsync(1);
        await admin.GetByLabel("Show the opinion map").UncheckAsync();
        await admin.Locator("#embed-lang").SelectOptionAsync("de");
        await Expect(admin.Locator("#embed-snippet")).ToContainTextAsync($"data-conversation=\"{id}\" data-show-map=\"false\" data-lang=\"de\"");
        await Expect(admin.Locator("#embed-snippet")).ToContainTextAsync(app.Url("/embed.js"));
    }

    [Fact]
    public async Task Wrong_credentials_get_a_clear_message()
    {
        await using var context = await Pages.NewContextAsync(browser.Browser);
        var admin = await context.NewPageAsync();
        await admin.GotoAsync(app.Url("/admin"));
        await admin.Locator("#signin-email").FillAsync("nobody@example.org");
        await admin.Locator("#signin-password").FillAsync("Wrong-Password-1");
        await admin.Locator("#signin-form button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#signin-message")).ToHaveTextAsync("The e-mail address or password is not right.");
    }

    internal static async Task SignInAsync(IPage page, WebApp app, string email)
    {
        await page.GotoAsync(app.Url("/admin"));
        await page.Locator("#signin-email").FillAsync(email);
        await page.Locator("#signin-password").FillAsync(Seed.Password);
        await page.Locator("#signin-form button[type=submit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My conversations" })).ToBeVisibleAsync();
    }
}
