using Deliberation.Domain.Conversations;
using Deliberation.Domain.Statements;

namespace Deliberation.Api.Infrastructure.Caching;

/// <summary>A statement as the hot paths need it (routing, vote checks), without a database read.</summary>
public sealed record StatementSnapshot(
    long Id, long Number, string Text, ModerationState Moderation, bool IsMeta, bool IsSeed, long? AuthorParticipantId, DateTimeOffset CreatedAt);

/// <summary>A conversation and all its statements as read at one moment; shared read-only by concurrent requests.</summary>
public sealed class ConversationSnapshot(Conversation conversation, IReadOnlyList<StatementSnapshot> statements, DateTimeOffset readAt)
{
    private readonly Dictionary<long, StatementSnapshot> byId = statements.ToDictionary(s => s.Id);

    public Conversation Conversation { get; } = conversation;

    /// <summary>Statements in id order.</summary>
    public IReadOnlyList<StatementSnapshot> Statements { get; } = statements;

    /// <summary>The statements participants see, in id order.</summary>
    public IReadOnlyList<StatementSnapshot> Visible { get; } = statements.Where(s => conversation.Shows(s.Moderation)).ToList();

    public DateTimeOffset ReadAt { get; } = readAt;

    public StatementSnapshot? Find(long statementId) => byId.GetValueOrDefault(statementId);
}
