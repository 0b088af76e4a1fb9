using System.Globalization;
using System.Text;

namespace Deliberation.Exchange.Svg;

/// <summary>
/// A very small SVG writer: the handful of elements a chart needs, numbers in invariant culture, and every piece of
/// text and every attribute escaped (a conversation's topic is user input).
/// </summary>
public sealed class SvgWriter(double width, double height)
{
    private readonly StringBuilder body = new();

    public void Rect(double x, double y, double w, double h, string fill, string? stroke = null) =>
        body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(w)}\" height=\"{F(h)}\" fill=\"{Escape(fill)}\"")
            .Append(stroke is null ? "" : $" stroke=\"{Escape(stroke)}\"").Append("/>\n");

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dash = null) =>
        body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\" stroke=\"{Escape(stroke)}\" stroke-width=\"{F(strokeWidth)}\"")
            .Append(dash is null ? "" : $" stroke-dasharray=\"{Escape(dash)}\"").Append("/>\n");

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double strokeWidth = 2) =>
        body.Append("<polyline fill=\"none\" stroke=\"").Append(Escape(stroke)).Append("\" stroke-width=\"").Append(F(strokeWidth))
            .Append("\" stroke-linejoin=\"round\" points=\"").Append(Points(points)).Append("\"/>\n");

    public void Polygon(IEnumerable<(double X, double Y)> points, string fill, double opacity = 1) =>
        body.Append("<polygon fill=\"").Append(Escape(fill)).Append("\" fill-opacity=\"").Append(F(opacity))
            .Append("\" points=\"").Append(Points(points)).Append("\"/>\n");

    public void Text(double x, double y, string text, double size = 12, string anchor = "start", string fill = "#222", bool bold = false) =>
        body.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"{F(size)}\" text-anchor=\"{Escape(anchor)}\" fill=\"{Escape(fill)}\"")
            .Append(bold ? " font-weight=\"bold\"" : "").Append('>').Append(Escape(text)).Append("</text>\n");

    public void Title(string text) => body.Append("<title>").Append(Escape(text)).Append("</title>\n");

    public override string ToString() =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" " +
        $"viewBox=\"0 0 {F(width)} {F(height)}\" font-family=\"system-ui, sans-serif\">\n{body}</svg>\n";

    /// <summary>XML-escapes text and attribute values; drops characters XML cannot carry.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&apos;"); break;
                case 0x9 or 0xA or 0xD: escaped.Append(' '); break;
                case < 0x20 or 0xFFFE or 0xFFFF: break;
                default: escaped.Append(rune.ToString()); break;
            }
        }

        return escaped.ToString();
    }

    private static string Points(IEnumerable<(double X, double Y)> points) =>
        string.Join(' ', points.Select(p => F(p.X) + "," + F(p.Y)));

    private static string F(double value) => System.Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
