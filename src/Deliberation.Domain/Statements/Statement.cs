using Deliberation.Domain.Common;
using Deliberation.Domain.Conversations;
using Deliberation.Domain.Participants;

namespace Deliberation.Domain.Statements;

/// <summary>A short opinion participants vote on.</summary>
public sealed class Statement
{
    private Statement()
    {
    }

    public long Id { get; private set; }

    public long ConversationId { get; private set; }

    /// <summary>Small per-conversation number, stable for the life of the conversation (Polis's comment-id).</summary>
    public long Number { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>Hash of the case-folded normalised text; unique per conversation.</summary>
    public string DuplicateKey { get; private set; } = "";

    /// <summary>The participant who wrote it; null for statements the facilitator seeded.</summary>
    public long? AuthorParticipantId { get; private set; }

    public bool IsSeed { get; private set; }

    public ModerationState Moderation { get; private set; }

    /// <summary>Procedural statements ("I am a teacher") are shown and voted on but left out of the math.</summary>
    public bool IsMeta { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ModeratedAt { get; private set; }

    /// <summary>A statement written by a participant, held for moderation or shown at once depending on the settings.</summary>
    public static Statement Write(Conversation conversation, Participant author, string text, long number, DateTimeOffset now)
    {
        conversation.EnsureOpen();
        if (!conversation.Settings.ParticipantsCanWrite)
        {
            throw new DomainRuleException(DomainRule.WritingDisabled, "Participants cannot write statements in this conversation.");
        }

        if (author.ConversationId != conversation.Id)
        {
            throw new ArgumentException("The author takes part in another conversation.", nameof(author));
        }

        var statement = Create(conversation, text, number, now);
        statement.AuthorParticipantId = author.Id;
        return statement;
    }

    /// <summary>
    /// A seed statement from the facilitator: accepted at once (the facilitator is the moderator) and allowed even
    /// when participants may not write, or while the conversation is closed to prepare it.
    /// </summary>
    public static Statement Seed(Conversation conversation, string text, long number, DateTimeOffset now)
    {
        var statement = Create(conversation, text, number, now);
        statement.IsSeed = true;
        statement.Moderation = ModerationState.Accepted;
        statement.ModeratedAt = now;
        return statement;
    }

    /// <summary>
    /// A statement brought in from elsewhere (a Polis export) with its original number, author, time and state.
    /// Length limits are not applied: the text is history, not new input.
    /// </summary>
    /// <param name="repeatsAnEarlierStatement">
    /// Polis compared texts case-sensitively, so an export may hold two statements we count as duplicates; the later
    /// one keeps its place with a key of its own rather than being dropped from the history.
    /// </param>
    public static Statement Imported(
        long conversationId,
        long number,
        string text,
        long? authorParticipantId,
        ModerationState moderation,
        bool isMeta,
        DateTimeOffset createdAt,
        bool repeatsAnEarlierStatement = false)
    {
        var clean = TextNormalizer.Normalize(text);
        return new Statement
        {
            ConversationId = conversationId,
            Number = number,
            Text = clean,
            DuplicateKey = repeatsAnEarlierStatement
                ? TextNormalizer.DuplicateKey(clean) + ":" + number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : TextNormalizer.DuplicateKey(clean),
            AuthorParticipantId = authorParticipantId,
            Moderation = moderation,
            IsMeta = isMeta,
            CreatedAt = createdAt,
            ModeratedAt = moderation == ModerationState.Unmoderated ? null : createdAt,
        };
    }

    public void Moderate(ModerationState state, DateTimeOffset now)
    {
        if (!Enum.IsDefined(state))
        {
            throw new DomainRuleException(DomainRule.InvalidSetting, "Unknown moderation state.", nameof(Moderation));
        }

        Moderation = state;
        ModeratedAt = now;
    }

    /// <summary>Meta marking is a moderation decision too: it changes what the math sees, so it is timestamped.</summary>
    public void MarkMeta(bool isMeta, DateTimeOffset now)
    {
        IsMeta = isMeta;
        ModeratedAt = now;
    }

    /// <summary>Votes are refused on rejected statements and on statements participants cannot see.</summary>
    public void EnsureVotable(Conversation conversation) => EnsureVotable(conversation, Moderation);

    /// <summary>The voting rule for a statement known only by its moderation state (from a cache, say).</summary>
    public static void EnsureVotable(Conversation conversation, ModerationState moderation)
    {
        conversation.EnsureOpen();
        if (!conversation.Shows(moderation))
        {
            throw new DomainRuleException(
                DomainRule.StatementNotVotable,
                moderation == ModerationState.Rejected
                    ? "This statement was rejected by the moderator and cannot be voted on."
                    : "This statement is waiting for moderation and cannot be voted on yet.");
        }
    }

    private static Statement Create(Conversation conversation, string text, long number, DateTimeOffset now)
    {
        var clean = TextNormalizer.Normalize(text);
        if (clean.Length == 0)
        {
            throw new DomainRuleException(DomainRule.TextRequired, "A statement needs some text.", nameof(Text));
        }

        // Count what a reader sees: text elements, so an emoji or a combined character counts once.
        var length = new System.Globalization.StringInfo(clean).LengthInTextElements;
        var limit = conversation.Settings.MaxStatementLength;
        if (length > limit)
        {
            throw new DomainRuleException(
                DomainRule.TextTooLong, $"A statement can be at most {limit} characters; this one has {length}.", nameof(Text));
        }

        return new Statement
        {
            ConversationId = conversation.Id,
            Number = number,
            Text = clean,
            DuplicateKey = TextNormalizer.DuplicateKey(clean),
            Moderation = ModerationState.Unmoderated,
            CreatedAt = now,
        };
    }
}
