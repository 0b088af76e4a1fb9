using System.Globalization;
using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Files;

/// <summary>
/// Reads participants-votes.csv: participant columns found by name, every other column whose header is an
/// integer is a comment id holding that participant's latest vote (blank = not voted).
/// </summary>
public static class ParticipantsVotesFileReader
{
    /// <param name="knownComments">When given, a comment column not in this set and a repeated participant are errors.</param>
    public static (IReadOnlyList<PolisParticipant> Participants, IReadOnlyList<PolisMatrixVote> Votes) Read(
        TextReader text, string fileName = PolisColumns.ParticipantsVotesFile, IReadOnlySet<long>? knownComments = null)
    {
        using var csv = new CsvReader(text, fileName, ownsReader: false);
        var header = new CsvHeader(csv.Read() ?? throw new PolisFormatException(fileName, 1, 0, "the file is empty"), fileName);
        int participant = header.Require(PolisColumns.Participant);
        int? xid = header.Find(PolisColumns.Xid);
        int? group = header.Find(PolisColumns.GroupId);
        int? nComments = header.Find(PolisColumns.NComments);
        int? nVotes = header.Find(PolisColumns.NVotes);
        int? nAgree = header.Find(PolisColumns.NAgree);
        int? nDisagree = header.Find(PolisColumns.NDisagree);

        var commentColumns = new List<(int Column, long CommentId)>();
        for (int c = 0; c < header.Names.Count; c++)
        {
            string name = header.Names[c].Trim();
            if (!PolisColumns.ParticipantColumns.Contains(name)
                && long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out long commentId))
            {
                if (knownComments is not null && !knownComments.Contains(commentId))
                {
                    throw new PolisFormatException(fileName, 1, c + 1, $"column '{name}' is a comment id that comments.csv does not have");
                }

                commentColumns.Add((c, commentId));
            }
        }

        var participants = new List<PolisParticipant>();
        var votes = new List<PolisMatrixVote>();
        var seen = new HashSet<long>();
        while (csv.Read() is { } fields)
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var r = new CsvRecord(fields, header, csv.RecordLine);
            long id = r.Int64(participant);
            if (knownComments is not null && (id < 0 || !seen.Add(id)))
            {
                throw r.Error(participant, id < 0 ? $"participant id {id} is negative" : $"participant {id} appears twice");
            }

            participants.Add(new PolisParticipant(
                id,
                xid is { } x && r.Text(x).Length > 0 ? r.Text(x) : null,
                group is { } g ? (int?)r.OptionalInt64(g) : null,
                Count(r, nComments),
                Count(r, nVotes),
                Count(r, nAgree),
                Count(r, nDisagree)));
            foreach (var (column, commentId) in commentColumns)
            {
                if (!string.IsNullOrWhiteSpace(r.Text(column)))
                {
                    votes.Add(new PolisMatrixVote(id, commentId, r.Vote(column)));
                }
            }
        }

        return (participants, votes);
    }

    private static int Count(CsvRecord r, int? column) => column is { } c ? (int)(r.OptionalInt64(c) ?? 0) : 0;
}
