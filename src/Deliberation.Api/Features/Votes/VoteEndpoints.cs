using Deliberation.Api.Features.MathUpdates;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Deliberation.Data.Votes;
using Deliberation.Domain.Common;
using Deliberation.Domain.Votes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Votes;

/// <summary>Voting, reading one's own votes, and asking what to vote on next.</summary>
public static class VoteEndpoints
{
    public static IEndpointRouteBuilder MapVoteEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/conversations/{conversationId}").WithTags("Participants");
        group.MapPost("/votes", CastAsync);
        group.MapGet("/votes/mine", MineAsync);
        group.MapGet("/next", NextAsync);
        return endpoints;
    }

    /// <summary>
    /// Records (or changes) the caller's vote. The response is sent only after the vote is committed, so an
    /// acknowledged vote is never lost.
    /// </summary>
    private static async Task<Ok<VoteResponse>> CastAsync(
        CurrentParticipant me,
        CastVoteRequest request,
        DeliberationDbContext db,
        NextStatementPicker picker,
        IMathTrigger math,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var statementId = Require.Present(request.StatementId, "statementId");
        var value = Vote.Validate(Require.Present(request.Value, "value"));
        var statement = await db.Statements.AsNoTracking()
                .FirstOrDefaultAsync(s => s.Id == statementId && s.ConversationId == me.Conversation.Id, cancellationToken)
            ?? throw new ApiProblemException(ProblemType.StatementNotFound, "This conversation has no statement with this id.");
        statement.EnsureVotable(me.Conversation);

        var eventId = await db.RecordVoteAsync(me.Conversation.Id, me.Participant.Id, statementId, value, time.UtcNowMs(), cancellationToken);
        math.Schedule(me.Conversation.Id);
        var (next, progress) = await picker.PickAsync(db, me.Conversation, me.Participant.Id, cancellationToken);
        return TypedResults.Ok(new VoteResponse(statementId, value, eventId, next, progress));
    }

    private static async Task<Ok<List<MyVote>>> MineAsync(CurrentParticipant me, DeliberationDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Votes.AsNoTracking()
            .Where(v => v.ConversationId == me.Conversation.Id && v.ParticipantId == me.Participant.Id)
            .Join(db.Statements, v => v.StatementId, s => s.Id, (v, s) => new { v, s.Number })
            .OrderBy(x => x.Number)
            .Select(x => new MyVote(x.v.StatementId, x.Number, x.v.Value, x.v.UpdatedAt))
            .ToListAsync(cancellationToken));

    private static async Task<Ok<NextResponse>> NextAsync(
        CurrentParticipant me, DeliberationDbContext db, NextStatementPicker picker, CancellationToken cancellationToken)
    {
        var (next, progress) = await picker.PickAsync(db, me.Conversation, me.Participant.Id, cancellationToken);
        return TypedResults.Ok(new NextResponse(next, progress));
    }
}
