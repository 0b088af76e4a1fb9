using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Files;

/// <summary>Reads comments.csv (one row per statement; bodies may hold quoted line breaks).</summary>
public static class CommentsFileReader
{
    /// <param name="strict">Refuse negative and repeated comment ids (imports need each statement once).</param>
    public static IReadOnlyList<PolisStatement> Read(TextReader text, string fileName = PolisColumns.CommentsFile, bool strict = false)
    {
        using var csv = new CsvReader(text, fileName, ownsReader: false);
        var header = new CsvHeader(csv.Read() ?? throw new PolisFormatException(fileName, 1, 0, "the file is empty"), fileName);
        int id = header.Require(PolisColumns.CommentId);
        int? timestamp = header.Find(PolisColumns.Timestamp);
        int? author = header.Find(PolisColumns.AuthorId);
        int? agrees = header.Find(PolisColumns.Agrees);
        int? disagrees = header.Find(PolisColumns.Disagrees);
        int? moderated = header.Find(PolisColumns.Moderated);
        int? body = header.Find(PolisColumns.CommentBody);

        var statements = new List<PolisStatement>();
        var seen = new HashSet<long>();
        while (csv.Read() is { } fields)
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var r = new CsvRecord(fields, header, csv.RecordLine);
            long commentId = r.Int64(id);
            if (strict && commentId < 0)
            {
                throw r.Error(id, $"comment id {commentId} is negative");
            }

            if (strict && !seen.Add(commentId))
            {
                throw r.Error(id, $"comment id {commentId} appears twice");
            }

            statements.Add(new PolisStatement(
                commentId,
                author is { } a ? r.OptionalInt64(a) ?? -1 : -1,
                timestamp is { } t ? r.OptionalInt64(t) ?? 0 : 0,
                agrees is { } ag ? (int)(r.OptionalInt64(ag) ?? 0) : 0,
                disagrees is { } d ? (int)(r.OptionalInt64(d) ?? 0) : 0,
                moderated is { } m ? (int)System.Math.Clamp(r.OptionalInt64(m) ?? 0, -1, 1) : 0,
                body is { } b ? r.Text(b) : string.Empty));
        }

        return statements;
    }
}
