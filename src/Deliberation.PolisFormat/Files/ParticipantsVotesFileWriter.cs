using System.Globalization;
using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Files;

/// <summary>
/// Writes participants-votes.csv one participant at a time: <c>participant,[xid,]group-id,n-comments,n-votes,n-agree,
/// n-disagree</c>, then one column per comment id in the order given. A cell holds the latest vote (1, -1, 0) or is
/// blank (not voted); a blank group-id means not clustered.
/// </summary>
public sealed class ParticipantsVotesFileWriter : IDisposable
{
    private static readonly string[] VoteText = ["-1", "0", "1"];

    private readonly CsvWriter _csv;
    private readonly bool _includeXid;
    private readonly string?[] _row;
    private readonly int _firstComment;

    public ParticipantsVotesFileWriter(TextWriter text, IReadOnlyList<long> commentIds, bool includeXid)
    {
        _csv = new CsvWriter(text, ownsWriter: false);
        _includeXid = includeXid;
        var header = new List<string> { PolisColumns.Participant };
        if (includeXid)
        {
            header.Add(PolisColumns.Xid);
        }

        header.AddRange([PolisColumns.GroupId, PolisColumns.NComments, PolisColumns.NVotes, PolisColumns.NAgree, PolisColumns.NDisagree]);
        _firstComment = header.Count;
        header.AddRange(commentIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        _csv.WriteRecord(header);
        _row = new string?[header.Count];
        CommentCount = commentIds.Count;
    }

    /// <summary>The number of comment columns; <see cref="Write"/> takes one cell per column.</summary>
    public int CommentCount { get; }

    /// <summary>
    /// One participant's row. <paramref name="cells"/> holds, per comment column, the vote (-1, 0, 1) or
    /// <see cref="NotVoted"/>. The n-votes, n-agree and n-disagree columns are counted from the cells.
    /// </summary>
    public void Write(long participant, string? xid, int? groupId, int commentsWritten, ReadOnlySpan<sbyte> cells)
    {
        if (cells.Length != CommentCount)
        {
            throw new ArgumentException($"Expected {CommentCount} cells, got {cells.Length}.", nameof(cells));
        }

        int votes = 0, agrees = 0, disagrees = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            sbyte cell = cells[i];
            if (cell == NotVoted)
            {
                _row[_firstComment + i] = null;
                continue;
            }

            if (cell is < -1 or > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(cells), $"A vote is -1, 0 or 1, not {cell}.");
            }

            votes++;
            agrees += cell == 1 ? 1 : 0;
            disagrees += cell == -1 ? 1 : 0;
            _row[_firstComment + i] = VoteText[cell + 1];
        }

        int c = 0;
        _row[c++] = participant.ToString(CultureInfo.InvariantCulture);
        if (_includeXid)
        {
            _row[c++] = xid;
        }

        _row[c++] = groupId?.ToString(CultureInfo.InvariantCulture);
        _row[c++] = commentsWritten.ToString(CultureInfo.InvariantCulture);
        _row[c++] = votes.ToString(CultureInfo.InvariantCulture);
        _row[c++] = agrees.ToString(CultureInfo.InvariantCulture);
        _row[c] = disagrees.ToString(CultureInfo.InvariantCulture);
        _csv.WriteRecord(_row);
    }

    /// <summary>The cell value meaning "no vote" (written blank).</summary>
    public const sbyte NotVoted = sbyte.MinValue;

    public void Dispose() => _csv.Dispose();
}
