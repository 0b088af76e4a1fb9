using System.Globalization;

namespace Deliberation.PolisFormat.Csv;

/// <summary>Typed access to the fields of one record, with errors that name file, line and column.</summary>
public readonly struct CsvRecord
{
    private readonly IReadOnlyList<string> _fields;
    private readonly CsvHeader _header;

    public CsvRecord(IReadOnlyList<string> fields, CsvHeader header, long line)
    {
        _fields = fields;
        _header = header;
        Line = line;
    }

    public long Line { get; }

    public int FieldCount => _fields.Count;

    /// <summary>The raw text at a column; empty when the record is shorter than the header.</summary>
    public string Text(int column) => column < _fields.Count ? _fields[column] : string.Empty;

    public long Int64(int column)
    {
        string text = Text(column).Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        // Some exporters write integral numbers as "12.0".
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            && d == System.Math.Floor(d) && System.Math.Abs(d) < 9e15)
        {
            return (long)d;
        }

        throw Error(column, $"'{text}' is not an integer");
    }

    public long? OptionalInt64(int column) => string.IsNullOrWhiteSpace(Text(column)) ? null : Int64(column);

    public int Int32(int column)
    {
        long value = Int64(column);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Error(column, $"{value} is out of range");
    }

    /// <summary>A vote cell: 1 agree, -1 disagree, 0 pass.</summary>
    public sbyte Vote(int column)
    {
        long value = Int64(column);
        return value is >= -1 and <= 1 ? (sbyte)value : throw Error(column, $"vote {value} is not -1, 0 or 1");
    }

    public PolisFormatException Error(int column, string reason)
    {
        string name = column < _header.Names.Count ? $" ('{_header.Names[column]}')" : string.Empty;
        return new PolisFormatException(_header.FileName, Line, column + 1, reason + name);
    }
}
