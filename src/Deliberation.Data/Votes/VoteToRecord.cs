using Deliberation.Domain.Votes;

namespace Deliberation.Data.Votes;

/// <summary>One participant's vote as it goes to the database.</summary>
public readonly record struct VoteToRecord(long ConversationId, long ParticipantId, long StatementId, VoteValue Value, DateTimeOffset At);
