using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Domain.Conversations;

namespace Deliberation.Api.Infrastructure.Security;

internal static class ConversationRoute
{
    public const string Parameter = "conversationId";

    /// <summary>The public id in the route, refused as not found when it cannot be one (no database hit).</summary>
    public static string PublicIdOf(HttpContext context)
    {
        var value = context.Request.RouteValues[Parameter] as string;
        return PublicId.IsWellFormed(value)
            ? value!
            : throw new ApiProblemException(ProblemType.ConversationNotFound, "There is no conversation with this id.");
    }
}
