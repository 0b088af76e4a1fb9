using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Domain.Conversations;

namespace Deliberation.Api.Features.Exchange;

/// <summary>
/// A conversation whose facilitator opened its data to anyone (setting <c>isOpenData</c>), bound from the route; any
/// other existing conversation answers 403 <c>not-open-data</c>, an unknown one 404.
/// </summary>
public sealed record OpenDataConversation(Conversation Conversation)
{
    public static async ValueTask<OpenDataConversation?> BindAsync(HttpContext context)
    {
        var conversation = await PublicConversation.LoadAsync(context);
        return conversation.Settings.IsOpenData
            ? new OpenDataConversation(conversation)
            : throw new ApiProblemException(
                ProblemType.NotOpenData, "The facilitator has not opened this conversation's data; ask them to turn on 'isOpenData'.");
    }
}
