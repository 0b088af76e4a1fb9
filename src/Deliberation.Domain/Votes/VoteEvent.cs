namespace Deliberation.Domain.Votes;

/// <summary>
/// One vote as cast, append-only: the full history researchers need (Polis's votes.csv). Its id increases with
/// every vote in the whole database, so it doubles as a watermark of what a math result includes.
/// </summary>
public sealed class VoteEvent
{
    private VoteEvent()
    {
    }

    public long Id { get; private set; }

    public long ConversationId { get; private set; }

    public long ParticipantId { get; private set; }

    public long StatementId { get; private set; }

    public VoteValue Value { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static VoteEvent Record(long conversationId, long participantId, long statementId, VoteValue value, DateTimeOffset at) => new()
    {
        ConversationId = conversationId,
        ParticipantId = participantId,
        StatementId = statementId,
        Value = Vote.Validate(value),
        CreatedAt = at,
    };
}
