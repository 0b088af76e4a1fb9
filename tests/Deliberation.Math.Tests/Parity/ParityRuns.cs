using System.Collections.Concurrent;
using System.Diagnostics;
using Deliberation.Cli.Analysis;
using Deliberation.Math.Tests.Support;
using Deliberation.PolisFormat;
using Deliberation.Tests.Shared;

namespace Deliberation.Math.Tests.Parity;

/// <summary>One analysis per fixture conversation, exactly as <c>deliberation analyze</c> runs it, shared by the parity tests.</summary>
public sealed class ParityRuns
{
    private readonly ConcurrentDictionary<string, Lazy<ParityRow>> _rows = new();

    public ParityRow For(string name) => _rows.GetOrAdd(name, n => new Lazy<ParityRow>(() => Run(n))).Value;

    private static ParityRow Run(string name)
    {
        var export = PolisExportReader.Read(Fixtures.Polis(name));
        var watch = Stopwatch.StartNew();
        var report = PolisAnalysis.Analyze(export, new AnalysisSettings { MeasureColdUpdate = false });
        watch.Stop();

        var polis = export.Participants.Where(p => p.GroupId is not null).ToDictionary(p => p.Id, p => p.GroupId!.Value);
        var ours = report.Assignments.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!.Value);
        long[] common = [.. polis.Keys.Where(ours.ContainsKey).Order()];
        double ari = Conversations.AdjustedRand([.. common.Select(i => polis[i])], [.. common.Select(i => ours[i])]);
        return new ParityRow(
            name, ari, ours.Values.Distinct().Count(), polis.Values.Distinct().Count(), common.Length, polis.Count,
            watch.Elapsed.TotalMilliseconds, export, report);
    }
}

public sealed record ParityRow(
    string Name, double Ari, int KOurs, int KPolis, int Covered, int PolisGrouped, double Milliseconds, PolisExport Export, AnalysisReport Report);
