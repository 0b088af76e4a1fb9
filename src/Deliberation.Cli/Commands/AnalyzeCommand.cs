using System.CommandLine;
using Deliberation.Cli.Analysis;
using Deliberation.Math;
using Deliberation.PolisFormat;

namespace Deliberation.Cli.Commands;

/// <summary><c>analyze &lt;export&gt; [--json]</c>: run the opinion math on a Polis export folder or zip.</summary>
public static class AnalyzeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("export") { Description = "Polis export folder or zip (participants-votes.csv; comments.csv, votes.csv when present)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (k, elapsedMs, assignments, groups, …) instead of a summary." };
        var method = new Option<AnalysisMethod>("--method")
        {
            Description = "auto: replay votes.csv when present; cold: one update on the final votes; replay.",
            DefaultValueFactory = _ => AnalysisMethod.Auto,
        };
        var kmeans = new Option<KMeansMethod>("--kmeans")
        {
            Description = "k-means implementation: Polis (own, warm starts; default) or MlNet.",
            DefaultValueFactory = _ => MathOptions.Default.KMeans,
        };
        var minVotes = new Option<int>("--min-votes")
        {
            Description = "Votes needed to be clustered (Polis: 7).",
            DefaultValueFactory = _ => MathOptions.Default.MinVotesForInConv,
        };
        var updates = new Option<int>("--replay-updates")
        {
            Description = "Most updates a replay runs (coarser is faster).",
            DefaultValueFactory = _ => new Math.Replay.ReplaySchedule().MaxUpdates,
        };
        minVotes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--min-votes must be ≥ 0.");
            }
        });
        updates.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--replay-updates must be ≥ 1.");
            }
        });

        var command = new Command("analyze", "Find opinion groups, representative and bridging statements in a Polis export.")
        {
            path, json, method, kmeans, minVotes, updates,
        };
        command.SetAction(parse =>
        {
            var export = PolisExportReader.Read(parse.GetValue(path)!);
            var settings = new AnalysisSettings
            {
                Method = parse.GetValue(method),
                Options = MathOptions.Default with { KMeans = parse.GetValue(kmeans), MinVotesForInConv = parse.GetValue(minVotes) },
                Schedule = new Math.Replay.ReplaySchedule { MaxUpdates = parse.GetValue(updates) },
            };
            var report = PolisAnalysis.Analyze(export, settings);
            if (parse.GetValue(json))
            {
                AnalyzeJson.Write(report, output);
            }
            else
            {
                AnalyzeSummary.Write(report, output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
