namespace Deliberation.Math;

/// <summary>Moderation state of a statement. Rejected statements never count in the opinion space.</summary>
public enum StatementModeration
{
    Unmoderated = 0,
    Accepted = 1,
    Rejected = -1,
}

/// <summary>A statement as the math sees it. Meta statements (about the conversation itself) are kept out of the opinion space.</summary>
public readonly record struct StatementInput(long Id, StatementModeration Moderation, bool IsMeta)
{
    /// <summary>Moderated out of the opinion space: rejected or meta (spec §1.1).</summary>
    public bool IsModeratedOut => Moderation == StatementModeration.Rejected || IsMeta;
}

/// <summary>
/// The current vote of a participant on a statement: +1 agree, −1 disagree, 0 pass (Polis export convention).
/// One row per pair is expected; if a pair repeats, the highest value is kept so that the result does not depend on row order.
/// </summary>
public readonly record struct VoteInput(long ParticipantId, long StatementId, sbyte Value);
