using System.Globalization;
using Deliberation.PolisFormat.Csv;

namespace Deliberation.Exchange.Replay;

/// <summary>The replay series as CSV: one row per step; lists (group sizes, bridging statements) space-separated.</summary>
public static class ReplayCsv
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "step", "timestamp", "datetime", "vote-events", "participants", "votes", "statements", "in-conv", "k", "group-sizes",
        "between-group-variance-share", "mean-silhouette", "first-component-variance-share", "map-variance-share",
        "mean-divergence", "divisive-statement-share", "bridging-statements", "top-bridging",
    ];

    public static void Write(TextWriter text, IEnumerable<ReplayPoint> points)
    {
        using var csv = new CsvWriter(text, ownsWriter: false);
        csv.WriteRecord(Columns);
        foreach (var p in points)
        {
            var m = p.Polarisation;
            csv.WriteRecord(
                N(p.Step),
                N(p.Timestamp),
                DateTimeOffset.FromUnixTimeMilliseconds(p.Timestamp).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                N(p.Events),
                N(p.Participants),
                N(p.Votes),
                N(p.Statements),
                N(p.InConv),
                N(p.K),
                string.Join(' ', p.GroupSizes),
                R(m.BetweenGroupVarianceShare),
                R(m.MeanSilhouette),
                R(m.FirstComponentVarianceShare),
                R(m.MapVarianceShare),
                R(m.MeanDivergence),
                R(m.DivisiveStatementShare),
                N(p.BridgingCount),
                string.Join(' ', p.Bridging));
        }
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string R(double value) => double.IsFinite(value) ? value.ToString("0.######", CultureInfo.InvariantCulture) : "";
}
