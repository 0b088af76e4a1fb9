using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Deliberation.Cli.Database;
using Deliberation.Exchange.Replay;
using Deliberation.PolisFormat;

namespace Deliberation.Cli.Commands;

/// <summary><c>replay &lt;folder|zip|conversation&gt;</c>: the math rebuilt over the conversation's history, as CSV and SVG.</summary>
public static class ReplayCommand
{
    public const string CsvFile = "replay.csv";
    public const string SvgFile = "replay.svg";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var source = new Argument<string>("source") { Description = "A Polis export folder or zip, or the id of a conversation in the app's database." };
        var every = new Option<int?>("--every") { Description = "Recompute after every N vote events (default: about 100 evenly spaced steps)." };
        var minutes = new Option<double?>("--minutes") { Description = "Recompute every T minutes of the votes' timestamps instead (quiet intervals are skipped)." };
        var outFolder = new Option<string>("--out", "-o")
        {
            Description = $"Folder for {CsvFile} and {SvgFile} (created if missing).",
            DefaultValueFactory = _ => "replay",
        };
        var json = new Option<bool>("--json") { Description = "Print the series as JSON (after writing the files)." };
        every.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is <= 0)
            {
                r.AddError("--every must be a positive number of votes.");
            }
        });
        minutes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } m && !(m > 0))
            {
                r.AddError("--minutes must be positive.");
            }
        });
        var database = new CliDatabase();

        var command = new Command(
            "replay",
            $"Rebuild a conversation's math over its history (votes in time order, an update every N votes or T minutes) and write the "
            + $"series of k, group sizes, polarisation and bridging statements to {CsvFile}, and a chart of polarisation and group sizes over "
            + $"time to {SvgFile}: watch the opinion groups form.")
        {
            source, every, minutes, outFolder, json,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(every) is not null && r.GetValue(minutes) is not null)
            {
                r.AddError("Give --every or --minutes, not both.");
            }
        });
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string from = parse.GetValue(source)!;
            ReplayHistory history;
            if (Directory.Exists(from) || File.Exists(from))
            {
                history = ReplaySources.FromPolis(PolisExportReader.Read(from), Path.GetFileName(Path.TrimEndingDirectorySeparator(from)));
            }
            else
            {
                await using var db = await database.OpenAsync(parse, error, cancellationToken);
                var conversation = await Conversations.FindAsync(db, from, cancellationToken);
                history = await ReplaySources.FromDatabaseAsync(db, conversation.Id, cancellationToken);
            }

            var settings = new ReplaySettings { EveryVotes = parse.GetValue(every), EveryMinutes = parse.GetValue(minutes) };
            var line = new ProgressLine(error);
            var points = ConversationReplay.Run(history, settings, new Progress(line));

            string folder = parse.GetValue(outFolder)!;
            Directory.CreateDirectory(folder);
            string csvPath = Path.Combine(folder, CsvFile), svgPath = Path.Combine(folder, SvgFile);
            await using (var csv = new StreamWriter(csvPath))
            {
                ReplayCsv.Write(csv, points);
            }

            await File.WriteAllTextAsync(svgPath, ReplayChart.Render(history.Title, points, history.SyntheticTimes), cancellationToken);

            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new { title = history.Title, csv = csvPath, svg = svgPath, steps = points },
                    new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }
            else
            {
                var last = points[^1];
                output.WriteLine($"Replayed \"{history.Title}\": {points.Count} steps over {last.Events:N0} vote events.");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  final: k = {last.K} (sizes {string.Join(", ", last.GroupSizes)}), between-group variance {last.Polarisation.BetweenGroupVarianceShare:0.###}, {last.BridgingCount} bridging statements"));
                output.WriteLine($"  {csvPath}");
                output.WriteLine($"  {svgPath}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed class Progress(ProgressLine line) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => line.Report("replay", value.Done, value.Total);
    }
}
