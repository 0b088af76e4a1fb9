using System.Globalization;
using System.Text;
using Deliberation.PolisFormat;
using Deliberation.PolisFormat.Csv;

namespace Deliberation.Cli.Synthesis;

/// <summary>
/// Writes a synthetic conversation as a Polis export (the files described in the data README), so that every
/// tool that reads real exports reads it too. group-id holds the planted group.
/// </summary>
public static class SynthExportWriter
{
    public static void Write(SyntheticConversation c, string folder)
    {
        Directory.CreateDirectory(folder);
        var latest = new Dictionary<(long Voter, long Statement), sbyte>();
        foreach (var v in c.Votes)
        {
            latest[(v.VoterId, v.StatementId)] = v.Value;
        }

        WriteSummary(c, folder, latest.Keys.Select(k => k.Voter).Distinct().Count());
        WriteComments(c, folder);
        WriteVotes(c, folder);
        WriteParticipants(c, folder, latest);
    }

    private static CsvWriter Open(string folder, string file) =>
        new(new StreamWriter(Path.Combine(folder, file), false, new UTF8Encoding(false)));

    private static string S(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static void WriteSummary(SyntheticConversation c, string folder, int voters)
    {
        using var csv = Open(folder, PolisColumns.SummaryFile);
        csv.WriteRecord("topic", $"Synthetic conversation (seed {c.Settings.Seed})");
        csv.WriteRecord("url", "https://example.invalid/synthetic");
        csv.WriteRecord("voters", S(voters));
        csv.WriteRecord("voters-in-conv", S(voters));
        csv.WriteRecord("comments", S(c.Statements.Count));
        csv.WriteRecord("groups", S(c.Settings.Groups));
        csv.WriteRecord("conversation-description", "Planted opinion groups, heavy-tailed participation,\nstatements arriving over time.");
    }

    private static void WriteComments(SyntheticConversation c, string folder)
    {
        var agrees = new Dictionary<long, int>();
        var disagrees = new Dictionary<long, int>();
        foreach (var v in c.Votes)
        {
            if (v.Value > 0)
            {
                agrees[v.StatementId] = agrees.GetValueOrDefault(v.StatementId) + 1;
            }
            else if (v.Value < 0)
            {
                disagrees[v.StatementId] = disagrees.GetValueOrDefault(v.StatementId) + 1;
            }
        }

        using var csv = Open(folder, PolisColumns.CommentsFile);
        csv.WriteRecord(PolisColumns.Timestamp, PolisColumns.Datetime, PolisColumns.CommentId, PolisColumns.AuthorId, PolisColumns.Agrees, PolisColumns.Disagrees, PolisColumns.Moderated, PolisColumns.CommentBody);
        foreach (var s in c.Statements.OrderByDescending(s => s.CreatedAt))
        {
            csv.WriteRecord(S(s.CreatedAt), PolisDates.Format(s.CreatedAt), S(s.Id), S(s.AuthorId), S(agrees.GetValueOrDefault(s.Id)), S(disagrees.GetValueOrDefault(s.Id)), S(s.Moderated), s.Body);
        }
    }

    private static void WriteVotes(SyntheticConversation c, string folder)
    {
        using var csv = Open(folder, PolisColumns.VotesFile);
        csv.WriteRecord(PolisColumns.Timestamp, PolisColumns.Datetime, PolisColumns.CommentId, PolisColumns.VoterId, PolisColumns.Vote);
        foreach (var v in c.Votes)
        {
            csv.WriteRecord(S(v.Timestamp), PolisDates.Format(v.Timestamp), S(v.StatementId), S(v.VoterId), S(v.Value));
        }
    }

    private static void WriteParticipants(SyntheticConversation c, string folder, Dictionary<(long Voter, long Statement), sbyte> latest)
    {
        long[] statementIds = [.. c.Statements.Select(s => s.Id).Order()];
        var byVoter = latest.GroupBy(kv => kv.Key.Voter).OrderBy(g => g.Key);
        var authored = c.Statements.GroupBy(s => s.AuthorId).ToDictionary(g => g.Key, g => g.Count());
        using var csv = Open(folder, PolisColumns.ParticipantsVotesFile);
        csv.WriteRecord([PolisColumns.Participant, PolisColumns.GroupId, PolisColumns.NComments, PolisColumns.NVotes, PolisColumns.NAgree, PolisColumns.NDisagree, .. statementIds.Select(S)]);
        var row = new string?[6 + statementIds.Length];
        var column = statementIds.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => 6 + x.k);
        foreach (var voter in byVoter)
        {
            Array.Clear(row);
            int agree = 0, disagree = 0;
            foreach (var (key, value) in voter)
            {
                row[column[key.Statement]] = S(value);
                agree += value > 0 ? 1 : 0;
                disagree += value < 0 ? 1 : 0;
            }

            row[0] = S(voter.Key);
            row[1] = S(c.PlantedGroup[voter.Key]);
            row[2] = S(authored.GetValueOrDefault(voter.Key));
            row[3] = S(voter.Count());
            row[4] = S(agree);
            row[5] = S(disagree);
            csv.WriteRecord(row);
        }
    }
}
