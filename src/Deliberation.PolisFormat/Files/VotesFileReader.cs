using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Files;

/// <summary>Reads votes.csv, the event log (a participant may vote on a statement several times).</summary>
public static class VotesFileReader
{
    /// <param name="knownComments">When given, a vote on a comment id not in this set (or by a negative voter id) is an error.</param>
    public static IReadOnlyList<PolisVote> Read(TextReader text, string fileName = PolisColumns.VotesFile, IReadOnlySet<long>? knownComments = null)
    {
        using var csv = new CsvReader(text, fileName, ownsReader: false);
        var header = new CsvHeader(csv.Read() ?? throw new PolisFormatException(fileName, 1, 0, "the file is empty"), fileName);
        int timestamp = header.Require(PolisColumns.Timestamp);
        int comment = header.Require(PolisColumns.CommentId);
        int voter = header.Require(PolisColumns.VoterId);
        int vote = header.Require(PolisColumns.Vote);

        var votes = new List<PolisVote>();
        while (csv.Read() is { } fields)
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var r = new CsvRecord(fields, header, csv.RecordLine);
            var parsed = new PolisVote(r.Int64(timestamp), r.Int64(comment), r.Int64(voter), r.Vote(vote));
            if (knownComments is not null)
            {
                if (!knownComments.Contains(parsed.StatementId))
                {
                    throw r.Error(comment, $"a vote on comment {parsed.StatementId}, which comments.csv does not have");
                }

                if (parsed.VoterId < 0)
                {
                    throw r.Error(voter, $"voter id {parsed.VoterId} is negative");
                }
            }

            votes.Add(parsed);
        }

        return votes;
    }
}
