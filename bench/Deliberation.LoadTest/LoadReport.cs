using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deliberation.LoadTest;

/// <summary>What a run measured. Memory is the peak resident size of this process (server and clients together when in-process).</summary>
public sealed record LoadReport(
    int Participants,
    int HubConnections,
    double DurationSeconds,
    int PreloadVotes,
    int PauseMs,
    string Server,
    int Votes,
    double VotesPerSecond,
    Percentiles VoteLatencyMs,
    Percentiles PushLatencyMs,
    int PushesNeverReceived,
    long FinalTick,
    int ResultsPushBytes,
    int StatementsWritten,
    IReadOnlyDictionary<string, int> Errors,
    double PeakMemoryMb,
    double ProcessCpuMsPerVote)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static LoadReport From(LoadOptions options, LoadRun run, double seconds, TimeSpan cpu, int unresolved, long tick, int pushBytes, bool inProcess)
    {
        var votes = run.Votes.Summarise();
        return new LoadReport(
            options.Participants,
            options.HubConnections,
            System.Math.Round(seconds, 1),
            options.PreloadVotes,
            options.PauseMs,
            inProcess ? (options.Postgres is null ? "in-process, SQLite" : "in-process, PostgreSQL") : options.Url!.ToString(),
            votes.Count,
            System.Math.Round(votes.Count / seconds, 1),
            votes,
            run.Pushes.Summarise(),
            unresolved,
            tick,
            pushBytes,
            run.Writes,
            run.Errors,
            ReadPeakMemoryMb(),
            votes.Count == 0 ? 0 : System.Math.Round(cpu.TotalMilliseconds / votes.Count, 2));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToText() =>
        $"""
        {Votes} votes in {DurationSeconds} s: {VotesPerSecond} votes/s ({Participants} participants, {HubConnections} on the hub, server {Server})
        vote latency ms   p50 {VoteLatencyMs.P50}  p95 {VoteLatencyMs.P95}  p99 {VoteLatencyMs.P99}  max {VoteLatencyMs.Max}
        vote → push ms    p50 {PushLatencyMs.P50}  p95 {PushLatencyMs.P95}  p99 {PushLatencyMs.P99}  max {PushLatencyMs.Max}  ({PushLatencyMs.Count} measured, {PushesNeverReceived} never received)
        results push      {ResultsPushBytes} bytes at tick {FinalTick}
        errors            {(Errors.Count == 0 ? "none" : string.Join(", ", Errors.Select(e => $"{e.Key}: {e.Value}")))}
        peak memory       {PeakMemoryMb} MB (this process)
        CPU per vote      {ProcessCpuMsPerVote} ms (this process: server and simulated clients when in-process)
        """;

    /// <summary>Peak resident set size (VmHWM) of this process, from /proc on Linux.</summary>
    private static double ReadPeakMemoryMb()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb))
            {
                return System.Math.Round(kb / 1024.0, 1);
            }
        }

        return System.Math.Round(System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1);
    }
}
