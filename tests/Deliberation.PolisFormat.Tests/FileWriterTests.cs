using Deliberation.PolisFormat;
using Deliberation.PolisFormat.Files;

namespace Deliberation.PolisFormat.Tests;

/// <summary>Every writer produces what the readers (and Polis's own files) expect, awkward text included.</summary>
public class FileWriterTests
{
    [Fact]
    public void Votes_round_trip_with_epoch_ms_and_a_utc_datetime()
    {
        var votes = new[] { new PolisVote(1403054214196, 0, 0, 0), new PolisVote(1403054214999, 3, 7, 1), new PolisVote(1403057082753, 0, 1, -1) };
        var text = new StringWriter();
        using (var writer = new VotesFileWriter(text))
        {
            foreach (var v in votes)
            {
                writer.Write(v);
            }
        }

        var lines = text.ToString().Split('\n');
        Assert.Equal("timestamp,datetime,comment-id,voter-id,vote", lines[0]);
        Assert.Equal("1403054214196,Wed Jun 18 01:16:54 UTC 2014,0,0,0", lines[1]);
        Assert.Equal("1403057082753,Wed Jun 18 02:04:42 UTC 2014,0,1,-1", lines[3]);
        Assert.Equal(votes, VotesFileReader.Read(new StringReader(text.ToString())));
    }

    [Fact]
    public void Comments_round_trip_with_quotes_commas_line_breaks_emoji_and_right_to_left_text()
    {
        var statements = new[]
        {
            new PolisStatement(0, 4, 1500000000000, 3, 1, 1, "Commas, \"quotes\",\nand a line break"),
            new PolisStatement(1, -1, 1500000001000, 0, 0, -1, "🌍 نحن بحاجة إلى حدائق"),
            new PolisStatement(2, 5, 1500000002000, 0, 2, 0, " leading and trailing spaces "),
        };
        var text = new StringWriter();
        using (var writer = new CommentsFileWriter(text))
        {
            foreach (var s in statements)
            {
                writer.Write(s);
            }
        }

        Assert.StartsWith("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n", text.ToString(), StringComparison.Ordinal);
        Assert.Contains(",1,,0,0,-1,", text.ToString(), StringComparison.Ordinal); // no author: blank
        Assert.Equal(statements, CommentsFileReader.Read(new StringReader(text.ToString())));
    }

    [Fact]
    public void Participants_votes_counts_the_cells_and_writes_xid_only_when_asked()
    {
        var cells = new sbyte[] { 1, ParticipantsVotesFileWriter.NotVoted, -1, 0 };
        var plain = new StringWriter();
        using (var writer = new ParticipantsVotesFileWriter(plain, [0, 2, 5, 9], includeXid: false))
        {
            writer.Write(3, "secret", 1, 2, cells);
            writer.Write(4, null, null, 0, [ParticipantsVotesFileWriter.NotVoted, 1, 1, 1]);
        }

        Assert.Equal(
            "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,2,5,9\n3,1,2,3,1,1,1,,-1,0\n4,,0,3,3,0,,1,1,1\n",
            plain.ToString());
        var (rows, votes) = ParticipantsVotesFileReader.Read(new StringReader(plain.ToString()));
        Assert.Equal(new PolisParticipant(3, null, 1, 2, 3, 1, 1), rows[0]);
        Assert.Equal(6, votes.Count);

        var withXid = new StringWriter();
        using (var writer = new ParticipantsVotesFileWriter(withXid, [0], includeXid: true))
        {
            writer.Write(3, "host, 42", null, 0, [1]);
        }

        Assert.Equal("participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,0\n3,\"host, 42\",,0,1,1,0,1\n", withXid.ToString());
        Assert.Throws<ArgumentException>(() => new ParticipantsVotesFileWriter(new StringWriter(), [0, 1], false).Write(0, null, null, 0, [1]));
    }

    [Fact]
    public void Comment_groups_round_trip_with_a_column_group_per_letter()
    {
        var rows = new[]
        {
            new PolisCommentGroups(0, "Buses, \"often\"", new PolisTally(10, 6, 3, 1), [new PolisTally(4, 4, 0, 0), new PolisTally(6, 2, 3, 1)]),
            new PolisCommentGroups(3, "Trams", new PolisTally(0, 0, 0, 0), [new PolisTally(0, 0, 0, 0), new PolisTally(0, 0, 0, 0)]),
        };
        var text = new StringWriter();
        using (var writer = new CommentGroupsFileWriter(text, groupCount: 2))
        {
            foreach (var row in rows)
            {
                writer.Write(row);
            }
        }

        Assert.StartsWith(
            "comment-id,comment,total-votes,total-agrees,total-disagrees,total-passes,group-a-votes,group-a-agrees,group-a-disagrees,group-a-passes,group-b-votes,",
            text.ToString(), StringComparison.Ordinal);
        var read = CommentGroupsFileReader.Read(new StringReader(text.ToString()));
        Assert.Equal(rows.Select(r => (r.CommentId, r.Comment, r.Total)), read.Select(r => (r.CommentId, r.Comment, r.Total)));
        Assert.Equal(rows.SelectMany(r => r.Groups), read.SelectMany(r => r.Groups));
    }

    [Theory]
    [InlineData(0, "a")]
    [InlineData(4, "e")]
    [InlineData(25, "z")]
    [InlineData(26, "aa")]
    [InlineData(27, "ab")]
    public void Groups_are_lettered_as_in_polis(int group, string letter) => Assert.Equal(letter, PolisColumns.GroupLetter(group));

    [Fact]
    public void Summary_round_trips_a_multi_line_description()
    {
        var summary = new PolisSummary([new("topic", "Parks, buses & \"fun\""), new("groups", "2"), new("conversation-description", "Line one,\nline two 🌱")]);
        var text = new StringWriter();
        SummaryFileWriter.Write(text, summary);
        var read = SummaryFileReader.Read(new StringReader(text.ToString()));
        Assert.Equal(summary.Entries, read.Entries);
        Assert.Equal(2, read.Groups);
    }
}
