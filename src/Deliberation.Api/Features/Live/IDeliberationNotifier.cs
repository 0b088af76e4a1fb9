using Deliberation.Api.Features.Moderation;
using Deliberation.Api.Features.Results;
using Deliberation.Api.Features.Statements;

namespace Deliberation.Api.Features.Live;

/// <summary>The one way the server pushes: endpoints and the math scheduler call this, never the hub context.</summary>
public interface IDeliberationNotifier
{
    Task ResultsUpdatedAsync(string conversationId, ResultsView compact, CancellationToken cancellationToken = default);

    Task StatementAddedAsync(string conversationId, StatementView statement, CancellationToken cancellationToken = default);

    Task StatementModeratedAsync(string conversationId, StatementModeratedPush change, CancellationToken cancellationToken = default);

    Task VoteTalliesAsync(VoteTalliesPush tallies, CancellationToken cancellationToken = default);

    Task ModerationQueuedAsync(string conversationId, ModerationItem item, CancellationToken cancellationToken = default);

    Task SeriesPointAsync(SeriesPointPush point, CancellationToken cancellationToken = default);
}
