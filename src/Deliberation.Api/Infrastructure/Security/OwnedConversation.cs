using System.Security.Claims;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Data;
using Deliberation.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Infrastructure.Security;

/// <summary>
/// A conversation of the signed-in facilitator, bound from the route. Anyone else's conversation is reported as not
/// found (not forbidden), so that ids cannot be probed. The entity is tracked: handlers change it and save.
/// </summary>
public sealed record OwnedConversation(Conversation Conversation)
{
    public static async ValueTask<OwnedConversation?> BindAsync(HttpContext context)
    {
        var publicId = ConversationRoute.PublicIdOf(context);
        var ownerId = FacilitatorId(context.User);
        var db = context.RequestServices.GetRequiredService<DeliberationDbContext>();
        var conversation = await db.Conversations
            .FirstOrDefaultAsync(c => c.PublicId == publicId && c.OwnerId == ownerId, context.RequestAborted);
        return conversation is null
            ? throw new ApiProblemException(ProblemType.ConversationNotFound, "You have no conversation with this id.")
            : new OwnedConversation(conversation);
    }

    public static string FacilitatorId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new ApiProblemException(ProblemType.Unauthenticated, "Sign in as a facilitator.");
}
