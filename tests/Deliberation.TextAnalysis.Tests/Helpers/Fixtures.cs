namespace Deliberation.TextAnalysis.Tests.Helpers;

/// <summary>Finds tests/fixtures from wherever the test runner starts.</summary>
public static class Fixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string PolisFolder => Path.Combine(Root.Value, "polis");

    public static string TextFolder => Path.Combine(Root.Value, "text");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "tests", "fixtures");
                if (Directory.Exists(Path.Combine(candidate, "polis")))
                    return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/fixtures not found above " + AppContext.BaseDirectory);
    }
}
