using System.Diagnostics;
using Deliberation.Data;
using Deliberation.Exchange;
using Deliberation.Exchange.Export;
using Deliberation.Exchange.Import;

namespace Deliberation.Benchmarks;

/// <summary>
/// Measures the peak memory of exporting a 1 M-vote conversation: seeds a SQLite (or PostgreSQL) database once through
/// the importer, then exports it as a zip in a fresh child process and reports that process's peak working set (VmHWM)
/// and the largest managed heap seen. The child measures only the export: start-up, EF model and the export itself.
/// <code>dotnet run -c Release --project bench/Deliberation.Benchmarks -- export-memory [--votes 1000000] [--postgres "Host=…"]</code>
/// </summary>
internal static class ExportMemory
{
    public static async Task<int> RunAsync(string[] args)
    {
        int votes = Option(args, "--votes") is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        string? postgres = Option(args, "--postgres");
        var provider = postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        string connection = postgres ?? $"Data Source={Path.Combine(Path.GetTempPath(), $"deliberation-bench-{votes}.db")}";

        if (args.Contains("--child"))
        {
            return await ChildAsync(provider, connection, Option(args, "--conversation")!);
        }

        string conversation = await SeedAsync(provider, connection, votes);
        // Started as "dotnet Deliberation.Benchmarks.dll": run the child the same way.
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ExportMemory).Assembly.Location);
        }

        foreach (var argument in new[] { "export-memory", "--child", "--conversation", conversation, "--votes", votes.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (postgres is not null)
        {
            start.ArgumentList.Add("--postgres");
            start.ArgumentList.Add(postgres);
        }

        var child = Process.Start(start)!;

        string report = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        Console.Write(report);
        return child.ExitCode;
    }

    private static async Task<string> SeedAsync(DatabaseProvider provider, string connection, int votes)
    {
        await using var db = ExchangeDatabase.Open(provider, connection);
        await ExchangeDatabase.MigrateAsync(db, CancellationToken.None);
        string topic = $"Synthetic conversation ({votes} votes)";
        var existing = db.Conversations.Where(c => c.Topic == topic).Select(c => c.PublicId).FirstOrDefault();
        if (existing is not null)
        {
            return existing;
        }

        var owner = new Facilitator { UserName = "bench@example.org", Email = "bench@example.org", NormalizedEmail = "BENCH@EXAMPLE.ORG", NormalizedUserName = "BENCH@EXAMPLE.ORG" };
        db.Users.Add(owner);
        await db.SaveChangesAsync();

        // 5,000 participants × 400 statements at the density that gives the asked number of votes (about 10% repeat).
        const int participants = 5_000, statements = 400;
        var export = SyntheticExport.Create(participants, statements, votes / 1.1 / participants / statements);
        export = export with { Summary = new([new("topic", topic)]) };
        var stopwatch = Stopwatch.StartNew();
        var result = await PolisImporter.ImportAsync(db, export, new ImportOptions { OwnerId = owner.Id }, DateTimeOffset.UtcNow, null, CancellationToken.None);
        Console.WriteLine($"seeded {result.VoteEvents:N0} vote events ({result.Votes:N0} current) in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        return result.PublicId;
    }

    private static async Task<int> ChildAsync(DatabaseProvider provider, string connection, string publicId)
    {
        await using var db = ExchangeDatabase.Open(provider, connection);
        long id = db.Conversations.Where(c => c.PublicId == publicId).Select(c => c.Id).Single();
        long events = db.VoteEvents.LongCount(e => e.ConversationId == id);
        long maxHeap = 0;
        using var sampler = new Timer(_ => maxHeap = System.Math.Max(maxHeap, GC.GetTotalMemory(false)), null, 0, 10);
        string path = Path.Combine(Path.GetTempPath(), $"deliberation-bench-{publicId}.zip");
        var stopwatch = Stopwatch.StartNew();
        await using (var file = File.Create(path))
        {
            await new ConversationExporter(db).WriteZipAsync(id, file, new ExportOptions(), CancellationToken.None);
        }

        stopwatch.Stop();
        var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"exported {events:N0} vote events to a {new FileInfo(path).Length / 1e6:0.0} MB zip in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"peak working set {self.PeakWorkingSet64 / 1e6:0.0} MB, largest managed heap seen {maxHeap / 1e6:0.0} MB, allocated in total {GC.GetTotalAllocatedBytes() / 1e6:0} MB");
        File.Delete(path);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : null;
    }
}
