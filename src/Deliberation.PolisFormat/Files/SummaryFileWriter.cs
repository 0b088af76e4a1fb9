using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Files;

/// <summary>Writes summary.csv: key,value rows without a header, in the order given.</summary>
public static class SummaryFileWriter
{
    public static void Write(TextWriter text, PolisSummary summary)
    {
        using var csv = new CsvWriter(text, ownsWriter: false);
        foreach (var (key, value) in summary.Entries)
        {
            csv.WriteRecord(key, value);
        }
    }
}
