using Deliberation.Api.Features.MathUpdates;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Deliberation.Domain.Conversations;
using Deliberation.Math;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Deliberation.Api.Features.Results;

/// <summary>The latest results over REST, beside the live push: for first paint, reports, and clients that cannot push.</summary>
public static class ResultsEndpoints
{
    public const int MaxSeriesPoints = 5_000;

    public static IEndpointRouteBuilder MapResultsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var public_ = endpoints.MapGroup("/api/v1/conversations/{conversationId}/results").WithTags("Results");
        public_.MapGet("/", GetAsync);
        public_.MapGet("/me", MineAsync);

        endpoints.MapGroup("/api/v1/manage/conversations/{conversationId}")
            .WithTags("Facilitator: conversations")
            .RequireAuthorization()
            .MapGet("/polarisation", SeriesAsync);
        return endpoints;
    }

    /// <summary>
    /// The latest result. The ETag is the tick: send it back in If-None-Match and get 304 until the next update.
    /// Before the first update the view is empty (tick 0).
    /// </summary>
    private static async Task<Results<Ok<ResultsView>, StatusCodeHttpResult>> GetAsync(
        PublicConversation route, HttpContext http, DeliberationDbContext db, LatestResults latest, CancellationToken cancellationToken)
    {
        var conversation = route.Conversation;
        var result = await latest.GetAsync(db, conversation.Id, conversation.PublicId, TimeSpan.Zero, cancellationToken);
        var tick = result?.Tick ?? 0;
        var etag = $"\"{tick}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(result?.Full ?? Empty(conversation));
    }

    /// <summary>Where the caller stands: position, group, and their votes beside their group's and everyone's.</summary>
    private static async Task<Ok<MyResultsView>> MineAsync(
        CurrentParticipant me, DeliberationDbContext db, LatestResults latest, CancellationToken cancellationToken)
    {
        var result = await latest.GetAsync(db, me.Conversation.Id, me.Conversation.PublicId, TimeSpan.Zero, cancellationToken);
        var myVotes = await db.Votes.AsNoTracking()
            .Where(v => v.ConversationId == me.Conversation.Id && v.ParticipantId == me.Participant.Id)
            .Select(v => new { v.StatementId, v.Value })
            .ToListAsync(cancellationToken);
        if (result is null)
        {
            return TypedResults.Ok(new MyResultsView(0, 0, myVotes.Count > 0, false, null, null, null, null, null, []));
        }

        var position = result.PositionOf(me.Participant.Id);
        var group = position?.Group;
        var statements = result.VisibleStatements;
        var comparisons = myVotes
            .Where(v => statements.ContainsKey(v.StatementId))
            .OrderBy(v => v.StatementId)
            .Select(v =>
            {
                var s = statements[v.StatementId];
                VoteTally? inGroup = group is { } g && g < s.GroupVotes.Length ? s.GroupVotes[g] : null;
                return new MyComparisonView(
                    v.StatementId,
                    v.Value,
                    inGroup is { } t ? ResultsViewBuilder.Percent(t.A, t.S) : null,
                    inGroup is { } u ? ResultsViewBuilder.Percent(u.D, u.S) : null,
                    ResultsViewBuilder.Percent(s.Votes.A, s.Votes.S));
            })
            .ToList();
        return TypedResults.Ok(new MyResultsView(
            result.Tick,
            result.Watermark,
            myVotes.Count > 0,
            group is not null,
            position is null ? null : System.Math.Round(position.X, 4),
            position is null ? null : System.Math.Round(position.Y, 4),
            group,
            group is { } label ? result.Math.Groups[label].Label : null,
            position?.BaseCluster,
            comparisons));
    }

    /// <summary>The facilitator's polarisation chart: the newest points (oldest first) and the rate over the window.</summary>
    private static async Task<Ok<PolarisationSeriesView>> SeriesAsync(
        OwnedConversation owned, DeliberationDbContext db, IOptions<MathSchedulerOptions> options, int? limit, CancellationToken cancellationToken)
    {
        var take = System.Math.Clamp(limit ?? 1_000, 1, MaxSeriesPoints);
        var id = owned.Conversation.Id;
        var points = await db.MathSnapshots.AsNoTracking()
            .Where(s => s.ConversationId == id)
            .OrderByDescending(s => s.Tick)
            .Take(take)
            .ToListAsync(cancellationToken);
        points.Reverse();
        var window = options.Value.PolarisationWindowMinutes;
        var rate = await PolarisationSeries.RateAsync(db, id, points.Count > 0 ? points[^1].ComputedAt : null, window, cancellationToken);
        return TypedResults.Ok(new PolarisationSeriesView(window, rate, points.Select(PolarisationSeries.PointOf).ToList()));
    }

    private static ResultsView Empty(Conversation conversation) => new(
        conversation.PublicId, 0, 0, conversation.CreatedAt, new ResultCountsView(0, 0, 0, 0), 0, [], [], [], [], [], [],
        new PolarisationView(0, 0, 0, 0, 0, 0), []);
}
