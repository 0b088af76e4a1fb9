using Deliberation.Api.Features.Results;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Deliberation.Domain.Conversations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Live;

/// <summary>
/// The live channel at /hubs/deliberation. It holds no state: a client joins a conversation's group (and a
/// facilitator, after the ownership check, also the facilitators' group) and gets the latest result at once; after a
/// reconnect it simply joins again. Everything else is pushed through <see cref="IDeliberationNotifier"/>.
/// </summary>
public sealed class DeliberationHub(DeliberationDbContext db, ParticipantTokens tokens, LatestResults latest) : Hub<IDeliberationClient>
{
    public const string Path = "/hubs/deliberation";

    /// <summary>
    /// Joins a conversation to receive its pushes. A participant token (argument, or the participant cookie) is optional:
    /// results are public, but a token that is given must belong to this conversation.
    /// </summary>
    public async Task<JoinedView> JoinConversation(string conversationId, string? participantToken = null)
    {
        var conversation = await FindAsync(conversationId);
        var token = participantToken ?? CookieToken(conversationId);
        if (token is not null)
        {
            var claim = tokens.Read(token);
            if (claim is null || claim.Value.ConversationId != conversation.Id)
            {
                throw new HubException("This participant token does not belong to this conversation.");
            }
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Conversation(conversation.PublicId), Context.ConnectionAborted);
        return new JoinedView(conversation.PublicId, await SendLatestAsync(conversation), AsFacilitator: false);
    }

    /// <summary>Joins the facilitators' group of a conversation the signed-in facilitator owns (and its public group).</summary>
    public async Task<JoinedView> JoinAsFacilitator(string conversationId)
    {
        var conversation = await FindAsync(conversationId);
        var userId = Context.UserIdentifier;
        if (userId is null || conversation.OwnerId != userId)
        {
            throw new HubException("Only the conversation's facilitator, signed in, may join its facilitator channel.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Conversation(conversation.PublicId), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Facilitators(conversation.PublicId), Context.ConnectionAborted);
        return new JoinedView(conversation.PublicId, await SendLatestAsync(conversation), AsFacilitator: true);
    }

    public async Task LeaveConversation(string conversationId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Conversation(conversationId), Context.ConnectionAborted);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Facilitators(conversationId), Context.ConnectionAborted);
    }

    private async Task<long> SendLatestAsync(Conversation conversation)
    {
        var result = await latest.GetAsync(db, conversation.Id, conversation.PublicId, TimeSpan.Zero, Context.ConnectionAborted);
        if (result is null)
        {
            return 0;
        }

        await Clients.Caller.ResultsUpdated(result.Compact);
        return result.Tick;
    }

    private async Task<Conversation> FindAsync(string conversationId)
    {
        var conversation = PublicId.IsWellFormed(conversationId)
            ? await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.PublicId == conversationId, Context.ConnectionAborted)
            : null;
        return conversation ?? throw new HubException("There is no conversation with this id.");
    }

    private string? CookieToken(string conversationId) =>
        Context.GetHttpContext()?.Request.Cookies.TryGetValue(ParticipantTokens.CookieName(conversationId), out var cookie) == true ? cookie : null;
}
