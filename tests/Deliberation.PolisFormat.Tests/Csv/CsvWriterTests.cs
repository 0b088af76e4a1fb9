using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Tests.Csv;

public class CsvWriterTests
{
    [Fact]
    public void Only_fields_that_need_it_are_quoted()
    {
        var text = new StringWriter();
        using (var writer = new CsvWriter(text, ownsWriter: false))
        {
            writer.WriteRecord("plain", "with,comma", "with \"quote\"", "two\nlines", "", null, " padded");
        }

        Assert.Equal("plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",,,\" padded\"\n", text.ToString());
    }

    [Fact]
    public void Whatever_is_written_reads_back_the_same()
    {
        var random = new Random(7);
        const string alphabet = "ab ,\"\n\r\t;é中";
        var rows = Enumerable.Range(0, 200)
            .Select(_ => Enumerable.Range(0, 1 + random.Next(6))
                .Select(_ => new string([.. Enumerable.Range(0, random.Next(8)).Select(_ => alphabet[random.Next(alphabet.Length)])]))
                .ToArray())
            .Where(r => !(r.Length == 1 && r[0].Length == 0)) // a lone empty field is written as a blank line
            .ToList();

        var text = new StringWriter();
        using (var writer = new CsvWriter(text, ownsWriter: false))
        {
            foreach (var row in rows)
            {
                writer.WriteRecord(row);
            }
        }

        using var reader = new CsvReader(new StringReader(text.ToString()), "roundtrip.csv");
        foreach (var row in rows)
        {
            Assert.Equal(row, reader.Read());
        }

        Assert.Null(reader.Read());
    }
}
