using Deliberation.Domain.Statements;
using Deliberation.Domain.Votes;

namespace Deliberation.Api.Features.Research;

/// <summary>
/// A statement with its numbers: <c>number</c> is comments.csv's comment-id, <c>authorParticipant</c> its author-id;
/// tallies of current votes (as participants-votes.csv), <c>agreeEvents</c>/<c>disagreeEvents</c> as comments.csv.
/// </summary>
public sealed record ResearchStatement(
    long Number,
    string Text,
    long? AuthorParticipant,
    ModerationState Moderation,
    bool IsMeta,
    DateTimeOffset CreatedAt,
    int Agrees,
    int Disagrees,
    int Passes,
    int AgreeEvents,
    int DisagreeEvents);

/// <summary>A participant by number, with Polis's counts and group (0-based; null when not clustered).</summary>
public sealed record ResearchParticipant(long Number, int? GroupId, int Comments, int Votes, int Agrees, int Disagrees);

/// <summary>One vote as cast (votes.csv): the event id is the cursor, <c>timestamp</c> is epoch milliseconds.</summary>
public sealed record ResearchVote(long EventId, long Timestamp, long Statement, long Participant, VoteValue Vote);

/// <summary>A page of the vote history; pass <c>nextAfter</c> as <c>after</c> for the next page (null at the end).</summary>
public sealed record ResearchVotePage(IReadOnlyList<ResearchVote> Items, long? NextAfter);

/// <summary>A page of the polarisation history (polarisation-history.csv); pass <c>nextAfter</c> (a tick) as <c>after</c>.</summary>
public sealed record ResearchSeriesPage(IReadOnlyList<ResearchSeriesPoint> Items, long? NextAfter);

public sealed record ResearchSeriesPoint(
    long Tick,
    long Timestamp,
    int Participants,
    int Votes,
    int InConv,
    int K,
    IReadOnlyList<int> GroupSizes,
    double BetweenGroupVarianceShare,
    double MeanSilhouette,
    double FirstComponentVarianceShare,
    double MeanDivergence,
    double DivisiveStatementShare,
    int BridgingStatements);
