using Deliberation.Api.Features.Live;
using Deliberation.Api.Features.MathUpdates;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Infrastructure.Caching;
using Deliberation.Api.Infrastructure.Http;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Deliberation.Domain.Common;
using Deliberation.Domain.Conversations;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Votes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Moderation;

/// <summary>Seeding and moderating statements: the facilitator's side of the statement list.</summary>
public static class ManageStatementEndpoints
{
    public const int MaxBulk = 1_000;

    public static IEndpointRouteBuilder MapManageStatementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/manage/conversations/{conversationId}/statements")
            .WithTags("Facilitator: statements and moderation")
            .RequireAuthorization();
        group.MapPost("/", SeedAsync);
        group.MapGet("/", QueueAsync);
        group.MapPatch("/{statementId:long}", ModerateAsync);
        group.MapPost("/moderation", ModerateManyAsync);
        return endpoints;
    }

    private static async Task<Created<IReadOnlyList<ModerationItem>>> SeedAsync(
        OwnedConversation owned,
        SeedStatementsRequest request,
        DeliberationDbContext db,
        IMathTrigger math,
        IDeliberationNotifier notifier,
        ConversationSnapshots snapshots,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var texts = Require.Present(request.Texts, "texts");
        if (texts.Count == 0)
        {
            throw Require.Invalid("texts", "Give at least one statement.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await SeedPlanner.AddAsync(db, owned.Conversation, texts, time.UtcNowMs(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        snapshots.Invalidate(owned.Conversation.PublicId);
        math.Schedule(owned.Conversation.Id);
        foreach (var statement in added)
        {
            await notifier.StatementAddedAsync(
                owned.Conversation.PublicId,
                new StatementView(statement.Id, statement.Number, statement.Text, statement.Moderation, statement.IsSeed, IsMine: false, statement.CreatedAt),
                cancellationToken);
        }

        var ids = added.Select(s => s.Id).ToList();
        var items = await Project(db, Of(db, owned.Conversation.Id).Where(s => ids.Contains(s.Id)).OrderBy(s => s.Number))
            .ToListAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/manage/conversations/{owned.Conversation.PublicId}/statements", (IReadOnlyList<ModerationItem>)items);
    }

    /// <summary>The moderation queue: oldest first, so that nothing waits forever.</summary>
    private static async Task<Ok<Page<ModerationItem>>> QueueAsync(
        OwnedConversation owned, DeliberationDbContext db, string? moderation, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Paging.Normalize(page, pageSize);
        var statements = Of(db, owned.Conversation.Id);
        if (moderation is not null)
        {
            var state = Enum.TryParse<ModerationState>(moderation, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                && !int.TryParse(moderation, out _)
                ? parsed
                : throw Require.Invalid("moderation", "Filter by 'unmoderated', 'accepted' or 'rejected'.");
            statements = statements.Where(s => s.Moderation == state);
        }

        var total = await statements.CountAsync(cancellationToken);
        var list = await Project(db, statements.OrderBy(s => s.CreatedAt).ThenBy(s => s.Number).Skip((number - 1) * size).Take(size))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ModerationItem>(list, number, size, total));
    }

    private static async Task<Ok<ModerationItem>> ModerateAsync(
        OwnedConversation owned,
        long statementId,
        ModerateStatementRequest request,
        DeliberationDbContext db,
        IMathTrigger math,
        IDeliberationNotifier notifier,
        ConversationSnapshots snapshots,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var statement = await db.Statements.FirstOrDefaultAsync(
                s => s.Id == statementId && s.ConversationId == owned.Conversation.Id, cancellationToken)
            ?? throw new ApiProblemException(ProblemType.StatementNotFound, "This conversation has no statement with this id.");
        if (request.Moderation is null && request.IsMeta is null)
        {
            throw Require.Invalid("moderation", "Say what to change: 'moderation' and/or 'isMeta'.");
        }

        if (request.Moderation is { } state)
        {
            statement.Moderate(state, time.UtcNowMs());
        }

        if (request.IsMeta is { } isMeta)
        {
            statement.MarkMeta(isMeta, time.UtcNowMs());
        }

        await db.SaveChangesAsync(cancellationToken);
        snapshots.Invalidate(owned.Conversation.PublicId);
        math.Schedule(owned.Conversation.Id);
        await NotifyAsync(notifier, owned.Conversation, [(statement.Id, statement.Moderation, statement.IsMeta)], cancellationToken);
        return TypedResults.Ok(await Project(db, Of(db, owned.Conversation.Id).Where(s => s.Id == statementId)).SingleAsync(cancellationToken));
    }

    private static async Task<Ok<BulkModerationResult>> ModerateManyAsync(
        OwnedConversation owned,
        BulkModerationRequest request,
        DeliberationDbContext db,
        IMathTrigger math,
        IDeliberationNotifier notifier,
        ConversationSnapshots snapshots,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var ids = Require.Present(request.StatementIds, "statementIds");
        if (ids.Count is 0 or > MaxBulk)
        {
            throw Require.Invalid("statementIds", $"Give between 1 and {MaxBulk} statement ids.");
        }

        if (request.Moderation is { } requested && !Enum.IsDefined(requested))
        {
            throw Require.Invalid("moderation", "Unknown moderation state.");
        }

        if (request.Moderation is null && request.IsMeta is null)
        {
            throw Require.Invalid("moderation", "Say what to change: 'moderation' and/or 'isMeta'.");
        }

        var now = time.UtcNowMs();
        var updated = await db.Statements
            .Where(s => s.ConversationId == owned.Conversation.Id && ids.Contains(s.Id))
            .ExecuteUpdateAsync(
                setters =>
                {
                    if (request.Moderation is { } state)
                    {
                        setters.SetProperty(s => s.Moderation, state).SetProperty(s => s.ModeratedAt, now);
                    }

                    if (request.IsMeta is { } isMeta)
                    {
                        setters.SetProperty(s => s.IsMeta, isMeta).SetProperty(s => s.ModeratedAt, now);
                    }
                },
                cancellationToken);
        snapshots.Invalidate(owned.Conversation.PublicId);
        math.Schedule(owned.Conversation.Id);
        var changed = await Of(db, owned.Conversation.Id).Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Moderation, s.IsMeta })
            .ToListAsync(cancellationToken);
        await NotifyAsync(notifier, owned.Conversation, changed.Select(c => (c.Id, c.Moderation, c.IsMeta)), cancellationToken);
        return TypedResults.Ok(new BulkModerationResult(updated));
    }

    private static async Task NotifyAsync(
        IDeliberationNotifier notifier, Conversation conversation, IEnumerable<(long Id, ModerationState Moderation, bool IsMeta)> changes, CancellationToken cancellationToken)
    {
        foreach (var (id, moderation, isMeta) in changes)
        {
            await notifier.StatementModeratedAsync(
                conversation.PublicId,
                new StatementModeratedPush(conversation.PublicId, id, moderation, isMeta, conversation.Shows(moderation)),
                cancellationToken);
        }
    }

    private static IQueryable<Statement> Of(DeliberationDbContext db, long conversationId) =>
        db.Statements.AsNoTracking().Where(s => s.ConversationId == conversationId);

    private static IQueryable<ModerationItem> Project(DeliberationDbContext db, IQueryable<Statement> statements) =>
        statements.Select(s => new ModerationItem(
                s.Id,
                s.Number,
                s.Text,
                s.Moderation,
                s.IsMeta,
                s.IsSeed,
                db.Participants.Where(p => p.Id == s.AuthorParticipantId).Select(p => (long?)p.Number).FirstOrDefault(),
                s.CreatedAt,
                s.ModeratedAt,
                db.Votes.Count(v => v.StatementId == s.Id && v.Value == VoteValue.Agree),
                db.Votes.Count(v => v.StatementId == s.Id && v.Value == VoteValue.Disagree),
                db.Votes.Count(v => v.StatementId == s.Id && v.Value == VoteValue.Pass)));
}
