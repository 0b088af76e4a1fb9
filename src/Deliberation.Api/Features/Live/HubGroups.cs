namespace Deliberation.Api.Features.Live;

/// <summary>SignalR group names: one for everyone in a conversation, one for its facilitator.</summary>
public static class HubGroups
{
    public static string Conversation(string publicId) => "c:" + publicId;

    public static string Facilitators(string publicId) => "f:" + publicId;
}
