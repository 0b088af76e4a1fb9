using System.Globalization;
using Deliberation.Exchange.Svg;

namespace Deliberation.Exchange.Replay;

/// <summary>
/// The replay as a picture: polarisation measures over time on top, the opinion groups' sizes (stacked) below, so a
/// researcher can watch groups form. The x axis is time, or vote events when the history has no real times.
/// </summary>
public static class ReplayChart
{
    private const double Width = 1000, Height = 640, Left = 64, Right = 220, Top = 56;
    private const double PanelHeight = 230, Gap = 70;

    private static readonly string[] GroupColours = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f"];

    public static string Render(string title, IReadOnlyList<ReplayPoint> points, bool syntheticTimes)
    {
        var svg = new SvgWriter(Width, Height);
        svg.Title(title);
        svg.Rect(0, 0, Width, Height, "#ffffff");
        svg.Text(Left, 28, Shorten(title, 110), size: 16, bold: true);
        if (points.Count == 0)
        {
            svg.Text(Left, Top + 40, "No votes to replay.");
            return svg.ToString();
        }

        bool byTime = !syntheticTimes && points[^1].Timestamp > points[0].Timestamp;
        double X0(ReplayPoint p) => byTime ? p.Timestamp : p.Events;
        double minX = X0(points[0]), maxX = System.Math.Max(X0(points[^1]), minX + 1);
        double plotWidth = Width - Left - Right;
        double X(ReplayPoint p) => Left + ((X0(p) - minX) / (maxX - minX) * plotWidth);

        // Panel 1: polarisation measures on [min(0, lowest), 1].
        double top1 = Top, bottom1 = Top + PanelHeight;
        var series = new (string Name, string Colour, Func<ReplayPoint, double> Value)[]
        {
            ("between-group variance share", "#d62728", p => p.Polarisation.BetweenGroupVarianceShare),
            ("mean silhouette", "#1f77b4", p => p.Polarisation.MeanSilhouette),
            ("divisive statements share", "#ff7f0e", p => p.Polarisation.DivisiveStatementShare),
            ("mean divergence × 2", "#2ca02c", p => 2 * p.Polarisation.MeanDivergence),
        };
        double low = System.Math.Min(0, series.Min(s => points.Min(p => Finite(s.Value(p)))));
        double Y1(double v) => bottom1 - ((Finite(v) - low) / (1 - low) * PanelHeight);
        Axes(svg, top1, bottom1, plotWidth, "polarisation", low, 1);
        for (int i = 0; i < series.Length; i++)
        {
            var (name, colour, value) = series[i];
            svg.Polyline(points.Select(p => (X(p), Y1(value(p)))), colour);
            svg.Line(Width - Right + 12, top1 + 12 + (i * 20), Width - Right + 32, top1 + 12 + (i * 20), colour, 3);
            svg.Text(Width - Right + 38, top1 + 16 + (i * 20), name, size: 11);
        }

        // Panel 2: group sizes, stacked, with the clustered total on top.
        double top2 = bottom1 + Gap, bottom2 = top2 + PanelHeight;
        int maxK = points.Max(p => p.GroupSizes.Count);
        double maxMembers = System.Math.Max(1, points.Max(p => System.Math.Max(p.GroupSizes.Sum(), p.InConv)));
        double Y2(double v) => bottom2 - (v / maxMembers * PanelHeight);
        Axes(svg, top2, bottom2, plotWidth, "participants in groups", 0, maxMembers);
        for (int g = maxK - 1; g >= 0; g--)
        {
            // Area of groups 0..g stacked; drawn from the top down so lower groups paint over.
            var upper = points.Select(p => (X(p), Y2(p.GroupSizes.Take(g + 1).Sum()))).ToList();
            var baseline = new List<(double, double)> { (X(points[^1]), bottom2), (X(points[0]), bottom2) };
            svg.Polygon(upper.Concat(baseline), GroupColours[g % GroupColours.Length], opacity: 0.85);
            svg.Rect(Width - Right + 12, top2 + 6 + (g * 20), 20, 12, GroupColours[g % GroupColours.Length]);
            svg.Text(Width - Right + 38, top2 + 16 + (g * 20), "group " + (char)('A' + (g % 26)), size: 11);
        }

        svg.Polyline(points.Select(p => (X(p), Y2(p.InConv))), "#333333", 1);
        svg.Text(Width - Right + 38, top2 + 16 + (maxK * 20), "clustered (in-conv)", size: 11);
        svg.Line(Width - Right + 12, top2 + 12 + (maxK * 20), Width - Right + 32, top2 + 12 + (maxK * 20), "#333333", 1);

        // X axis labels under each panel.
        foreach (double bottom in new[] { bottom1, bottom2 })
        {
            for (int t = 0; t <= 4; t++)
            {
                double x = Left + (plotWidth * t / 4);
                double value = minX + ((maxX - minX) * t / 4);
                string label = byTime
                    ? DateTimeOffset.FromUnixTimeMilliseconds((long)value).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                    : ((long)value).ToString("N0", CultureInfo.InvariantCulture) + " votes";
                svg.Text(x, bottom + 18, label, size: 10, anchor: t == 0 ? "start" : t == 4 ? "end" : "middle", fill: "#555");
            }
        }

        svg.Text(Left, Height - 12, byTime ? "time (UTC)" : "vote events (the export has no vote times)", size: 11, fill: "#555");
        return svg.ToString();
    }

    private static void Axes(SvgWriter svg, double top, double bottom, double plotWidth, string label, double min, double max)
    {
        svg.Rect(Left, top, plotWidth, bottom - top, "#fafafa", "#cccccc");
        for (int t = 0; t <= 4; t++)
        {
            double y = bottom - ((bottom - top) * t / 4);
            double value = min + ((max - min) * t / 4);
            svg.Line(Left, y, Left + plotWidth, y, "#e3e3e3", 1, "3 3");
            svg.Text(Left - 6, y + 4, value.ToString(max > 10 ? "N0" : "0.##", CultureInfo.InvariantCulture), size: 10, anchor: "end", fill: "#555");
        }

        svg.Text(Left, top - 8, label, size: 12, bold: true);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
