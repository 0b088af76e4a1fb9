using System.Globalization;
using Deliberation.Cli.Analysis;
using Deliberation.Math;

namespace Deliberation.Cli.Commands;

/// <summary>The readable form of <c>analyze</c>: groups, what they stand for, bridges, consensus, polarisation, time.</summary>
internal static class AnalyzeSummary
{
    public static IEnumerable<StatementResult> TopBridging(MathResult result, int count) =>
        result.Statements
            .Where(s => !s.ModeratedOut && s.Bridging.Status != BridgingStatus.NotRated)
            .OrderByDescending(s => s.Bridging.Intercept)
            .ThenBy(s => s.Id)
            .Take(count);

    public static void Write(AnalysisReport report, TextWriter o)
    {
        var r = report.Result;
        var text = report.Export.Statements.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Body);
        string Body(long id) => text.TryGetValue(id, out string? body) ? Shorten(body) : $"(statement {id})";
        var culture = CultureInfo.InvariantCulture;

        o.WriteLine(report.Export.Summary.Topic ?? "Polis conversation");
        o.WriteLine(string.Create(culture, $"{r.Counts.Participants} participants, {r.Counts.Statements} statements, {r.Counts.Votes} votes; {r.Counts.InConv} clustered."));
        o.WriteLine(string.Create(culture, $"Method: {report.Method} ({report.Updates} update(s)); one cold update takes {report.ElapsedMs:0.#} ms."));
        o.WriteLine();
        o.WriteLine(string.Create(culture, $"{r.K} opinion group(s):"));
        foreach (var g in r.Groups)
        {
            o.WriteLine(string.Create(culture, $"  Group {g.Label}: {g.Members.Length} participants"));
            foreach (var s in g.Representative)
            {
                string share = s.Direction == RepnessDirection.Agree ? $"{s.Pa:P0} agree" : $"{s.Pd:P0} disagree";
                o.WriteLine(string.Create(culture, $"    [{share}] #{s.StatementId} {Body(s.StatementId)}"));
            }
        }

        o.WriteLine();
        o.WriteLine("Bridging statements (one-factor model: high intercept, agreed across the divide):");
        foreach (var s in TopBridging(r, 5))
        {
            o.WriteLine(string.Create(culture, $"  intercept {s.Bridging.Intercept:0.00} factor {s.Bridging.Factor:+0.00;-0.00} {s.Bridging.Status}: #{s.Id} {Body(s.Id)}"));
        }

        o.WriteLine();
        o.WriteLine("Group-informed consensus (every group agrees):");
        foreach (var s in r.Statements.Where(s => !s.ModeratedOut).OrderByDescending(s => s.GroupInformedConsensusAgree).ThenBy(s => s.Id).Take(5))
        {
            o.WriteLine(string.Create(culture, $"  {s.GroupInformedConsensusAgree:0.000} #{s.Id} {Body(s.Id)}"));
        }

        o.WriteLine();
        o.WriteLine("Majority agrees:");
        foreach (var c in r.MajorityAgree)
        {
            o.WriteLine(string.Create(culture, $"  {c.P:P0} #{c.StatementId} {Body(c.StatementId)}"));
        }

        var p = r.Polarisation;
        o.WriteLine();
        o.WriteLine(string.Create(culture, $"Polarisation: between-group variance share {p.BetweenGroupVarianceShare:0.00}, silhouette {p.MeanSilhouette:0.00}, first-component share {p.FirstComponentVarianceShare:0.00}, mean divergence {p.MeanDivergence:0.000}, divisive statements {p.DivisiveStatementShare:P0}."));
    }

    private static string Shorten(string body)
    {
        string line = body.ReplaceLineEndings(" ").Trim();
        return line.Length <= 110 ? line : string.Concat(line.AsSpan(0, 107), "...");
    }
}
