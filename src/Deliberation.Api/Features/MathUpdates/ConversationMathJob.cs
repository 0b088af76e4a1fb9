using System.Diagnostics;
using Deliberation.Api.Features.Live;
using Deliberation.Api.Features.Results;
using Deliberation.Data;
using Deliberation.Data.Results;
using Deliberation.Domain.Common;
using Deliberation.Math;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Deliberation.Api.Features.MathUpdates;

public enum MathJobOutcome
{
    /// <summary>A new result was stored and pushed.</summary>
    Updated,

    /// <summary>Nothing changed since the stored result.</summary>
    Unchanged,

    /// <summary>Another node stored a result meanwhile: run again on top of it.</summary>
    LostRace,

    /// <summary>The conversation no longer exists.</summary>
    Gone,
}

/// <summary>
/// One update of one conversation: read the votes, continue from the stored state, store the new result, state and
/// time-series point in one transaction, then push. The database is the source of truth, so several nodes may run
/// this for the same conversation; the tick check lets exactly one of them win each round.
/// </summary>
public sealed partial class ConversationMathJob(
    DeliberationDbContext db,
    LatestResults latest,
    TallyTracker tallies,
    IDeliberationNotifier notifier,
    TimeProvider time,
    IOptions<MathSchedulerOptions> options,
    ILogger<ConversationMathJob> logger)
{
    public async Task<MathJobOutcome> RunAsync(long conversationId, CancellationToken cancellationToken)
    {
        var publicId = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.PublicId)
            .FirstOrDefaultAsync(cancellationToken);
        if (publicId is null)
        {
            return MathJobOutcome.Gone;
        }

        var inputs = await MathInputs.ReadAsync(db, conversationId, cancellationToken);
        var tally = tallies.Changes(conversationId, publicId, inputs);
        if (tally.Changed.Count > 0)
        {
            await notifier.VoteTalliesAsync(tally, cancellationToken);
        }

        var stored = await db.ConversationResults.FirstOrDefaultAsync(r => r.ConversationId == conversationId, cancellationToken);
        if (stored is not null && stored.Watermark == inputs.Watermark && stored.StatementsFingerprint == inputs.StatementsFingerprint)
        {
            return MathJobOutcome.Unchanged;
        }

        var previousState = stored is null
            ? null
            : MathJson.DeserializeState(ResultCompression.Decompress(stored.State));
        var stopwatch = Stopwatch.StartNew();
        var update = OpinionEngine.Update(inputs.Statements, inputs.Votes, previousState);
        var elapsedMs = (int)stopwatch.ElapsedMilliseconds;
        var now = time.UtcNowMs();

        var row = stored ?? new ConversationResult { ConversationId = conversationId };
        row.Tick = (stored?.Tick ?? 0) + 1;
        row.Watermark = inputs.Watermark;
        row.StatementsFingerprint = inputs.StatementsFingerprint;
        row.ComputedAt = now;
        row.ElapsedMs = elapsedMs;
        row.Result = ResultCompression.Compress(MathJson.SerializeToUtf8Bytes(update.Result));
        row.State = ResultCompression.Compress(MathJson.SerializeToUtf8Bytes(update.State));
        if (stored is null)
        {
            db.ConversationResults.Add(row);
        }

        var result = await LatestResults.BuildAsync(db, conversationId, publicId, row.Tick, row.Watermark, now, update.Result, cancellationToken);
        var snapshot = SnapshotOf(result, elapsedMs);
        db.MathSnapshots.Add(snapshot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return MathJobOutcome.LostRace;
        }

        latest.Put(result);
        LogUpdated(logger, publicId, row.Tick, inputs.Votes.Count, result.Math.K, elapsedMs);
        await notifier.ResultsUpdatedAsync(publicId, result.Compact, cancellationToken);
        var rate = await PolarisationSeries.RateAsync(db, conversationId, options.Value.PolarisationWindowMinutes, cancellationToken);
        await notifier.SeriesPointAsync(new SeriesPointPush(publicId, PolarisationSeries.PointOf(snapshot), rate), cancellationToken);
        return MathJobOutcome.Updated;
    }

    private static MathSnapshot SnapshotOf(LatestResult result, int elapsedMs)
    {
        var math = result.Math;
        var p = math.Polarisation;
        return new MathSnapshot
        {
            ConversationId = result.ConversationId,
            Tick = result.Tick,
            ComputedAt = result.ComputedAt,
            Watermark = result.Watermark,
            Participants = math.Counts.Participants,
            Votes = math.Counts.Votes,
            InConv = math.Counts.InConv,
            K = math.K,
            GroupSizes = string.Join(',', math.Groups.Select(g => g.Members.Length)),
            BetweenGroupVarianceShare = Finite(p.BetweenGroupVarianceShare),
            MeanSilhouette = Finite(p.MeanSilhouette),
            FirstComponentVarianceShare = Finite(p.FirstComponentVarianceShare),
            MeanDivergence = Finite(p.MeanDivergence),
            DivisiveStatementShare = Finite(p.DivisiveStatementShare),
            BridgingStatements = BridgingSelection.Select(math).Count(),
            ElapsedMs = elapsedMs,
        };
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Conversation {ConversationId} tick {Tick}: {Votes} votes, k = {K}, {ElapsedMs} ms")]
    private static partial void LogUpdated(ILogger logger, string conversationId, long tick, int votes, int k, int elapsedMs);
}
