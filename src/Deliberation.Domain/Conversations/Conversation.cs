using Deliberation.Domain.Common;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Conversations;

/// <summary>A question a community asks itself, owned by one facilitator.</summary>
public sealed class Conversation
{
    public const int MaxTopicLength = 1_000;
    public const int MaxDescriptionLength = 50_000;

    private Conversation()
    {
    }

    public long Id { get; private set; }

    public string PublicId { get; private set; } = "";

    public string OwnerId { get; private set; } = "";

    public string Topic { get; private set; } = "";

    /// <summary>Markdown; rendered and escaped by clients, never trusted as HTML.</summary>
    public string Description { get; private set; } = "";

    public bool IsOpen { get; private set; }

    public ConversationSettings Settings { get; private set; } = ConversationSettings.Default;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Counters that hand out the per-conversation small numbers of participants and statements (the ids Polis
    /// exports use). Incremented atomically in the database, never read-modify-written in memory.
    /// </summary>
    public long ParticipantCounter { get; private set; }

    public long StatementCounter { get; private set; }

    public static Conversation Start(string ownerId, string topic, string? description, ConversationSettings settings, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        var conversation = new Conversation
        {
            PublicId = Conversations.PublicId.New(),
            OwnerId = ownerId,
            IsOpen = true,
            CreatedAt = now,
        };
        conversation.Describe(topic, description, now);
        conversation.Configure(settings, now);
        return conversation;
    }

    public void Describe(string topic, string? description, DateTimeOffset now)
    {
        var cleanTopic = TextNormalizer.Normalize(topic);
        if (cleanTopic.Length == 0)
        {
            throw new DomainRuleException(DomainRule.TextRequired, "A conversation needs a topic.", nameof(Topic));
        }

        if (cleanTopic.Length > MaxTopicLength)
        {
            throw new DomainRuleException(DomainRule.TextTooLong, $"The topic is longer than {MaxTopicLength} characters.", nameof(Topic));
        }

        var cleanDescription = TextNormalizer.NormalizeMultiline(description ?? "");
        if (cleanDescription.Length > MaxDescriptionLength)
        {
            throw new DomainRuleException(
                DomainRule.TextTooLong, $"The description is longer than {MaxDescriptionLength} characters.", nameof(Description));
        }

        Topic = cleanTopic;
        Description = cleanDescription;
        UpdatedAt = now;
    }

    public void Configure(ConversationSettings settings, DateTimeOffset now)
    {
        Settings = settings.Validated();
        UpdatedAt = now;
    }

    public void Close(DateTimeOffset now)
    {
        IsOpen = false;
        UpdatedAt = now;
    }

    public void Reopen(DateTimeOffset now)
    {
        IsOpen = true;
        UpdatedAt = now;
    }

    public void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException(DomainRule.ConversationClosed, "This conversation is closed.");
        }
    }

    /// <summary>Whether participants see a statement in this moderation state.</summary>
    public bool Shows(ModerationState state) =>
        state == ModerationState.Accepted || (state == ModerationState.Unmoderated && !Settings.StrictModeration);
}
