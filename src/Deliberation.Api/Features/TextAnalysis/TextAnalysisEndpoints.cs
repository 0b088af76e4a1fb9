using System.Security.Claims;
using Deliberation.Api.Infrastructure.Caching;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Domain.Conversations;
using Deliberation.TextAnalysis;
using Deliberation.TextAnalysis.Similarity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Api.Features.TextAnalysis;

/// <summary>
/// Statement similarity and topics (Deliberation.TextAnalysis, TF-IDF on words and character n-grams, so German and
/// Chinese work too): similar statements while a participant writes, near-duplicate warnings for moderators, and
/// topics for the report and facilitators.
/// </summary>
public static class TextAnalysisEndpoints
{
    public const int MaxSimilar = 20;
    public const int MaxDraftLength = 5_000;

    public static IServiceCollection AddStatementTextAnalysis(this IServiceCollection services)
    {
        services.AddDeliberationTextAnalysis();
        services.AddSingleton<StatementTextIndexes>();
        return services;
    }

    public static IEndpointRouteBuilder MapTextAnalysisEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var participants = endpoints.MapGroup("/api/v1/conversations/{conversationId}").WithTags("Participants");
        participants.MapGet("/statements/similar", SimilarAsync);
        participants.MapGet("/topics", PublicTopicsAsync).WithTags("Results");

        var facilitators = endpoints.MapGroup("/api/v1/manage/conversations/{conversationId}")
            .WithTags("Facilitator: statements and moderation")
            .RequireAuthorization();
        facilitators.MapGet("/statements/near-duplicates", NearDuplicatesAsync);
        facilitators.MapGet("/topics", OwnerTopicsAsync);
        return endpoints;
    }

    /// <summary>
    /// The statements most like a draft (for the write flow: "vote on one of these instead?"), among those the
    /// participant can see, best first. <c>k</c> 1–20 (default 5).
    /// </summary>
    private static Ok<SimilarStatements> SimilarAsync(ParticipantClaim me, string? text, int? k, StatementTextIndexes indexes)
    {
        var draft = Require.Present(text, "text");
        if (string.IsNullOrWhiteSpace(draft) || draft.Length > MaxDraftLength)
        {
            throw Require.Invalid("text", $"Give the draft text (1 to {MaxDraftLength} characters).");
        }

        var count = k ?? 5;
        if (count is < 1 or > MaxSimilar)
        {
            throw Require.Invalid("k", $"Ask for between 1 and {MaxSimilar} statements.");
        }

        var snapshot = me.Snapshot;
        var found = indexes.Index(snapshot, TextScope.Visible).FindSimilar(draft, count, minScore: 0.05);
        return TypedResults.Ok(new SimilarStatements(found
            .Select(f => (Found: f, Statement: snapshot.Find(f.Id)))
            .Where(x => x.Statement is not null)
            .Select(x => new SimilarStatementView(x.Found.Id, x.Statement!.Number, x.Statement.Text, System.Math.Round(x.Found.Score, 4)))
            .ToList()));
    }

    /// <summary>
    /// Pairs of statements (rejected ones left out) whose texts nearly repeat each other, best first; by default at
    /// the threshold measured for 94% precision (0.75).
    /// </summary>
    private static async Task<Ok<NearDuplicates>> NearDuplicatesAsync(
        OwnedConversation owned, double? threshold, ConversationSnapshots snapshots, StatementTextIndexes indexes, CancellationToken cancellationToken)
    {
        var limit = threshold ?? TfIdfStatementSimilarity.DefaultNearDuplicateThreshold;
        if (limit is < 0.3 or > 1)
        {
            throw Require.Invalid("threshold", "The threshold is a similarity between 0.3 and 1.");
        }

        var snapshot = await snapshots.RequireAsync(owned.Conversation.PublicId, cancellationToken);
        NearDuplicateStatement? View(long id) =>
            snapshot.Find(id) is { } s ? new NearDuplicateStatement(s.Id, s.Number, s.Text, s.Moderation) : null;
        var pairs = indexes.Index(snapshot, TextScope.NotRejected).FindNearDuplicates(limit)
            .Select(p => (First: View(p.FirstId), Second: View(p.SecondId), p.Score))
            .Where(p => p.First is not null && p.Second is not null)
            .Select(p => new NearDuplicateView(p.First!, p.Second!, System.Math.Round(p.Score, 4)))
            .ToList();
        return TypedResults.Ok(new NearDuplicates(limit, pairs));
    }

    /// <summary>
    /// The visible statements grouped by topic (each named by its top terms): for the report. Anyone may read it when
    /// the report is public; otherwise only the facilitator.
    /// </summary>
    private static async Task<Ok<TopicsView>> PublicTopicsAsync(
        PublicConversation route, ClaimsPrincipal user, ConversationSnapshots snapshots, StatementTextIndexes indexes, CancellationToken cancellationToken)
    {
        var conversation = route.Conversation;
        if (!conversation.Settings.ReportIsPublic && user.FindFirstValue(ClaimTypes.NameIdentifier) != conversation.OwnerId)
        {
            throw new ApiProblemException(ProblemType.Forbidden, "The report of this conversation is not public.");
        }

        var snapshot = await snapshots.RequireAsync(conversation.PublicId, cancellationToken);
        return TypedResults.Ok(View(indexes.Topics(snapshot, TextScope.Visible), snapshot));
    }

    /// <summary>Every statement that is not rejected (waiting ones included) grouped by topic, for the facilitator.</summary>
    private static async Task<Ok<TopicsView>> OwnerTopicsAsync(
        OwnedConversation owned, ConversationSnapshots snapshots, StatementTextIndexes indexes, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.RequireAsync(owned.Conversation.PublicId, cancellationToken);
        return TypedResults.Ok(View(indexes.Topics(snapshot, TextScope.NotRejected), snapshot));
    }

    private static TopicsView View(TopicSet topics, ConversationSnapshot snapshot) => new(
        [.. topics.Topics.Select(t => new TopicView(
            t.Id,
            t.Label,
            t.Terms,
            [.. t.StatementIds.Select(snapshot.Find).OfType<StatementSnapshot>().Select(s => new TopicStatementView(s.Id, s.Number, s.Text))]))],
        System.Math.Round(topics.Silhouette, 4));
}
