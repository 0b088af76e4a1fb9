namespace Deliberation.PolisFormat;

/// <summary>File and column names of a Polis export, shared by the readers and any writer of the same files.</summary>
public static class PolisColumns
{
    public const string SummaryFile = "summary.csv";
    public const string CommentsFile = "comments.csv";
    public const string VotesFile = "votes.csv";
    public const string ParticipantsVotesFile = "participants-votes.csv";
    public const string CommentGroupsFile = "comment-groups.csv";

    /// <summary>Our addition: the whole latest math result, ids mapped to the export's numbers.</summary>
    public const string MathFile = "math.json";

    /// <summary>Our addition: one row per stored math update (the time series of polarisation and groups).</summary>
    public const string PolarisationHistoryFile = "polarisation-history.csv";

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
    public const string Comment = "comment";
    public const string TotalVotes = "total-votes";
    public const string TotalAgrees = "total-agrees";
    public const string TotalDisagrees = "total-disagrees";
    public const string TotalPasses = "total-passes";

    /// <summary>summary.csv keys, in Polis's order.</summary>
    public static readonly IReadOnlyList<string> SummaryKeys =
        ["topic", "url", "views", "voters", "voters-in-conv", "commenters", "comments", "groups", "conversation-description"];

    /// <summary>comments.csv columns in Polis's order.</summary>
    public static readonly IReadOnlyList<string> CommentsHeader =
        [Timestamp, Datetime, CommentId, AuthorId, Agrees, Disagrees, Moderated, CommentBody];

    /// <summary>votes.csv columns in Polis's order.</summary>
    public static readonly IReadOnlyList<string> VotesHeader = [Timestamp, Datetime, CommentId, VoterId, Vote];

    /// <summary>Group letters as Polis shows them: group 0 is "a", 1 is "b", …; past "z", "aa", "ab", ….</summary>
    public static string GroupLetter(int group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        string letters = string.Empty;
        int n = group;
        do
        {
            letters = (char)('a' + (n % 26)) + letters;
            n = (n / 26) - 1;
        }
        while (n >= 0);
        return letters;
    }

    /// <summary>The four comment-groups.csv columns of one group: group-a-votes, group-a-agrees, ….</summary>
    public static IReadOnlyList<string> GroupColumns(int group)
    {
        string prefix = "group-" + GroupLetter(group) + "-";
        return [prefix + "votes", prefix + "agrees", prefix + "disagrees", prefix + "passes"];
    }

    /// <summary>Columns of participants-votes.csv that are not comment ids.</summary>
    public static readonly IReadOnlySet<string> ParticipantColumns = new HashSet<string>(StringComparer.Ordinal)
    {
        Participant, Xid, GroupId, NComments, NVotes, NAgree, NDisagree,
    };
}
