using Deliberation.Domain.Common;

namespace Deliberation.Domain.Participants;

/// <summary>
/// Someone taking part in one conversation: anonymous unless the host site passes an external id (XID).
/// The participant token that proves who they are is not stored here; it is a signed value the server issues.
/// </summary>
public sealed class Participant
{
    public const int MaxExternalIdLength = 256;

    private Participant()
    {
    }

    public long Id { get; private set; }

    public long ConversationId { get; private set; }

    /// <summary>Small per-conversation number: what exports show instead of anything identifying.</summary>
    public long Number { get; private set; }

    /// <summary>The host site's id for this person; unique per conversation.</summary>
    public string? ExternalId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Participant Join(long conversationId, long number, string? externalId, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        Number = number,
        ExternalId = NormalizeExternalId(externalId),
        CreatedAt = now,
    };

    /// <summary>An XID is opaque to us but must be printable and bounded; blank means none.</summary>
    public static string? NormalizeExternalId(string? externalId)
    {
        if (string.IsNullOrWhiteSpace(externalId))
        {
            return null;
        }

        var trimmed = externalId.Trim();
        if (trimmed.Length > MaxExternalIdLength || trimmed.Any(char.IsControl))
        {
            throw new DomainRuleException(
                DomainRule.InvalidExternalId,
                $"An external id must be at most {MaxExternalIdLength} printable characters.",
                nameof(ExternalId));
        }

        return trimmed;
    }
}
