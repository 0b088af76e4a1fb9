namespace Deliberation.PolisFormat;

/// <summary>
/// A Polis conversation export in memory, file-format neutral: what <see cref="PolisExportReader"/> reads and
/// what a writer of the same files would take. Ids are Polis's own (0-based integers, one id space for authors,
/// voters and participants).
/// </summary>
public sealed record PolisExport(
    PolisSummary Summary,
    IReadOnlyList<PolisStatement> Statements,
    IReadOnlyList<PolisParticipant> Participants,
    IReadOnlyList<PolisMatrixVote> MatrixVotes,
    IReadOnlyList<PolisVote>? VoteHistory)
{
    /// <summary>True when votes.csv was present: the vote history can be replayed in time order.</summary>
    public bool HasVoteHistory => VoteHistory is { Count: > 0 };

    /// <summary>
    /// The latest vote per (participant, statement): from the history when there is one (latest timestamp wins,
    /// file order breaks ties), else the matrix of participants-votes.csv.
    /// </summary>
    public IReadOnlyList<PolisMatrixVote> LatestVotes()
    {
        if (!HasVoteHistory)
        {
            return MatrixVotes;
        }

        var latest = new Dictionary<(long Voter, long Statement), (long Time, int Order, sbyte Value)>();
        for (int i = 0; i < VoteHistory!.Count; i++)
        {
            var v = VoteHistory[i];
            var key = (v.VoterId, v.StatementId);
            if (!latest.TryGetValue(key, out var seen) || v.Timestamp > seen.Time || (v.Timestamp == seen.Time && i > seen.Order))
            {
                latest[key] = (v.Timestamp, i, v.Value);
            }
        }

        return latest
            .Select(kv => new PolisMatrixVote(kv.Key.Voter, kv.Key.Statement, kv.Value.Value))
            .OrderBy(v => v.ParticipantId).ThenBy(v => v.StatementId)
            .ToArray();
    }
}

/// <summary>summary.csv: ordered key/value rows (topic, url, views, voters, …).</summary>
public sealed record PolisSummary(IReadOnlyList<KeyValuePair<string, string>> Entries)
{
    public string? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    public string? Topic => this["topic"];

    /// <summary>Polis's own number of groups at export time, when the summary states it.</summary>
    public int? Groups => int.TryParse(this["groups"], System.Globalization.CultureInfo.InvariantCulture, out int g) ? g : null;
}

/// <summary>A row of comments.csv. <paramref name="Moderated"/>: -1 rejected, 0 unmoderated, 1 accepted.</summary>
public sealed record PolisStatement(
    long Id, long AuthorId, long Timestamp, int Agrees, int Disagrees, int Moderated, string Body);

/// <summary>A row of votes.csv (the event log). Value: 1 agree, -1 disagree, 0 pass; Timestamp in Unix ms.</summary>
public readonly record struct PolisVote(long Timestamp, long StatementId, long VoterId, sbyte Value);

/// <summary>A non-blank cell of participants-votes.csv: the latest vote of a participant on a statement.</summary>
public readonly record struct PolisMatrixVote(long ParticipantId, long StatementId, sbyte Value);

/// <summary>
/// A row of participants-votes.csv without its vote cells (those are in <see cref="PolisExport.MatrixVotes"/>).
/// <paramref name="GroupId"/> is Polis's 0-based group at export time, null when not clustered.
/// </summary>
public sealed record PolisParticipant(
    long Id, string? Xid, int? GroupId, int CommentCount, int VoteCount, int AgreeCount, int DisagreeCount);

/// <summary>Vote counts of one statement in comment-groups.csv (votes = agrees + disagrees + passes).</summary>
public readonly record struct PolisTally(long Votes, long Agrees, long Disagrees, long Passes);

/// <summary>A row of comment-groups.csv: the statement's totals and, per group in order a, b, c…, its tallies.</summary>
public sealed record PolisCommentGroups(long CommentId, string Comment, PolisTally Total, IReadOnlyList<PolisTally> Groups);
