using BenchmarkDotNet.Attributes;
using Deliberation.Data;
using Deliberation.Exchange;
using Deliberation.Exchange.Export;
using Deliberation.Exchange.Import;

namespace Deliberation.Benchmarks;

/// <summary>
/// Allocation and time of exporting a synthetic conversation (SQLite), with BenchmarkDotNet's memory diagnoser: the
/// allocated bytes per export stay flat per vote (streaming), never a copy of all votes. Peak memory of a 1 M-vote
/// export is measured by <see cref="ExportMemory"/>.
/// <code>dotnet run -c Release --project bench/Deliberation.Benchmarks -- --filter *ExportBenchmarks*</code>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ExportBenchmarks
{
    private string folder = "";
    private DeliberationDbContext? db;
    private long conversationId;

    [Params(100_000, 1_000_000)]
    public int Votes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("deliberation-bench-").FullName;
        db = ExchangeDatabase.Open(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}");
        ExchangeDatabase.MigrateAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        var owner = new Facilitator { UserName = "bench@example.org", Email = "bench@example.org" };
        db.Users.Add(owner);
        db.SaveChanges();
        var export = SyntheticExport.Create(5_000, 400, Votes / 1.1 / 5_000 / 400);
        conversationId = PolisImporter.ImportAsync(db, export, new ImportOptions { OwnerId = owner.Id }, DateTimeOffset.UtcNow, null, CancellationToken.None)
            .GetAwaiter().GetResult().ConversationId;
    }

    [Benchmark]
    public async Task ExportZip()
    {
        await using var file = File.Create(Path.Combine(folder, "export.zip"));
        await new ConversationExporter(db!).WriteZipAsync(conversationId, file, new ExportOptions(), CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        db?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
