using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Data;
using Deliberation.Domain.Conversations;
using Deliberation.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Infrastructure.Security;

/// <summary>
/// The participant making the request, proven by their token, in the conversation of the route. A participant can
/// only ever act as this participant: no endpoint takes a participant id from the request body.
/// </summary>
public sealed record CurrentParticipant(Conversation Conversation, Participant Participant)
{
    public static async ValueTask<CurrentParticipant?> BindAsync(HttpContext context)
    {
        var conversation = await PublicConversation.LoadAsync(context);
        var tokens = context.RequestServices.GetRequiredService<ParticipantTokens>();
        var claim = tokens.ReadRequest(context, conversation.PublicId)
            ?? throw new ApiProblemException(
                ProblemType.ParticipantRequired, "Join the conversation first: POST /api/v1/conversations/{id}/participants.");
        if (claim.ConversationId != conversation.Id)
        {
            throw new ApiProblemException(ProblemType.ForeignParticipant, "This participant token was issued for another conversation.");
        }

        var db = context.RequestServices.GetRequiredService<DeliberationDbContext>();
        var participant = await db.Participants.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == claim.ParticipantId && p.ConversationId == conversation.Id, context.RequestAborted)
            ?? throw new ApiProblemException(ProblemType.ParticipantRequired, "This participant no longer exists; join again.");
        return new CurrentParticipant(conversation, participant);
    }
}
