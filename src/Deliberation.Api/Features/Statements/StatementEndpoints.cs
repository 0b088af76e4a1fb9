using Deliberation.Api.Features.Live;
using Deliberation.Api.Features.MathUpdates;
using Deliberation.Api.Features.Moderation;
using Deliberation.Api.Features.Votes;
using Deliberation.Api.Infrastructure.Caching;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.RateLimiting;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Deliberation.Data.Votes;
using Deliberation.Domain.Common;
using Deliberation.Domain.Conversations;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Votes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Statements;

/// <summary>Reading the statements participants may see, and writing new ones.</summary>
public static class StatementEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;

    public static IEndpointRouteBuilder MapStatementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/conversations/{conversationId}/statements").WithTags("Participants");
        group.MapGet("/", ListVisibleAsync);
        group.MapPost("/", WriteAsync).RequireRateLimiting(RateLimitSetup.StatementsPolicy);
        return endpoints;
    }

    /// <summary>Visible statements in number order, a page at a time (pass the returned <c>nextAfter</c> as <c>after</c>).</summary>
    private static async Task<Ok<StatementList>> ListVisibleAsync(
        PublicConversation route, HttpContext http, DeliberationDbContext db, ParticipantTokens tokens, long? after, int? limit, CancellationToken cancellationToken)
    {
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            throw Require.Invalid("limit", $"Ask for between 1 and {MaxLimit} statements.");
        }

        var conversation = route.Conversation;
        var me = tokens.Read(ParticipantTokens.FromRequest(http.Request, conversation.PublicId)) is { } claim && claim.ConversationId == conversation.Id
            ? claim.ParticipantId
            : (long?)null;
        var from = after ?? -1;
        var items = await db.Statements.AsNoTracking().Visible(conversation)
            .Where(s => s.Number > from)
            .OrderBy(s => s.Number)
            .Take(size + 1)
            .Select(s => new StatementView(s.Id, s.Number, s.Text, s.Moderation, s.IsSeed, me != null && s.AuthorParticipantId == me, s.CreatedAt))
            .ToListAsync(cancellationToken);
        var more = items.Count > size;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return TypedResults.Ok(new StatementList(items, more ? items[^1].Number : null));
    }

    /// <summary>
    /// A participant's statement. As in Polis, writing a statement counts as agreeing with it, so the author's vote is
    /// recorded with it in the same transaction.
    /// </summary>
    private static async Task<Created<StatementView>> WriteAsync(
        CurrentParticipant me,
        WriteStatementRequest request,
        DeliberationDbContext db,
        IMathTrigger math,
        IDeliberationNotifier notifier,
        ConversationSnapshots snapshots,
        VotedStatementsCache votedStatements,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var text = Require.Present(request.Text, "text");
        var conversation = me.Conversation;
        var now = time.UtcNowMs();

        // Validate (open, writing allowed, length) before touching the database.
        var draft = Statement.Write(conversation, me.Participant, text, number: 0, now);
        await ThrowIfDuplicateAsync(db, conversation.Id, draft.DuplicateKey, cancellationToken);

        Statement statement;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await db.NextStatementNumbersAsync(conversation.Id, 1, cancellationToken);
            statement = Statement.Write(conversation, me.Participant, text, number, now);
            db.Statements.Add(statement);
            await db.SaveChangesAsync(cancellationToken);
            await db.RecordVoteUncheckedAsync(conversation.Id, me.Participant.Id, statement.Id, VoteValue.Agree, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Someone wrote the same words a moment earlier.
            db.ChangeTracker.Clear();
            await ThrowIfDuplicateAsync(db, conversation.Id, draft.DuplicateKey, cancellationToken);
            throw;
        }

        snapshots.Invalidate(conversation.PublicId);
        votedStatements.Recorded(me.Participant.Id, statement.Id, firstOnStatement: null);
        math.Schedule(conversation.Id);
        var view = new StatementView(statement.Id, statement.Number, statement.Text, statement.Moderation, statement.IsSeed, IsMine: true, statement.CreatedAt);
        if (conversation.Shows(statement.Moderation))
        {
            await notifier.StatementAddedAsync(conversation.PublicId, view, cancellationToken);
        }

        await notifier.ModerationQueuedAsync(
            conversation.PublicId,
            new ModerationItem(
                statement.Id, statement.Number, statement.Text, statement.Moderation, statement.IsMeta, statement.IsSeed,
                me.Participant.Number, statement.CreatedAt, statement.ModeratedAt, Agrees: 1, Disagrees: 0, Passes: 0),
            cancellationToken);
        return TypedResults.Created($"/api/v1/conversations/{conversation.PublicId}/statements/{statement.Id}", view);
    }

    private static async Task ThrowIfDuplicateAsync(DeliberationDbContext db, long conversationId, string key, CancellationToken cancellationToken)
    {
        var existing = await db.Statements.AsNoTracking()
            .Where(s => s.ConversationId == conversationId && s.DuplicateKey == key)
            .Select(s => new { s.Id, s.Text })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw DuplicateStatement.Problem(existing.Id, existing.Text);
        }
    }
}
