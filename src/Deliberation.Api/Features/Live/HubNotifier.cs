using Deliberation.Api.Features.Moderation;
using Deliberation.Api.Features.Results;
using Deliberation.Api.Features.Statements;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Api.Features.Live;

/// <summary>
/// Pushes through the hub context. With a Redis backplane configured, a push from one node reaches clients connected
/// to every node. A push that fails is logged and dropped: clients catch up from the REST results (ETag) or on rejoin.
/// </summary>
public sealed partial class HubNotifier(IHubContext<DeliberationHub, IDeliberationClient> hub, ILogger<HubNotifier> logger) : IDeliberationNotifier
{
    public Task ResultsUpdatedAsync(string conversationId, ResultsView compact, CancellationToken cancellationToken = default) =>
        SafelyAsync(conversationId, "results", () => hub.Clients.Group(HubGroups.Conversation(conversationId)).ResultsUpdated(compact));

    public Task StatementAddedAsync(string conversationId, StatementView statement, CancellationToken cancellationToken = default) =>
        SafelyAsync(conversationId, "statement", () =>
            hub.Clients.Group(HubGroups.Conversation(conversationId)).StatementAdded(new StatementAddedPush(conversationId, statement with { IsMine = false })));

    public Task StatementModeratedAsync(string conversationId, StatementModeratedPush change, CancellationToken cancellationToken = default) =>
        SafelyAsync(conversationId, "moderation", () =>
            hub.Clients.Groups(HubGroups.Conversation(conversationId), HubGroups.Facilitators(conversationId)).StatementModerated(change));

    public Task VoteTalliesAsync(VoteTalliesPush tallies, CancellationToken cancellationToken = default) =>
        SafelyAsync(tallies.ConversationId, "tallies", () => hub.Clients.Group(HubGroups.Conversation(tallies.ConversationId)).VoteTallies(tallies));

    public Task ModerationQueuedAsync(string conversationId, ModerationItem item, CancellationToken cancellationToken = default) =>
        SafelyAsync(conversationId, "queue", () => hub.Clients.Group(HubGroups.Facilitators(conversationId)).ModerationQueued(item));

    public Task SeriesPointAsync(SeriesPointPush point, CancellationToken cancellationToken = default) =>
        SafelyAsync(point.ConversationId, "series", () => hub.Clients.Group(HubGroups.Facilitators(point.ConversationId)).SeriesPoint(point));

    private async Task SafelyAsync(string conversationId, string what, Func<Task> push)
    {
        try
        {
            await push();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPushFailed(logger, e, what, conversationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push of {What} to conversation {ConversationId} failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string what, string conversationId);
}
