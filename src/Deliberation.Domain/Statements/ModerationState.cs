namespace Deliberation.Domain.Statements;

/// <summary>Values match Polis's <c>moderated</c> column so exports and imports need no table.</summary>
public enum ModerationState
{
    Rejected = -1,
    Unmoderated = 0,
    Accepted = 1,
}
