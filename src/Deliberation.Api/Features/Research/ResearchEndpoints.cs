using Deliberation.Api.Features.Exchange;
using Deliberation.Api.Infrastructure.Http;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Deliberation.Data.Results;
using Deliberation.Domain.Conversations;
using Deliberation.Domain.Votes;
using Deliberation.Exchange.Export;
using Deliberation.PolisFormat;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Research;

/// <summary>
/// The researcher API: the data of the exports, paged, for scripts that follow a live conversation. Participants and
/// statements appear by their numbers (as in the exports), never by token or external id. For the facilitator under
/// /manage, and for anyone under /conversations when the conversation is open data.
/// </summary>
public static class ResearchEndpoints
{
    public const int MaxVotesPerPage = 10_000;

    public static IEndpointRouteBuilder MapResearchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var owner = endpoints.MapGroup("/api/v1/manage/conversations/{conversationId}/data")
            .WithTags("Researchers: data")
            .RequireAuthorization();
        owner.MapGet("/statements", OwnerStatementsAsync);
        owner.MapGet("/participants", OwnerParticipantsAsync);
        owner.MapGet("/votes", OwnerVotesAsync);
        owner.MapGet("/results", OwnerResultsAsync);
        owner.MapGet("/polarisation", OwnerSeriesAsync);

        var open = endpoints.MapGroup("/api/v1/conversations/{conversationId}/data").WithTags("Researchers: data");
        open.MapGet("/statements", OpenStatementsAsync);
        open.MapGet("/participants", OpenParticipantsAsync);
        open.MapGet("/votes", OpenVotesAsync);
        open.MapGet("/results", OpenResultsAsync);
        open.MapGet("/polarisation", OpenSeriesAsync);
        return endpoints;
    }

    /// <summary>Statements in number order with current-vote tallies and vote-event counts (paged).</summary>
    private static Task<Ok<Page<ResearchStatement>>> OwnerStatementsAsync(OwnedConversation owned, DeliberationDbContext db, int? page, int? pageSize, CancellationToken cancellationToken) =>
        StatementsAsync(owned.Conversation, db, page, pageSize, cancellationToken);

    /// <summary>Participants who voted, by number, with n-comments, n-votes, n-agree, n-disagree and group (paged).</summary>
    private static Task<Ok<Page<ResearchParticipant>>> OwnerParticipantsAsync(OwnedConversation owned, DeliberationDbContext db, int? page, int? pageSize, CancellationToken cancellationToken) =>
        ParticipantsAsync(owned.Conversation, db, page, pageSize, cancellationToken);

    /// <summary>The full vote history in recording order; <c>after</c> is the last event id seen (cursor), <c>limit</c> up to 10,000.</summary>
    private static Task<Ok<ResearchVotePage>> OwnerVotesAsync(OwnedConversation owned, DeliberationDbContext db, long? after, int? limit, CancellationToken cancellationToken) =>
        VotesAsync(owned.Conversation, db, after, limit, cancellationToken);

    /// <summary>math.json: the whole latest result, participant and statement ids as export numbers.</summary>
    private static Task<FileContentHttpResult> OwnerResultsAsync(OwnedConversation owned, DeliberationDbContext db, CancellationToken cancellationToken) =>
        ResultsAsync(owned.Conversation, db, cancellationToken);

    /// <summary>The polarisation history, one point per math update; <c>after</c> is the last tick seen.</summary>
    private static Task<Ok<ResearchSeriesPage>> OwnerSeriesAsync(OwnedConversation owned, DeliberationDbContext db, long? after, int? limit, CancellationToken cancellationToken) =>
        SeriesAsync(owned.Conversation, db, after, limit, cancellationToken);

    /// <summary>Open data: statements with tallies (paged).</summary>
    private static Task<Ok<Page<ResearchStatement>>> OpenStatementsAsync(OpenDataConversation open, DeliberationDbContext db, int? page, int? pageSize, CancellationToken cancellationToken) =>
        StatementsAsync(open.Conversation, db, page, pageSize, cancellationToken);

    /// <summary>Open data: participants by number with counts and group (paged).</summary>
    private static Task<Ok<Page<ResearchParticipant>>> OpenParticipantsAsync(OpenDataConversation open, DeliberationDbContext db, int? page, int? pageSize, CancellationToken cancellationToken) =>
        ParticipantsAsync(open.Conversation, db, page, pageSize, cancellationToken);

    /// <summary>Open data: the vote history by event-id cursor.</summary>
    private static Task<Ok<ResearchVotePage>> OpenVotesAsync(OpenDataConversation open, DeliberationDbContext db, long? after, int? limit, CancellationToken cancellationToken) =>
        VotesAsync(open.Conversation, db, after, limit, cancellationToken);

    /// <summary>Open data: math.json.</summary>
    private static Task<FileContentHttpResult> OpenResultsAsync(OpenDataConversation open, DeliberationDbContext db, CancellationToken cancellationToken) =>
        ResultsAsync(open.Conversation, db, cancellationToken);

    /// <summary>Open data: the polarisation history by tick cursor.</summary>
    private static Task<Ok<ResearchSeriesPage>> OpenSeriesAsync(OpenDataConversation open, DeliberationDbContext db, long? after, int? limit, CancellationToken cancellationToken) =>
        SeriesAsync(open.Conversation, db, after, limit, cancellationToken);

    public static async Task<Ok<Page<ResearchStatement>>> StatementsAsync(
        Conversation conversation, DeliberationDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Paging.Normalize(page, pageSize);
        var statements = db.Statements.AsNoTracking().Where(s => s.ConversationId == conversation.Id);
        var total = await statements.CountAsync(cancellationToken);
        var items = await statements
            .OrderBy(s => s.Number)
            .Skip((number - 1) * size)
            .Take(size)
            .Select(s => new ResearchStatement(
                s.Number,
                s.Text,
                db.Participants.Where(p => p.Id == s.AuthorParticipantId).Select(p => (long?)p.Number).FirstOrDefault(),
                s.Moderation,
                s.IsMeta,
                s.CreatedAt,
                db.Votes.Count(v => v.StatementId == s.Id && v.Value == VoteValue.Agree),
                db.Votes.Count(v => v.StatementId == s.Id && v.Value == VoteValue.Disagree),
                db.Votes.Count(v => v.StatementId == s.Id && v.Value == VoteValue.Pass),
                db.VoteEvents.Count(v => v.StatementId == s.Id && v.Value == VoteValue.Agree),
                db.VoteEvents.Count(v => v.StatementId == s.Id && v.Value == VoteValue.Disagree)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ResearchStatement>(items, number, size, total));
    }

    public static async Task<Ok<Page<ResearchParticipant>>> ParticipantsAsync(
        Conversation conversation, DeliberationDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Paging.Normalize(page, pageSize);
        var voters = db.Participants.AsNoTracking()
            .Where(p => p.ConversationId == conversation.Id && db.Votes.Any(v => v.ParticipantId == p.Id));
        var total = await voters.CountAsync(cancellationToken);
        var rows = await voters
            .OrderBy(p => p.Number)
            .Skip((number - 1) * size)
            .Take(size)
            .Select(p => new
            {
                p.Id,
                p.Number,
                Comments = db.Statements.Count(s => s.AuthorParticipantId == p.Id),
                Votes = db.Votes.Count(v => v.ParticipantId == p.Id),
                Agrees = db.Votes.Count(v => v.ParticipantId == p.Id && v.Value == VoteValue.Agree),
                Disagrees = db.Votes.Count(v => v.ParticipantId == p.Id && v.Value == VoteValue.Disagree),
            })
            .ToListAsync(cancellationToken);
        var latest = await MathStore.LatestAsync(db, conversation.Id, cancellationToken);
        var groupOf = new Dictionary<long, int>();
        foreach (var group in latest?.Result.Groups ?? [])
        {
            foreach (var member in group.Members)
            {
                groupOf[member] = group.Id;
            }
        }

        var items = rows.Select(r => new ResearchParticipant(
            r.Number, groupOf.TryGetValue(r.Id, out int g) ? g : null, r.Comments, r.Votes, r.Agrees, r.Disagrees)).ToList();
        return TypedResults.Ok(new Page<ResearchParticipant>(items, number, size, total));
    }

    public static async Task<Ok<ResearchVotePage>> VotesAsync(
        Conversation conversation, DeliberationDbContext db, long? after, int? limit, CancellationToken cancellationToken)
    {
        var size = limit ?? 1_000;
        if (size is < 1 or > MaxVotesPerPage)
        {
            throw Require.Invalid("limit", $"Ask for between 1 and {MaxVotesPerPage} votes.");
        }

        var from = after ?? 0;
        var rows = await db.VoteEvents.AsNoTracking()
            .Where(e => e.ConversationId == conversation.Id && e.Id > from)
            .OrderBy(e => e.Id)
            .Take(size + 1)
            .Join(db.Participants, e => e.ParticipantId, p => p.Id, (e, p) => new { e, Participant = p.Number })
            .Join(db.Statements, x => x.e.StatementId, s => s.Id, (x, s) => new { x.e.Id, x.e.CreatedAt, Statement = s.Number, x.Participant, x.e.Value })
            .OrderBy(x => x.Id)
            .ToListAsync(cancellationToken);
        var more = rows.Count > size;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var items = rows.Select(r => new ResearchVote(r.Id, r.CreatedAt.ToUnixTimeMilliseconds(), r.Statement, r.Participant, r.Value)).ToList();
        return TypedResults.Ok(new ResearchVotePage(items, more ? items[^1].EventId : null));
    }

    /// <summary>math.json of the export: <c>result</c> is null before the first update.</summary>
    public static async Task<FileContentHttpResult> ResultsAsync(Conversation conversation, DeliberationDbContext db, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await new ConversationExporter(db).WriteFileAsync(conversation.Id, PolisColumns.MathFile, buffer, new ExportOptions(), cancellationToken);
        return TypedResults.File(buffer.ToArray(), "application/json; charset=utf-8");
    }

    public static async Task<Ok<ResearchSeriesPage>> SeriesAsync(
        Conversation conversation, DeliberationDbContext db, long? after, int? limit, CancellationToken cancellationToken)
    {
        var size = limit ?? 1_000;
        if (size is < 1 or > MaxVotesPerPage)
        {
            throw Require.Invalid("limit", $"Ask for between 1 and {MaxVotesPerPage} points.");
        }

        var from = after ?? 0;
        var points = await db.MathSnapshots.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Tick > from)
            .OrderBy(m => m.Tick)
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        var more = points.Count > size;
        if (more)
        {
            points.RemoveAt(points.Count - 1);
        }

        var items = points.Select(p => new ResearchSeriesPoint(
            p.Tick,
            p.ComputedAt.ToUnixTimeMilliseconds(),
            p.Participants,
            p.Votes,
            p.InConv,
            p.K,
            p.GroupSizes.Length == 0 ? [] : [.. p.GroupSizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))],
            p.BetweenGroupVarianceShare,
            p.MeanSilhouette,
            p.FirstComponentVarianceShare,
            p.MeanDivergence,
            p.DivisiveStatementShare,
            p.BridgingStatements)).ToList();
        return TypedResults.Ok(new ResearchSeriesPage(items, more ? items[^1].Tick : null));
    }
}
