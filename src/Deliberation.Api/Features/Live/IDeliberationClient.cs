using Deliberation.Api.Features.Moderation;
using Deliberation.Api.Features.Results;
using Deliberation.Api.Features.Statements;

namespace Deliberation.Api.Features.Live;

/// <summary>What the server pushes to browsers over the hub (method names are the client-side event names).</summary>
public interface IDeliberationClient
{
    /// <summary>A new result (compact: no per-statement table). Sent to everyone in the conversation.</summary>
    Task ResultsUpdated(ResultsView results);

    /// <summary>A statement became visible to participants.</summary>
    Task StatementAdded(StatementAddedPush statement);

    /// <summary>A statement's moderation changed (hidden, shown again, marked meta).</summary>
    Task StatementModerated(StatementModeratedPush change);

    /// <summary>Counts since the last push: quick feedback between math updates.</summary>
    Task VoteTallies(VoteTalliesPush tallies);

    /// <summary>Facilitators only: a new statement waiting in the moderation queue.</summary>
    Task ModerationQueued(ModerationItem item);

    /// <summary>Facilitators only: the time-series point of the update just made.</summary>
    Task SeriesPoint(SeriesPointPush point);
}

public sealed record StatementAddedPush(string ConversationId, StatementView Statement);

public sealed record StatementModeratedPush(string ConversationId, long StatementId, Domain.Statements.ModerationState Moderation, bool IsMeta, bool Visible);

public sealed record StatementTally(long StatementId, int Agrees, int Disagrees, int Passes);

public sealed record VoteTalliesPush(string ConversationId, long Watermark, int Participants, int Votes, IReadOnlyList<StatementTally> Changed);

public sealed record SeriesPointPush(string ConversationId, PolarisationPoint Point, PolarisationRateView RatePerMinute);

/// <summary>What a client gets back when it joins: the tick it will be brought up to (pushed at once).</summary>
public sealed record JoinedView(string ConversationId, long Tick, bool AsFacilitator);
