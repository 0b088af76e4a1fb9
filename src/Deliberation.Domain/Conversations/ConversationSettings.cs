using Deliberation.Domain.Common;

namespace Deliberation.Domain.Conversations;

/// <summary>How a conversation runs. Immutable: a change produces a new, validated value.</summary>
public sealed record ConversationSettings
{
    public const int DefaultMaxStatementLength = 280;
    public const int MinStatementLengthLimit = 20;
    public const int MaxStatementLengthLimit = 1_000;

    /// <summary>New statements stay hidden from participants until a moderator accepts them.</summary>
    public bool StrictModeration { get; init; }

    public bool ParticipantsCanWrite { get; init; } = true;

    public int MaxStatementLength { get; init; } = DefaultMaxStatementLength;

    /// <summary>Listed on the home page as open to join.</summary>
    public bool IsListed { get; init; }

    /// <summary>The report page is readable by anyone with the link.</summary>
    public bool ReportIsPublic { get; init; }

    /// <summary>Anyone may download the exports (researchers' open data), not only the facilitator.</summary>
    public bool IsOpenData { get; init; }

    public static ConversationSettings Default { get; } = new();

    public ConversationSettings Validated()
    {
        if (MaxStatementLength is < MinStatementLengthLimit or > MaxStatementLengthLimit)
        {
            throw new DomainRuleException(
                DomainRule.InvalidSetting,
                $"The maximum statement length must be between {MinStatementLengthLimit} and {MaxStatementLengthLimit} characters.",
                nameof(MaxStatementLength));
        }

        return this;
    }
}
