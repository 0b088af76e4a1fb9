using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>Steps on the participant page that several tests share.</summary>
public static class ParticipantPage
{
    /// <summary>
    /// Types a draft and waits until the look-up of similar statements has answered (the panel is no longer busy),
    /// so that "Submit statement" posts at once rather than first showing similar statements.
    /// </summary>
    public static async Task TypeDraftAsync(IPage page, string text)
    {
        await page.GetByLabel("Your statement").FillAsync(text);
        await Expect(page.Locator("#similar")).ToHaveAttributeAsync("aria-busy", "false");
    }

    public static async Task WriteAsync(IPage page, string text)
    {
        await TypeDraftAsync(page, text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit statement" }).ClickAsync();
    }
}
