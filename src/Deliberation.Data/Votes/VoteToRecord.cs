using Deliberation.Domain.Votes;

namespace Deliberation.Data.Votes;

/// <summary>One participant's vote as it goes to the database.</summary>
public readonly record struct VoteToRecord(long ConversationId, long ParticipantId, long StatementId, VoteValue Value, DateTimeOffset At);

/// <summary>A vote in the database.</summary>
/// <param name="EventId">The id of its vote event (the watermark that results will report).</param>
/// <param name="FirstOnStatement">
/// Whether the participant had not voted on this statement before, when the database reported it (PostgreSQL batches
/// do): a node whose cached copy of the participant's votes thinks otherwise missed a vote made elsewhere.
/// </param>
public readonly record struct RecordedVote(long EventId, bool? FirstOnStatement);
