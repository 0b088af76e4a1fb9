using System.Diagnostics;
using Deliberation.Math;
using Deliberation.Math.Replay;
using Deliberation.PolisFormat;

namespace Deliberation.Cli.Analysis;

/// <summary>How to analyse an export.</summary>
public enum AnalysisMethod
{
    /// <summary>Replay votes.csv when the export has it, else an approximate history (participants in id order).</summary>
    Auto,

    /// <summary>One update from cold on the latest votes.</summary>
    Cold,

    /// <summary>Replay the vote history; without votes.csv, the approximate history of <see cref="Auto"/>.</summary>
    Replay,
}

public sealed record AnalysisSettings
{
    public AnalysisMethod Method { get; init; } = AnalysisMethod.Auto;

    public MathOptions Options { get; init; } = MathOptions.Default;

    public ReplaySchedule Schedule { get; init; } = new();

    /// <summary>Time one cold update on the final votes (after an untimed JIT warm-up run).</summary>
    public bool MeasureColdUpdate { get; init; } = true;
}

/// <summary>
/// The analysis of one export. <see cref="Assignments"/> covers every participant of the export
/// (participants-votes.csv and any other voter): their group index, or null when not clustered.
/// </summary>
public sealed record AnalysisReport(
    PolisExport Export,
    MathResult Result,
    string Method,
    int Updates,
    double ElapsedMs,
    IReadOnlyList<KeyValuePair<long, int?>> Assignments);

/// <summary>Runs the most faithful analysis an export allows (see docs/math.md, "Parity").</summary>
public static class PolisAnalysis
{
    public static AnalysisReport Analyze(PolisExport export, AnalysisSettings? settings = null)
    {
        settings ??= new AnalysisSettings();
        var statements = PolisInputs.Statements(export);
        var latest = PolisInputs.LatestVotes(export);
        bool replay = settings.Method != AnalysisMethod.Cold && latest.Count > 0;

        MathResult result;
        int updates;
        string method;
        if (replay)
        {
            var (replayStatements, history) = export.HasVoteHistory
                ? (statements, PolisInputs.History(export))
                : PolisInputs.SyntheticHistory(export);
            var outcome = HistoryReplay.Run(replayStatements, history, settings.Options, settings.Schedule);
            result = outcome.Final.Result;
            updates = outcome.Updates;
            method = export.HasVoteHistory ? "replay" : "replay-by-participant-id";
        }
        else
        {
            result = OpinionEngine.Update([.. statements.Select(s => s.Statement)], latest, null, settings.Options).Result;
            updates = 1;
            method = "cold";
        }

        double elapsed = settings.MeasureColdUpdate ? TimeColdUpdate(statements, latest, settings.Options) : 0;
        return new AnalysisReport(export, result, method, updates, elapsed, Assignments(export, result));
    }

    private static double TimeColdUpdate(IReadOnlyList<TimedStatement> statements, IReadOnlyList<VoteInput> votes, MathOptions options)
    {
        StatementInput[] inputs = [.. statements.Select(s => s.Statement)];
        OpinionEngine.Update(inputs, votes, null, options); // JIT warm-up: the timing is of the math, not the runtime
        var watch = Stopwatch.StartNew();
        OpinionEngine.Update(inputs, votes, null, options);
        return System.Math.Round(watch.Elapsed.TotalMilliseconds, 1);
    }

    private static List<KeyValuePair<long, int?>> Assignments(PolisExport export, MathResult result)
    {
        var group = result.Participants.ToDictionary(p => p.Id, p => p.Group);
        var ids = new SortedSet<long>(export.Participants.Select(p => p.Id));
        ids.UnionWith(group.Keys);
        return [.. ids.Select(id => new KeyValuePair<long, int?>(id, group.GetValueOrDefault(id)))];
    }
}
