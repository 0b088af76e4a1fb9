using System.Globalization;
using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Files;

/// <summary>Writes comments.csv one statement at a time; the header goes out when the writer is made.</summary>
public sealed class CommentsFileWriter : IDisposable
{
    private readonly CsvWriter _csv;

    public CommentsFileWriter(TextWriter text)
    {
        _csv = new CsvWriter(text, ownsWriter: false);
        _csv.WriteRecord(PolisColumns.CommentsHeader);
    }

    /// <summary>A negative <see cref="PolisStatement.AuthorId"/> (no author) is written blank.</summary>
    public void Write(PolisStatement statement) =>
        _csv.WriteRecord(
            Number(statement.Timestamp),
            PolisDates.Format(statement.Timestamp),
            Number(statement.Id),
            statement.AuthorId < 0 ? null : Number(statement.AuthorId),
            Number(statement.Agrees),
            Number(statement.Disagrees),
            Number(statement.Moderated),
            statement.Body);

    public void Dispose() => _csv.Dispose();

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
