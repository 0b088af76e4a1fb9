namespace Deliberation.Domain.Common;

/// <summary>
/// Every way a request can break a rule of the model. The API maps each to a stable problem type and status code,
/// so clients can branch on the kind of refusal rather than on message text.
/// </summary>
public enum DomainRule
{
    TextRequired,
    TextTooLong,
    InvalidSetting,
    ConversationClosed,
    WritingDisabled,
    StatementNotVotable,
    InvalidVoteValue,
    InvalidExternalId,
}
