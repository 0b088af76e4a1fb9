using System.Text;

namespace Deliberation.PolisFormat.Csv;

/// <summary>
/// Streaming RFC 4180 reader: fields separated by commas, optionally quoted; a quoted field may hold commas,
/// doubled quotes and line breaks. Accepts LF and CRLF. Reads one record at a time so that a 60 MB
/// votes file never sits in memory as text.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly bool _ownsReader;
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private long _nextLine = 1;

    public CsvReader(TextReader reader, string fileName, bool ownsReader = true)
    {
        _reader = reader;
        FileName = fileName;
        _ownsReader = ownsReader;
    }

    /// <summary>Name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>1-based line on which the record last returned by <see cref="Read"/> starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Reads the next record; null at the end of the input. A blank line is an empty record of one empty field.</summary>
    public IReadOnlyList<string>? Read()
    {
        _fields.Clear();
        _field.Clear();
        RecordLine = _nextLine;
        int c = _reader.Read();
        if (c < 0)
        {
            return null;
        }

        while (true)
        {
            if (c == '"' && _field.Length == 0)
            {
                c = ReadQuoted();
            }
            else
            {
                while (c >= 0 && c != ',' && c != '\n' && c != '\r')
                {
                    if (c == '"')
                    {
                        throw Error("a quote inside an unquoted field");
                    }

                    _field.Append((char)c);
                    c = _reader.Read();
                }
            }

            _fields.Add(_field.ToString());
            _field.Clear();
            switch (c)
            {
                case ',':
                    c = _reader.Read();
                    continue;
                case '\r':
                    if (_reader.Peek() == '\n')
                    {
                        _reader.Read();
                    }

                    _nextLine++;
                    return _fields.ToArray();
                case '\n':
                    _nextLine++;
                    return _fields.ToArray();
                default: // end of input
                    return _fields.ToArray();
            }
        }
    }

    // Reads a quoted field after its opening quote; returns the character that follows the closing quote.
    private int ReadQuoted()
    {
        while (true)
        {
            int c = _reader.Read();
            if (c < 0)
            {
                throw Error("a quoted field is not closed before the end of the file");
            }

            if (c == '"')
            {
                int next = _reader.Read();
                if (next == '"')
                {
                    _field.Append('"');
                    continue;
                }

                if (next >= 0 && next != ',' && next != '\n' && next != '\r')
                {
                    throw Error("text after the closing quote of a field");
                }

                return next;
            }

            if (c == '\n')
            {
                _nextLine++;
            }
            else if (c == '\r' && _reader.Peek() != '\n')
            {
                _nextLine++;
            }

            _field.Append((char)c);
        }
    }

    private PolisFormatException Error(string reason) => new(FileName, RecordLine, _fields.Count + 1, reason);

    public void Dispose()
    {
        if (_ownsReader)
        {
            _reader.Dispose();
        }
    }
}
