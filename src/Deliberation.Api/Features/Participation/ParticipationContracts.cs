using Deliberation.Domain.Conversations;

namespace Deliberation.Api.Features.Participation;

/// <summary>What anyone with the link may know about a conversation.</summary>
public sealed record ConversationView(
    string Id,
    string Topic,
    string Description,
    bool IsOpen,
    bool ParticipantsCanWrite,
    int MaxStatementLength,
    bool StrictModeration,
    bool ReportIsPublic,
    bool IsOpenData,
    DateTimeOffset CreatedAt)
{
    public static ConversationView From(Conversation c) => new(
        c.PublicId, c.Topic, c.Description, c.IsOpen, c.Settings.ParticipantsCanWrite, c.Settings.MaxStatementLength,
        c.Settings.StrictModeration, c.Settings.ReportIsPublic, c.Settings.IsOpenData, c.CreatedAt);
}

public sealed record ListedConversation(string Id, string Topic, DateTimeOffset CreatedAt, int Participants, int Statements);

public sealed record JoinRequest(string? Xid = null);

/// <summary>
/// The participant token is returned once here (and set as an HttpOnly cookie); API clients send it back as
/// <c>Authorization: Bearer &lt;token&gt;</c>.
/// </summary>
public sealed record JoinResponse(long ParticipantNumber, string Token, bool IsNew);

public sealed record Progress(int Voted, int Total)
{
    public int Remaining => System.Math.Max(0, Total - Voted);
}

public sealed record MeView(long ParticipantNumber, bool HasExternalId, DateTimeOffset JoinedAt, Progress Progress);
