namespace Deliberation.Tests.Shared;

/// <summary>Finds tests/fixtures from the test binaries' folder, so that tests run from any working directory.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures", "polis");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException("tests/fixtures/polis not found above " + AppContext.BaseDirectory);
    });

    public static string PolisRoot => Root.Value;

    public static string Polis(string name) => Path.Combine(PolisRoot, name);

    public static IEnumerable<string> PolisNames() =>
        Directory.GetDirectories(PolisRoot).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string TempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "deliberation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
