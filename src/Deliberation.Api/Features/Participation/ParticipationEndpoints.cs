using Deliberation.Api.Features.Votes;
using Deliberation.Api.Infrastructure.Caching;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Deliberation.Domain.Common;
using Deliberation.Domain.Participants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Participation;

/// <summary>Finding a conversation and joining it as a participant.</summary>
public static class ParticipationEndpoints
{
    public const int MaxListed = 100;

    public static IEndpointRouteBuilder MapParticipationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/conversations").WithTags("Participants");
        group.MapGet("/", ListOpenAsync);
        group.MapGet("/{conversationId}", Get);
        group.MapPost("/{conversationId}/participants", JoinAsync);
        group.MapGet("/{conversationId}/me", MeAsync);
        return endpoints;
    }

    /// <summary>Conversations their facilitators listed publicly and that are open, newest first.</summary>
    private static async Task<Ok<List<ListedConversation>>> ListOpenAsync(DeliberationDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Conversations.AsNoTracking()
            .Where(c => c.IsOpen && c.Settings.IsListed)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(MaxListed)
            .Select(c => new ListedConversation(
                c.PublicId,
                c.Topic,
                c.CreatedAt,
                db.Participants.Count(p => p.ConversationId == c.Id),
                db.Statements.Count(s => s.ConversationId == c.Id)))
            .ToListAsync(cancellationToken));

    private static Ok<ConversationView> Get(PublicConversation conversation) =>
        TypedResults.Ok(ConversationView.From(conversation.Conversation));

    /// <summary>
    /// Idempotent: a request that already carries this conversation's token, or an external id seen before, gets the
    /// same participant back (200); otherwise a new participant is made (201).
    /// </summary>
    private static async Task<Results<Created<JoinResponse>, Ok<JoinResponse>>> JoinAsync(
        PublicConversation route,
        JoinRequest? request,
        HttpContext http,
        DeliberationDbContext db,
        ParticipantTokens tokens,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var conversation = route.Conversation;
        var xid = Participant.NormalizeExternalId(request?.Xid);
        var existing = await FindExistingAsync(http, db, tokens, conversation.Id, conversation.PublicId, xid, cancellationToken);
        if (existing is not null)
        {
            return TypedResults.Ok(Issue(http, tokens, conversation.PublicId, existing, isNew: false));
        }

        Participant participant;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await db.NextParticipantNumbersAsync(conversation.Id, 1, cancellationToken);
            participant = Participant.Join(conversation.Id, number, xid, time.UtcNowMs());
            db.Participants.Add(participant);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && xid is not null)
        {
            // Two first joins with the same external id raced; the other one won, so this is a re-join.
            db.ChangeTracker.Clear();
            var winner = await db.Participants.AsNoTracking()
                .SingleAsync(p => p.ConversationId == conversation.Id && p.ExternalId == xid, cancellationToken);
            return TypedResults.Ok(Issue(http, tokens, conversation.PublicId, winner, isNew: false));
        }

        return TypedResults.Created($"/api/v1/conversations/{conversation.PublicId}/me", Issue(http, tokens, conversation.PublicId, participant, isNew: true));
    }

    private static async Task<Ok<MeView>> MeAsync(
        CurrentParticipant me, DeliberationDbContext db, ConversationSnapshots snapshots, NextStatementPicker picker, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.RequireAsync(me.Conversation.PublicId, cancellationToken);
        var progress = await picker.ProgressAsync(db, snapshot, me.Participant.Id, cancellationToken);
        return TypedResults.Ok(new MeView(me.Participant.Number, me.Participant.ExternalId is not null, me.Participant.CreatedAt, progress));
    }

    private static async Task<Participant?> FindExistingAsync(
        HttpContext http, DeliberationDbContext db, ParticipantTokens tokens, long conversationId, string publicId, string? xid, CancellationToken cancellationToken)
    {
        if (xid is not null)
        {
            return await db.Participants.AsNoTracking()
                .FirstOrDefaultAsync(p => p.ConversationId == conversationId && p.ExternalId == xid, cancellationToken);
        }

        return tokens.Read(ParticipantTokens.FromRequest(http.Request, publicId)) is { } claim && claim.ConversationId == conversationId
            ? await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == claim.ParticipantId && p.ConversationId == conversationId, cancellationToken)
            : null;
    }

    private static JoinResponse Issue(HttpContext http, ParticipantTokens tokens, string publicId, Participant participant, bool isNew)
    {
        var token = tokens.Issue(participant.ConversationId, participant.Id);
        http.Response.Cookies.Append(ParticipantTokens.CookieName(publicId), token, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        return new JoinResponse(participant.Number, token, isNew);
    }
}
