namespace Deliberation.PolisFormat;

/// <summary>File and column names of a Polis export, shared by the readers and any writer of the same files.</summary>
public static class PolisColumns
{
    public const string SummaryFile = "summary.csv";
    public const string CommentsFile = "comments.csv";
    public const string VotesFile = "votes.csv";
    public const string ParticipantsVotesFile = "participants-votes.csv";

    public const string Timestamp = "timestamp";
    public const string Datetime = "datetime";
    public const string CommentId = "comment-id";
    public const string AuthorId = "author-id";
    public const string Agrees = "agrees";
    public const string Disagrees = "disagrees";
    public const string Moderated = "moderated";
    public const string CommentBody = "comment-body";
    public const string VoterId = "voter-id";
    public const string Vote = "vote";
    public const string Participant = "participant";
    public const string Xid = "xid";
    public const string GroupId = "group-id";
    public const string NComments = "n-comments";
    public const string NVotes = "n-votes";
    public const string NAgree = "n-agree";
    public const string NDisagree = "n-disagree";

    /// <summary>Columns of participants-votes.csv that are not comment ids.</summary>
    public static readonly IReadOnlySet<string> ParticipantColumns = new HashSet<string>(StringComparer.Ordinal)
    {
        Participant, Xid, GroupId, NComments, NVotes, NAgree, NDisagree,
    };
}
