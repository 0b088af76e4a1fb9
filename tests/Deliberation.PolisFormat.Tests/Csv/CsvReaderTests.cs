using Deliberation.PolisFormat;
using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Tests.Csv;

public class CsvReaderTests
{
    private static List<IReadOnlyList<string>> ReadAll(string text)
    {
        using var reader = new CsvReader(new StringReader(text), "test.csv");
        var records = new List<IReadOnlyList<string>>();
        while (reader.Read() is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var records = ReadAll("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"line one\nline two\r\nline three\",\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "x, y", "say \"hi\""], records[1]);
        Assert.Equal(["2", "line one\nline two\r\nline three", ""], records[2]);
    }

    [Fact]
    public void Crlf_and_lf_and_missing_final_newline_are_all_accepted()
    {
        var records = ReadAll("a,b\r\n1,2\n3,4");
        Assert.Equal([["a", "b"], ["1", "2"], ["3", "4"]], records);
    }

    [Fact]
    public void Record_line_counts_line_breaks_inside_quotes()
    {
        using var reader = new CsvReader(new StringReader("h\n\"a\nb\nc\"\nnext\n"), "t.csv");
        reader.Read();
        reader.Read();
        Assert.Equal(2, reader.RecordLine);
        reader.Read();
        Assert.Equal(5, reader.RecordLine);
    }

    [Fact]
    public void Unterminated_quote_names_file_line_and_column()
    {
        var error = Assert.Throws<PolisFormatException>(() => ReadAll("a,b\n1,\"open\n"));
        Assert.Equal("test.csv", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(2, error.Column);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_an_error()
    {
        var error = Assert.Throws<PolisFormatException>(() => ReadAll("a,b\n1,x\"y\n"));
        Assert.Equal(2, error.Line);
        Assert.Equal(2, error.Column);
    }

    [Fact]
    public void Empty_input_has_no_records() => Assert.Empty(ReadAll(""));
}
