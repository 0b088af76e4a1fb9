using Deliberation.Api.Features.MathUpdates;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Deliberation.Data.Votes;
using Deliberation.Domain.Common;
using Deliberation.Domain.Statements;
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
    /// acknowledged vote is never lost. One database round trip, shared with other votes arriving at the same
    /// moment (<see cref="VoteBatcher"/>); routing reads the caller's votes only when this node has no copy of them.
    /// </summary>
    private static async Task<Ok<VoteResponse>> CastAsync(
        ParticipantClaim me,
        CastVoteRequest request,
        DeliberationDbContext db,
        VoteBatcher votes,
        VotedStatementsCache votedStatements,
        NextStatementPicker picker,
        IMathTrigger math,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var statementId = Require.Present(request.StatementId, "statementId");
        var value = Vote.Validate(Require.Present(request.Value, "value"));
        var conversation = me.Snapshot.Conversation;
        var moderation = me.Snapshot.Find(statementId)?.Moderation
            ?? await ModerationInDatabaseAsync(db, conversation.Id, statementId, cancellationToken); // newer than the snapshot
        Statement.EnsureVotable(conversation, moderation);

        RecordedVote? recorded;
        try
        {
            recorded = await votes.RecordAsync(db, new VoteToRecord(conversation.Id, me.ParticipantId, statementId, value, time.UtcNowMs()), cancellationToken);
        }
        catch (Exception e) when (e.IsForeignKeyViolation())
        {
            throw new ApiProblemException(ProblemType.ParticipantRequired, "This participant no longer exists; join again.");
        }

        if (recorded is not { } vote)
        {
            // The snapshot was behind: the conversation closed or the statement was moderated a moment ago.
            throw await RefusalAsync(db, conversation.PublicId, statementId, cancellationToken);
        }

        math.Schedule(conversation.Id);
        votedStatements.Recorded(me.ParticipantId, statementId, vote.FirstOnStatement);
        var (next, progress) = await picker.PickAsync(db, me.Snapshot, me.ParticipantId, cancellationToken);
        return TypedResults.Ok(new VoteResponse(statementId, value, vote.EventId, next, progress));
    }

    private static async Task<Ok<List<MyVote>>> MineAsync(CurrentParticipant me, DeliberationDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Votes.AsNoTracking()
            .Where(v => v.ConversationId == me.Conversation.Id && v.ParticipantId == me.Participant.Id)
            .Join(db.Statements, v => v.StatementId, s => s.Id, (v, s) => new { v, s.Number })
            .OrderBy(x => x.Number)
            .Select(x => new MyVote(x.v.StatementId, x.Number, x.v.Value, x.v.UpdatedAt))
            .ToListAsync(cancellationToken));

    private static async Task<Ok<NextResponse>> NextAsync(
        ParticipantClaim me, DeliberationDbContext db, NextStatementPicker picker, CancellationToken cancellationToken)
    {
        var (next, progress) = await picker.PickAsync(db, me.Snapshot, me.ParticipantId, cancellationToken);
        return TypedResults.Ok(new NextResponse(next, progress));
    }

    private static async Task<ModerationState> ModerationInDatabaseAsync(DeliberationDbContext db, long conversationId, long statementId, CancellationToken cancellationToken) =>
        await db.Statements.AsNoTracking()
            .Where(s => s.Id == statementId && s.ConversationId == conversationId)
            .Select(s => (ModerationState?)s.Moderation)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new ApiProblemException(ProblemType.StatementNotFound, "This conversation has no statement with this id.");

    /// <summary>
    /// Re-reads the rows the write refused on and throws the rule they now break; if none is broken any more (it changed
    /// back), the conflict to report.
    /// </summary>
    private static async Task<ApiProblemException> RefusalAsync(DeliberationDbContext db, string publicId, long statementId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.PublicId == publicId, cancellationToken);
        Statement.EnsureVotable(conversation, await ModerationInDatabaseAsync(db, conversation.Id, statementId, cancellationToken));
        return new ApiProblemException(ProblemType.Conflict, "The conversation changed while the vote was being recorded; try again.");
    }
}
