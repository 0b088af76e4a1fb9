using Deliberation.Domain.Statements;

namespace Deliberation.Api.Features.Moderation;

public sealed record SeedStatementsRequest(IReadOnlyList<string>? Texts);

public sealed record ModerateStatementRequest(ModerationState? Moderation = null, bool? IsMeta = null);

public sealed record BulkModerationRequest(IReadOnlyList<long>? StatementIds, ModerationState? Moderation = null, bool? IsMeta = null);

public sealed record BulkModerationResult(int Updated);

/// <summary>A statement as a moderator sees it: with its author's number and how it has been voted so far.</summary>
public sealed record ModerationItem(
    long Id,
    long Number,
    string Text,
    ModerationState Moderation,
    bool IsMeta,
    bool IsSeed,
    long? AuthorNumber,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ModeratedAt,
    int Agrees,
    int Disagrees,
    int Passes);
