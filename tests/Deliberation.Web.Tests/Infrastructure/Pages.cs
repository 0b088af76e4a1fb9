using System.Text.Json;
using Microsoft.Playwright;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>What every page test does: fresh contexts, console errors collected, axe-core, screenshots.</summary>
public static class Pages
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(RepoFile("src/Deliberation.Web/node_modules/axe-core/axe.min.js")));

    public static string ScreenshotFolder { get; } = Path.Combine(RepoFile("."), "TestResults", "screenshots");

    public static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Deliberation.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, relative));
            }
        }

        throw new InvalidOperationException("Deliberation.sln not found above the test binaries.");
    }

    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, int width = 1280, string locale = "en-US")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 740 : 900 },
            Locale = locale,
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    /// <summary>Errors the page logged (CSP violations and uncaught exceptions among them).</summary>
    public static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // A 4xx the page handles (e.g. 401 from "who am I" before sign-in) is logged by Chromium as a resource error.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    /// <summary>Runs axe-core (WCAG 2.0/2.1 A and AA rules) and returns the serious and critical violations.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's own CSP (script-src 'self') stays on.
        await page.EvaluateAsync(AxeSource.Value);
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))" +
            ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))");
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var violations = await SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name}: serious/critical axe violations:\n" + string.Join('\n', violations));
    }

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/{name}-{width}.png.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var width = page.ViewportSize?.Width ?? 0;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
    }
}
