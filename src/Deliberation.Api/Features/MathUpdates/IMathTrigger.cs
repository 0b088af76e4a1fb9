namespace Deliberation.Api.Features.MathUpdates;

/// <summary>Asks for a conversation's math to be brought up to date soon. Cheap and safe to call on every vote.</summary>
public interface IMathTrigger
{
    void Schedule(long conversationId);
}
