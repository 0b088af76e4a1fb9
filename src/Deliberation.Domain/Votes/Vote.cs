using Deliberation.Domain.Common;

namespace Deliberation.Domain.Votes;

/// <summary>
/// A participant's current vote on a statement: one row per (participant, statement), replaced when they change
/// their mind. Every change is also appended to <see cref="VoteEvent"/>.
/// </summary>
public sealed class Vote
{
    private Vote()
    {
    }

    public long ConversationId { get; private set; }

    public long ParticipantId { get; private set; }

    public long StatementId { get; private set; }

    public VoteValue Value { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The event that set this value: lets the math say which votes a result includes.</summary>
    public long LastEventId { get; private set; }

    public static Vote Cast(long conversationId, long participantId, long statementId, VoteValue value, long eventId, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        ParticipantId = participantId,
        StatementId = statementId,
        Value = Validate(value),
        UpdatedAt = now,
        LastEventId = eventId,
    };

    public static VoteValue Validate(VoteValue value) => Enum.IsDefined(value)
        ? value
        : throw new DomainRuleException(DomainRule.InvalidVoteValue, "A vote is agree, disagree or pass.", "value");
}
