using Deliberation.PolisFormat;
using Deliberation.PolisFormat.Files;

namespace Deliberation.PolisFormat.Tests;

public class FileReaderTests
{
    [Fact]
    public void Comments_are_found_by_header_name_whatever_the_column_order()
    {
        const string text = "comment-body,moderated,comment-id,agrees,disagrees,author-id,timestamp,datetime\n" +
                            "\"Hello, world\nsecond line\",-1,12,3,4,7,1500000000000,Mon Jul 17\n";
        var statements = CommentsFileReader.Read(new StringReader(text));

        var s = Assert.Single(statements);
        Assert.Equal(new PolisStatement(12, 7, 1500000000000, 3, 4, -1, "Hello, world\nsecond line"), s);
    }

    [Fact]
    public void Participants_votes_with_or_without_xid_read_the_same()
    {
        const string withXid = "participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,5\n3,,1,0,2,1,1,1,,-1\n4,,,0,1,0,0,,0,\n";
        const string withoutXid = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,5\n3,1,0,2,1,1,1,,-1\n4,,0,1,0,0,,0,\n";

        var a = ParticipantsVotesFileReader.Read(new StringReader(withXid));
        var b = ParticipantsVotesFileReader.Read(new StringReader(withoutXid));

        Assert.Equal(a.Participants, b.Participants);
        Assert.Equal(a.Votes, b.Votes);
        Assert.Equal([new PolisMatrixVote(3, 0, 1), new PolisMatrixVote(3, 5, -1), new PolisMatrixVote(4, 1, 0)], a.Votes);
        Assert.Equal(1, a.Participants[0].GroupId);
        Assert.Null(a.Participants[1].GroupId);
    }

    [Fact]
    public void A_bad_vote_names_file_line_and_column()
    {
        const string text = "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,1\n2,x,0,1,7\n";
        var error = Assert.Throws<PolisFormatException>(() => VotesFileReader.Read(new StringReader(text)));

        Assert.Equal("votes.csv", error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("vote", error.Message);
    }

    [Fact]
    public void A_missing_required_column_is_reported()
    {
        var error = Assert.Throws<PolisFormatException>(() => VotesFileReader.Read(new StringReader("timestamp,comment-id,vote\n")));
        Assert.Contains("voter-id", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Summary_values_may_span_lines()
    {
        var summary = SummaryFileReader.Read(new StringReader("topic,Brexit\ngroups,2\nconversation-description,\"one\ntwo\"\n"));

        Assert.Equal("Brexit", summary.Topic);
        Assert.Equal(2, summary.Groups);
        Assert.Equal("one\ntwo", summary["conversation-description"]);
    }
}
