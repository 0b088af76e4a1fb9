namespace Deliberation.Exchange.Import;

/// <summary>How an import creates its conversation.</summary>
public sealed record ImportOptions
{
    /// <summary>The facilitator who owns the new conversation (an existing account id).</summary>
    public required string OwnerId { get; init; }

    /// <summary>
    /// Open the conversation for new votes and statements at once. Off by default: an import is a finished
    /// conversation brought in for analysis; the facilitator can reopen it.
    /// </summary>
    public bool Open { get; init; }
}

/// <summary>What an import created.</summary>
/// <param name="Timestamped">
/// "history" when the votes came from votes.csv (each row one event at its own time), "matrix" when only
/// participants-votes.csv was there (one event per cell, at the time its statement was written).
/// </param>
public sealed record ImportResult(
    long ConversationId,
    string PublicId,
    string Topic,
    int Participants,
    int Statements,
    int VoteEvents,
    int Votes,
    string Timestamped,
    int ExternalIdsDropped,
    TimeSpan Elapsed);

/// <summary>A step of a long import, for progress output.</summary>
public sealed record ImportProgress(string Stage, long Done, long Total);
