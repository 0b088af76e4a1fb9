using Deliberation.Api.Features.Participation;
using Deliberation.Api.Features.Statements;
using Deliberation.Domain.Votes;

namespace Deliberation.Api.Features.Votes;

public sealed record CastVoteRequest(long? StatementId, VoteValue? Value);

/// <summary>
/// The answer to a vote carries what the participant needs next, so a phone makes one request per card.
/// <c>EventId</c> identifies the recorded vote; results report the last event they include.
/// </summary>
public sealed record VoteResponse(long StatementId, VoteValue Value, long EventId, StatementView? Next, Progress Progress);

public sealed record NextResponse(StatementView? Next, Progress Progress);

public sealed record MyVote(long StatementId, long StatementNumber, VoteValue Value, DateTimeOffset UpdatedAt);
