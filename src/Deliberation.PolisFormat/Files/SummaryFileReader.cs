using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Files;

/// <summary>Reads summary.csv: key,value rows without a header; a value may span lines (quoted).</summary>
public static class SummaryFileReader
{
    public static PolisSummary Read(TextReader text, string fileName = PolisColumns.SummaryFile)
    {
        using var csv = new CsvReader(text, fileName, ownsReader: false);
        var entries = new List<KeyValuePair<string, string>>();
        while (csv.Read() is { } fields)
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            // A value containing unquoted commas was split: join it back, the key never has one.
            string value = fields.Count > 1 ? string.Join(',', fields.Skip(1)) : string.Empty;
            entries.Add(new(fields[0], value));
        }

        return new PolisSummary(entries);
    }
}
