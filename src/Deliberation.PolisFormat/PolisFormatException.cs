namespace Deliberation.PolisFormat;

/// <summary>
/// A Polis export file could not be read. Names the file, the 1-based line and the 1-based column
/// (field position) so that a researcher can open the file at the right place.
/// </summary>
public sealed class PolisFormatException : Exception
{
    public PolisFormatException(string file, long line, int column, string reason)
        : base($"{file}:{line}:{column}: {reason}")
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>File name as found in the export (e.g. <c>votes.csv</c>).</summary>
    public string File { get; }

    /// <summary>1-based line where the offending record starts (0 when the file as a whole is at fault).</summary>
    public long Line { get; }

    /// <summary>1-based field position in the record (0 when the record as a whole is at fault).</summary>
    public int Column { get; }

    /// <summary>The reason without the location prefix.</summary>
    public string Reason { get; }
}
