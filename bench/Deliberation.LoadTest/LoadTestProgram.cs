using System.CommandLine;

namespace Deliberation.LoadTest;

/// <summary>
/// <c>dotnet run -c Release --project bench/Deliberation.LoadTest -- --participants N --duration SECONDS [--url URL] [--json]</c>
/// </summary>
public static class LoadTestProgram
{
    public static async Task<int> Main(string[] args)
    {
        var defaults = new LoadOptions();
        var participants = new Option<int>("--participants") { Description = "Simulated participants.", DefaultValueFactory = _ => defaults.Participants };
        var duration = new Option<int>("--duration") { Description = "Seconds of measurement (after the warm-up).", DefaultValueFactory = _ => defaults.DurationSeconds };
        // A string, turned into a Uri below: System.CommandLine has no converter for Uri.
        var url = new Option<string?>("--url") { Description = "Load a running app instead of hosting one in this process." };
        url.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && !Uri.TryCreate(text, UriKind.Absolute, out _))
            {
                result.AddError($"--url must be an absolute address such as http://127.0.0.1:5000/, not '{text}'.");
            }
        });
        var postgres = new Option<string?>("--postgres") { Description = "Host the app on PostgreSQL: an admin connection string (a fresh database is made and dropped)." };
        var pause = new Option<int>("--pause-ms") { Description = "Mean pause between a participant's votes (0 = flat out).", DefaultValueFactory = _ => defaults.PauseMs };
        var writeShare = new Option<double>("--write-share") { Description = "Share of participants who write a statement.", DefaultValueFactory = _ => defaults.WriteShare };
        var statements = new Option<int>("--statements") { Description = "Seed statements in the conversation.", DefaultValueFactory = _ => defaults.Statements };
        var preload = new Option<int>("--preload-votes") { Description = "Votes cast before measuring (a big conversation).", DefaultValueFactory = _ => defaults.PreloadVotes };
        var connections = new Option<int?>("--connections") { Description = "Hub connections (default: one per participant)." };
        var warmup = new Option<int>("--warmup") { Description = "Seconds of load before measuring.", DefaultValueFactory = _ => defaults.WarmupSeconds };
        var seed = new Option<int>("--seed") { Description = "Random seed of the simulated behaviour.", DefaultValueFactory = _ => defaults.Seed };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (else a readable summary)." };

        var root = new RootCommand("Deliberation load generator: simulated participants over HTTP and SignalR.")
        {
            participants, duration, url, postgres, pause, writeShare, statements, preload, connections, warmup, seed, json,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var options = new LoadOptions
            {
                Participants = parse.GetValue(participants),
                DurationSeconds = parse.GetValue(duration),
                Url = parse.GetValue(url) is { } address ? new Uri(address, UriKind.Absolute) : null,
                Postgres = parse.GetValue(postgres),
                PauseMs = parse.GetValue(pause),
                WriteShare = parse.GetValue(writeShare),
                Statements = parse.GetValue(statements),
                PreloadVotes = parse.GetValue(preload),
                Connections = parse.GetValue(connections),
                WarmupSeconds = parse.GetValue(warmup),
                Seed = parse.GetValue(seed),
                Json = parse.GetValue(json),
            };
            var report = await LoadRunner.RunAsync(options, options.Json ? TextWriter.Null : Console.Error, cancellationToken);
            Console.WriteLine(options.Json ? report.ToJson() : report.ToText());
            return report.Errors.Values.Sum() == 0 ? 0 : 1;
        });
        return await root.Parse(args).InvokeAsync();
    }
}
