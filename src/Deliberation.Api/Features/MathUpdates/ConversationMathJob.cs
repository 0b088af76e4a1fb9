using Deliberation.Api.Features.Live;
using Deliberation.Api.Features.Results;
using Deliberation.Data;
using Deliberation.Data.Results;
using Deliberation.Domain.Common;
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
/// One background update of one conversation (<see cref="MathStore"/> does the math and the storing), then the push:
/// vote tallies before the math, the compact result and the facilitators' time-series point after it.
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

        var stored = await MathStore.UpdateAsync(db, conversationId, time.UtcNowMs(), PushTalliesAsync, cancellationToken);
        if (stored.Outcome != MathUpdateOutcome.Updated)
        {
            return stored.Outcome == MathUpdateOutcome.Unchanged ? MathJobOutcome.Unchanged : MathJobOutcome.LostRace;
        }

        var row = stored.Row!;
        var result = await LatestResults.BuildAsync(db, conversationId, publicId, row.Tick, row.Watermark, row.ComputedAt, stored.Result!, cancellationToken);
        latest.Put(result);
        LogUpdated(logger, publicId, row.Tick, stored.Inputs.Votes.Count, result.Math.K, row.ElapsedMs);
        await notifier.ResultsUpdatedAsync(publicId, result.Compact, cancellationToken);
        var rate = await PolarisationSeries.RateAsync(db, conversationId, stored.Snapshot!.ComputedAt, options.Value.PolarisationWindowMinutes, cancellationToken);
        await notifier.SeriesPointAsync(new SeriesPointPush(publicId, PolarisationSeries.PointOf(stored.Snapshot!), rate), cancellationToken);
        return MathJobOutcome.Updated;

        async Task PushTalliesAsync(MathInputs inputs)
        {
            var tally = tallies.Changes(conversationId, publicId, inputs);
            if (tally.Changed.Count > 0)
            {
                await notifier.VoteTalliesAsync(tally, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Conversation {ConversationId} tick {Tick}: {Votes} votes, k = {K}, {ElapsedMs} ms")]
    private static partial void LogUpdated(ILogger logger, string conversationId, long tick, int votes, int k, int elapsedMs);
}
