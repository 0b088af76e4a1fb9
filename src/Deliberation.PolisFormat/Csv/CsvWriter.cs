namespace Deliberation.PolisFormat.Csv;

/// <summary>
/// Streaming RFC 4180 writer. A field is quoted only when it must be (comma, quote, CR or LF inside, or
/// leading/trailing space) so that the files stay byte-comparable with Polis's own exports. Lines end in LF.
/// </summary>
public sealed class CsvWriter : IDisposable
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuoting =
        System.Buffers.SearchValues.Create(",\"\r\n");

    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;

    public CsvWriter(TextWriter writer, bool ownsWriter = true)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
    }

    public void WriteRecord(params ReadOnlySpan<string?> fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            WriteField(fields[i]);
        }

        _writer.Write('\n');
    }

    public void WriteRecord(IEnumerable<string?> fields)
    {
        bool first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                _writer.Write(',');
            }

            first = false;
            WriteField(field);
        }

        _writer.Write('\n');
    }

    private void WriteField(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return;
        }

        bool quote = field.AsSpan().IndexOfAny(NeedsQuoting) >= 0 || field[0] == ' ' || field[^1] == ' ';
        if (!quote)
        {
            _writer.Write(field);
            return;
        }

        _writer.Write('"');
        _writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }

    public void Flush() => _writer.Flush();

    public void Dispose()
    {
        _writer.Flush();
        if (_ownsWriter)
        {
            _writer.Dispose();
        }
    }
}
