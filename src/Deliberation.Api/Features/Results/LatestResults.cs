using System.Collections.Concurrent;
using Deliberation.Data;
using Deliberation.Data.Results;
using Deliberation.Domain.Statements;
using Deliberation.Math;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Results;

/// <summary>One conversation's latest result, decoded once and shared by every request and push that needs it.</summary>
public sealed record LatestResult(
    long ConversationId,
    long Tick,
    long Watermark,
    DateTimeOffset ComputedAt,
    MathResult Math,
    ResultsView Full,
    IReadOnlyDictionary<long, double> Priorities)
{
    /// <summary>What the push carries: the view without the per-statement table.</summary>
    public ResultsView Compact { get; } = Full with { Statements = null };

    private Dictionary<long, ParticipantPosition>? positions;

    /// <summary>Where a participant is on the map, or null when they had not voted by this result.</summary>
    public ParticipantPosition? PositionOf(long participantId)
    {
        positions ??= Math.Participants.ToDictionary(p => p.Id);
        return positions.GetValueOrDefault(participantId);
    }

    private Dictionary<long, StatementResult>? visibleStatements;

    /// <summary>
    /// The math of each statement participants can see, by id: built once per result rather than on each of the
    /// "where do I stand" requests that every participant makes after every push.
    /// </summary>
    public IReadOnlyDictionary<long, StatementResult> VisibleStatements =>
        visibleStatements ??= VisibleStatementsOf(Math, Full);

    private static Dictionary<long, StatementResult> VisibleStatementsOf(MathResult math, ResultsView full)
    {
        var visible = full.Statements?.Select(s => s.StatementId).ToHashSet() ?? [];
        return math.Statements.Where(s => visible.Contains(s.Id)).ToDictionary(s => s.Id);
    }
}

/// <summary>
/// The latest result per conversation, in memory. This node's own updates refresh it directly; results written by
/// other nodes are noticed by comparing the stored tick (one primary-key read) once an entry is older than the
/// caller's tolerance.
/// </summary>
public sealed class LatestResults(TimeProvider time)
{
    private readonly ConcurrentDictionary<long, (LatestResult Result, DateTimeOffset CheckedAt)> cache = new();

    public void Put(LatestResult result) =>
        cache.AddOrUpdate(
            result.ConversationId,
            (result, time.GetUtcNow()),
            (_, existing) => existing.Result.Tick > result.Tick ? existing : (result, time.GetUtcNow()));

    public async Task<LatestResult?> GetAsync(
        DeliberationDbContext db, long conversationId, string publicId, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(conversationId, out var cached) && now - cached.CheckedAt <= maxAge)
        {
            return cached.Result;
        }

        var storedTick = await db.ConversationResults.AsNoTracking()
            .Where(r => r.ConversationId == conversationId)
            .Select(r => (long?)r.Tick)
            .FirstOrDefaultAsync(cancellationToken);
        if (storedTick is null)
        {
            return null;
        }

        if (cached.Result is not null && cached.Result.Tick >= storedTick)
        {
            cache[conversationId] = (cached.Result, now);
            return cached.Result;
        }

        if (await MathStore.LatestAsync(db, conversationId, cancellationToken) is not var (row, math))
        {
            return null;
        }

        var latest = await BuildAsync(db, conversationId, publicId, row.Tick, row.Watermark, row.ComputedAt, math, cancellationToken);
        Put(latest);
        return latest;
    }

    public static async Task<LatestResult> BuildAsync(
        DeliberationDbContext db, long conversationId, string publicId, long tick, long watermark, DateTimeOffset computedAt, MathResult math, CancellationToken cancellationToken)
    {
        var visible = await db.Statements.AsNoTracking()
            .Where(s => s.ConversationId == conversationId && s.Moderation != ModerationState.Rejected)
            .Select(s => new VisibleStatement(s.Id, s.Number, s.Text, s.IsMeta))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var full = ResultsViewBuilder.Build(publicId, tick, watermark, computedAt, math, visible);
        var priorities = math.Statements.ToDictionary(s => s.Id, s => s.Priority);
        return new LatestResult(conversationId, tick, watermark, computedAt, math, full, priorities);
    }
}
