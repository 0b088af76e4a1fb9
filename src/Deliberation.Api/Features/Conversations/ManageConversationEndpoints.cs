using Deliberation.Api.Features.Moderation;
using Deliberation.Api.Infrastructure.Caching;
using Deliberation.Api.Infrastructure.Http;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Deliberation.Domain.Common;
using Deliberation.Domain.Conversations;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Conversations;

/// <summary>What a facilitator does with their own conversations. Every route needs sign-in and ownership.</summary>
public static class ManageConversationEndpoints
{
    public static IEndpointRouteBuilder MapManageConversationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/manage/conversations")
            .WithTags("Facilitator: conversations")
            .RequireAuthorization();
        group.MapPost("/", CreateAsync);
        group.MapGet("/", ListMineAsync);
        group.MapGet("/{conversationId}", GetAsync);
        group.MapPatch("/{conversationId}", UpdateAsync);
        group.MapPost("/{conversationId}/close", CloseAsync);
        group.MapPost("/{conversationId}/reopen", ReopenAsync);
        group.MapGet("/{conversationId}/counts", CountsAsync);
        return endpoints;
    }

    private static async Task<Created<ConversationDetails>> CreateAsync(
        CreateConversationRequest request, HttpContext http, DeliberationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.UtcNowMs();
        var settings = (request.Settings ?? new SettingsInput()).ApplyTo(ConversationSettings.Default);
        var conversation = Conversation.Start(
            OwnedConversation.FacilitatorId(http.User), Require.Present(request.Topic, "topic"), request.Description, settings, now);
        var seeds = request.SeedStatements ?? [];

        // Check the seeds before anything is written: a bad seed refuses the whole request.
        SeedPlanner.Plan(conversation, seeds);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        if (seeds.Count > 0)
        {
            await SeedPlanner.AddAsync(db, conversation, seeds, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var counts = await db.CountAsync(conversation.Id, cancellationToken);
        return TypedResults.Created($"/api/v1/manage/conversations/{conversation.PublicId}", ConversationDetails.From(conversation, counts));
    }

    private static async Task<Ok<Page<ConversationSummary>>> ListMineAsync(
        HttpContext http, DeliberationDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Paging.Normalize(page, pageSize);
        var ownerId = OwnedConversation.FacilitatorId(http.User);
        var mine = db.Conversations.AsNoTracking().Where(c => c.OwnerId == ownerId);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(c => new ConversationSummary(
                c.PublicId,
                c.Topic,
                c.IsOpen,
                c.CreatedAt,
                db.Participants.Count(p => p.ConversationId == c.Id),
                db.Statements.Count(s => s.ConversationId == c.Id),
                db.Statements.Count(s => s.ConversationId == c.Id && s.Moderation == ModerationState.Unmoderated)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ConversationSummary>(items, number, size, total));
    }

    private static async Task<Ok<ConversationDetails>> GetAsync(OwnedConversation owned, DeliberationDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(ConversationDetails.From(owned.Conversation, await db.CountAsync(owned.Conversation.Id, cancellationToken)));

    private static async Task<Ok<ConversationDetails>> UpdateAsync(
        OwnedConversation owned,
        UpdateConversationRequest request,
        DeliberationDbContext db,
        ConversationSnapshots snapshots,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var conversation = owned.Conversation;
        var now = time.UtcNowMs();
        if (request.Topic is not null || request.Description is not null)
        {
            conversation.Describe(request.Topic ?? conversation.Topic, request.Description ?? conversation.Description, now);
        }

        if (request.Settings is not null)
        {
            conversation.Configure(request.Settings.ApplyTo(conversation.Settings), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        snapshots.Invalidate(conversation.PublicId);
        return TypedResults.Ok(ConversationDetails.From(conversation, await db.CountAsync(conversation.Id, cancellationToken)));
    }

    private static Task<Ok<ConversationDetails>> CloseAsync(
        OwnedConversation owned, DeliberationDbContext db, ConversationSnapshots snapshots, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(owned, db, snapshots, c => c.Close(time.UtcNowMs()), cancellationToken);

    private static Task<Ok<ConversationDetails>> ReopenAsync(
        OwnedConversation owned, DeliberationDbContext db, ConversationSnapshots snapshots, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(owned, db, snapshots, c => c.Reopen(time.UtcNowMs()), cancellationToken);

    private static async Task<Ok<ConversationCounts>> CountsAsync(OwnedConversation owned, DeliberationDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.CountAsync(owned.Conversation.Id, cancellationToken));

    private static async Task<Ok<ConversationDetails>> ChangeAsync(
        OwnedConversation owned, DeliberationDbContext db, ConversationSnapshots snapshots, Action<Conversation> change, CancellationToken cancellationToken)
    {
        change(owned.Conversation);
        await db.SaveChangesAsync(cancellationToken);
        snapshots.Invalidate(owned.Conversation.PublicId);
        return TypedResults.Ok(ConversationDetails.From(owned.Conversation, await db.CountAsync(owned.Conversation.Id, cancellationToken)));
    }
}
