using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Deliberation.Cli.Analysis;
using Deliberation.Math;

namespace Deliberation.Cli.Commands;

/// <summary>The JSON form of <c>analyze</c>: one object with k, elapsedMs, assignments and the main results.</summary>
internal static class AnalyzeJson
{
    public static void Write(AnalysisReport report, TextWriter output)
    {
        var result = report.Result;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("topic", report.Export.Summary.Topic);
            w.WriteString("method", report.Method);
            w.WriteNumber("updates", report.Updates);
            w.WriteNumber("k", result.K);
            w.WriteNumber("elapsedMs", report.ElapsedMs);
            w.WriteStartObject("counts");
            w.WriteNumber("participants", result.Counts.Participants);
            w.WriteNumber("votes", result.Counts.Votes);
            w.WriteNumber("statements", result.Counts.Statements);
            w.WriteNumber("inConv", result.Counts.InConv);
            w.WriteEndObject();
            w.WriteStartArray("groups");
            foreach (var g in result.Groups)
            {
                w.WriteStartObject();
                w.WriteNumber("id", g.Id);
                w.WriteString("label", g.Label);
                w.WriteNumber("size", g.Members.Length);
                w.WriteStartArray("representative");
                foreach (var r in g.Representative)
                {
                    w.WriteStartObject();
                    w.WriteNumber("statementId", r.StatementId);
                    w.WriteString("direction", r.Direction == RepnessDirection.Agree ? "agree" : "disagree");
                    w.WriteNumber("pa", Round(r.Pa));
                    w.WriteNumber("pat", Round(r.Pat));
                    w.WriteNumber("ra", Round(r.Ra));
                    w.WriteNumber("rat", Round(r.Rat));
                    w.WriteNumber("metric", Round(r.Metric));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("polarisation");
            w.WriteNumber("betweenGroupVarianceShare", Round(result.Polarisation.BetweenGroupVarianceShare));
            w.WriteNumber("meanSilhouette", Round(result.Polarisation.MeanSilhouette));
            w.WriteNumber("firstComponentVarianceShare", Round(result.Polarisation.FirstComponentVarianceShare));
            w.WriteNumber("meanDivergence", Round(result.Polarisation.MeanDivergence));
            w.WriteNumber("divisiveStatementShare", Round(result.Polarisation.DivisiveStatementShare));
            w.WriteEndObject();
            w.WriteStartArray("majorityAgree");
            foreach (var c in result.MajorityAgree)
            {
                w.WriteNumberValue(c.StatementId);
            }

            w.WriteEndArray();
            w.WriteStartArray("bridging");
            foreach (var s in AnalyzeSummary.TopBridging(result, 5))
            {
                w.WriteStartObject();
                w.WriteNumber("statementId", s.Id);
                w.WriteNumber("intercept", Round(s.Bridging.Intercept));
                w.WriteNumber("factor", Round(s.Bridging.Factor));
                w.WriteString("status", s.Bridging.Status.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("assignments");
            foreach (var (id, group) in report.Assignments)
            {
                string key = id.ToString(CultureInfo.InvariantCulture);
                if (group is { } g)
                {
                    w.WriteNumber(key, g);
                }
                else
                {
                    w.WriteNull(key);
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static double Round(double v) => System.Math.Round(v, 4);
}
