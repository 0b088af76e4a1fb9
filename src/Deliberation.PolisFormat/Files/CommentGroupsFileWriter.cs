using System.Globalization;
using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Files;

/// <summary>
/// Writes comment-groups.csv: <c>comment-id,comment,total-votes,total-agrees,total-disagrees,total-passes</c>, then per
/// group <c>group-a-votes,group-a-agrees,group-a-disagrees,group-a-passes</c>, ….
/// </summary>
public sealed class CommentGroupsFileWriter : IDisposable
{
    private readonly CsvWriter _csv;
    private readonly string?[] _row;

    public CommentGroupsFileWriter(TextWriter text, int groupCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(groupCount);
        _csv = new CsvWriter(text, ownsWriter: false);
        var header = new List<string>
        {
            PolisColumns.CommentId, PolisColumns.Comment, PolisColumns.TotalVotes, PolisColumns.TotalAgrees,
            PolisColumns.TotalDisagrees, PolisColumns.TotalPasses,
        };
        for (int g = 0; g < groupCount; g++)
        {
            header.AddRange(PolisColumns.GroupColumns(g));
        }

        _csv.WriteRecord(header);
        _row = new string?[header.Count];
        GroupCount = groupCount;
    }

    public int GroupCount { get; }

    public void Write(PolisCommentGroups row)
    {
        if (row.Groups.Count != GroupCount)
        {
            throw new ArgumentException($"Expected {GroupCount} groups, got {row.Groups.Count}.", nameof(row));
        }

        int c = 0;
        _row[c++] = Text(row.CommentId);
        _row[c++] = row.Comment;
        c = Tally(row.Total, c);
        foreach (var group in row.Groups)
        {
            c = Tally(group, c);
        }

        _csv.WriteRecord(_row);
    }

    public void Dispose() => _csv.Dispose();

    private int Tally(PolisTally tally, int c)
    {
        _row[c++] = Text(tally.Votes);
        _row[c++] = Text(tally.Agrees);
        _row[c++] = Text(tally.Disagrees);
        _row[c++] = Text(tally.Passes);
        return c;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
