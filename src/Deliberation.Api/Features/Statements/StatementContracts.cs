using Deliberation.Domain.Statements;

namespace Deliberation.Api.Features.Statements;

public sealed record WriteStatementRequest(string? Text);

/// <summary>A statement as participants see it; authors stay anonymous, except that you see which are yours.</summary>
public sealed record StatementView(long Id, long Number, string Text, ModerationState Moderation, bool IsSeed, bool IsMine, DateTimeOffset CreatedAt);

public sealed record StatementList(IReadOnlyList<StatementView> Items, long? NextAfter);
