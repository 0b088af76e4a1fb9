using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Data;
using Deliberation.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Infrastructure.Security;

/// <summary>A conversation as anyone with its link sees it, bound from the route (read-only).</summary>
public sealed record PublicConversation(Conversation Conversation)
{
    public static async ValueTask<PublicConversation?> BindAsync(HttpContext context) =>
        new(await LoadAsync(context));

    internal static async Task<Conversation> LoadAsync(HttpContext context)
    {
        var publicId = ConversationRoute.PublicIdOf(context);
        var db = context.RequestServices.GetRequiredService<DeliberationDbContext>();
        return await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.PublicId == publicId, context.RequestAborted)
            ?? throw new ApiProblemException(ProblemType.ConversationNotFound, "There is no conversation with this id.");
    }
}
