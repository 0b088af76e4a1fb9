using Deliberation.Domain.Conversations;

namespace Deliberation.Api.Features.Conversations;

/// <summary>Settings as sent by a facilitator: every field optional, so that an update changes only what it names.</summary>
public sealed record SettingsInput(
    bool? StrictModeration = null,
    bool? ParticipantsCanWrite = null,
    int? MaxStatementLength = null,
    bool? IsListed = null,
    bool? ReportIsPublic = null,
    bool? IsOpenData = null)
{
    public ConversationSettings ApplyTo(ConversationSettings current) => current with
    {
        StrictModeration = StrictModeration ?? current.StrictModeration,
        ParticipantsCanWrite = ParticipantsCanWrite ?? current.ParticipantsCanWrite,
        MaxStatementLength = MaxStatementLength ?? current.MaxStatementLength,
        IsListed = IsListed ?? current.IsListed,
        ReportIsPublic = ReportIsPublic ?? current.ReportIsPublic,
        IsOpenData = IsOpenData ?? current.IsOpenData,
    };
}

public sealed record CreateConversationRequest(
    string? Topic, string? Description = null, SettingsInput? Settings = null, IReadOnlyList<string>? SeedStatements = null);

public sealed record UpdateConversationRequest(string? Topic = null, string? Description = null, SettingsInput? Settings = null);

public sealed record SettingsView(
    bool StrictModeration, bool ParticipantsCanWrite, int MaxStatementLength, bool IsListed, bool ReportIsPublic, bool IsOpenData)
{
    public static SettingsView From(ConversationSettings s) =>
        new(s.StrictModeration, s.ParticipantsCanWrite, s.MaxStatementLength, s.IsListed, s.ReportIsPublic, s.IsOpenData);
}

public sealed record ConversationCounts(int Participants, int Statements, int StatementsWaiting, int Votes, int VoteEvents);

public sealed record ConversationDetails(
    string Id,
    string Topic,
    string Description,
    bool IsOpen,
    SettingsView Settings,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ConversationCounts Counts)
{
    public static ConversationDetails From(Conversation c, ConversationCounts counts) =>
        new(c.PublicId, c.Topic, c.Description, c.IsOpen, SettingsView.From(c.Settings), c.CreatedAt, c.UpdatedAt, counts);
}

public sealed record ConversationSummary(
    string Id, string Topic, bool IsOpen, DateTimeOffset CreatedAt, int Participants, int Statements, int StatementsWaiting);
