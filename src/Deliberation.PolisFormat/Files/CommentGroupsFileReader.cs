using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Files;

/// <summary>Reads comment-groups.csv; groups are found by their column names (group-a-…, group-b-…).</summary>
public static class CommentGroupsFileReader
{
    public static IReadOnlyList<PolisCommentGroups> Read(TextReader text, string fileName = PolisColumns.CommentGroupsFile)
    {
        using var csv = new CsvReader(text, fileName, ownsReader: false);
        var header = new CsvHeader(csv.Read() ?? throw new PolisFormatException(fileName, 1, 0, "the file is empty"), fileName);
        int id = header.Require(PolisColumns.CommentId);
        int? comment = header.Find(PolisColumns.Comment);
        int[] total =
        [
            header.Require(PolisColumns.TotalVotes), header.Require(PolisColumns.TotalAgrees),
            header.Require(PolisColumns.TotalDisagrees), header.Require(PolisColumns.TotalPasses),
        ];
        var groups = new List<int[]>();
        for (int g = 0; ; g++)
        {
            var names = PolisColumns.GroupColumns(g);
            if (header.Find(names[0]) is null)
            {
                break;
            }

            groups.Add([.. names.Select(header.Require)]);
        }

        var rows = new List<PolisCommentGroups>();
        while (csv.Read() is { } fields)
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var r = new CsvRecord(fields, header, csv.RecordLine);
            rows.Add(new PolisCommentGroups(
                r.Int64(id),
                comment is { } c ? r.Text(c) : string.Empty,
                Tally(r, total),
                [.. groups.Select(columns => Tally(r, columns))]));
        }

        return rows;
    }

    private static PolisTally Tally(CsvRecord r, int[] columns) =>
        new(r.Int64(columns[0]), r.Int64(columns[1]), r.Int64(columns[2]), r.Int64(columns[3]));
}
