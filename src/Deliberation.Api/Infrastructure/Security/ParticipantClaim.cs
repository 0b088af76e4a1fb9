using Deliberation.Api.Infrastructure.Caching;
using Deliberation.Api.Infrastructure.Problems;

namespace Deliberation.Api.Infrastructure.Security;

/// <summary>
/// The participant making the request, proven by their token alone (no database read), with the conversation from the
/// in-memory snapshot: the binding of the hot paths (voting, asking for the next statement). A participant deleted
/// since their token was issued is caught by the database when they write (foreign key).
/// </summary>
public sealed record ParticipantClaim(ConversationSnapshot Snapshot, long ParticipantId)
{
    public static async ValueTask<ParticipantClaim?> BindAsync(HttpContext context)
    {
        var publicId = ConversationRoute.PublicIdOf(context);
        var snapshot = await context.RequestServices.GetRequiredService<ConversationSnapshots>().RequireAsync(publicId, context.RequestAborted);
        var claim = context.RequestServices.GetRequiredService<ParticipantTokens>().ReadRequest(context, publicId)
            ?? throw new ApiProblemException(
                ProblemType.ParticipantRequired, "Join the conversation first: POST /api/v1/conversations/{id}/participants.");
        return claim.ConversationId == snapshot.Conversation.Id
            ? new ParticipantClaim(snapshot, claim.ParticipantId)
            : throw new ApiProblemException(ProblemType.ForeignParticipant, "This participant token was issued for another conversation.");
    }
}
