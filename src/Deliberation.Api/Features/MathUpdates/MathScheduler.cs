using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Deliberation.Api.Features.MathUpdates;

/// <summary>
/// Runs conversations' math in the background. Bursts coalesce: a conversation is queued at most once and runs at most
/// once at a time; votes that arrive while it runs mark it dirty and exactly one more update follows, no sooner than
/// the minimum interval after the previous start. A fixed number of workers take conversations from one FIFO queue,
/// so a huge conversation occupies one worker and every other conversation keeps its place in line. Failures are
/// logged and retried with a growing delay; nothing is dropped silently.
/// </summary>
public sealed partial class MathScheduler(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<MathSchedulerOptions> options,
    ILogger<MathScheduler> logger) : BackgroundService, IMathTrigger
{
    private readonly ConcurrentDictionary<long, Slot> slots = new();
    private readonly Channel<long> ready = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = false });
    private CancellationToken stopping = CancellationToken.None;

    public void Schedule(long conversationId)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var slot = slots.GetOrAdd(conversationId, _ => new Slot());
        lock (slot)
        {
            if (slot.Running)
            {
                slot.Dirty = true;
                return;
            }

            if (slot.Queued)
            {
                return;
            }

            slot.Queued = true;
        }

        EnqueueAfter(conversationId, DelayBeforeNext(slot));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        if (!options.Value.Enabled)
        {
            return;
        }

        await CatchUpAsync(stoppingToken);
        var workers = Enumerable.Range(0, options.Value.MaxConcurrency).Select(_ => WorkAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    /// <summary>After a restart, conversations whose votes or statements moved past their stored result are updated.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var stale = await StaleConversations.FindAsync(scope.ServiceProvider.GetRequiredService<Data.DeliberationDbContext>(), cancellationToken);
            foreach (var id in stale)
            {
                Schedule(id);
            }

            if (stale.Count > 0)
            {
                LogCatchUp(logger, stale.Count);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCatchUpFailed(logger, e);
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var conversationId in ready.Reader.ReadAllAsync(cancellationToken))
            {
                await RunOneAsync(conversationId, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down; stored results stay, and the next start catches up.
        }
    }

    private async Task RunOneAsync(long conversationId, CancellationToken cancellationToken)
    {
        var slot = slots.GetOrAdd(conversationId, _ => new Slot());
        lock (slot)
        {
            slot.Queued = false;
            slot.Running = true;
            slot.Dirty = false;
            slot.LastStart = time.GetUtcNow();
        }

        var again = false;
        var retryDelay = TimeSpan.Zero;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<ConversationMathJob>();
            var outcome = await job.RunAsync(conversationId, cancellationToken);
            again = outcome == MathJobOutcome.LostRace;
            slot.Failures = 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            slot.Failures++;
            retryDelay = TimeSpan.FromSeconds(System.Math.Min(options.Value.MaxRetryDelaySeconds, System.Math.Pow(2, slot.Failures - 1)));
            LogFailed(logger, e, conversationId, slot.Failures, retryDelay.TotalSeconds);
            again = true;
        }

        bool requeue;
        lock (slot)
        {
            slot.Running = false;
            requeue = (again || slot.Dirty) && !slot.Queued;
            if (requeue)
            {
                slot.Queued = true;
                slot.Dirty = false;
            }
        }

        if (requeue)
        {
            EnqueueAfter(conversationId, retryDelay > TimeSpan.Zero ? retryDelay : DelayBeforeNext(slot));
        }
    }

    private TimeSpan DelayBeforeNext(Slot slot)
    {
        var due = slot.LastStart + TimeSpan.FromMilliseconds(options.Value.MinIntervalMs);
        var wait = due - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private void EnqueueAfter(long conversationId, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            ready.Writer.TryWrite(conversationId);
            return;
        }

        _ = DelayedEnqueueAsync(conversationId, delay);
    }

    private async Task DelayedEnqueueAsync(long conversationId, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time, stopping);
            ready.Writer.TryWrite(conversationId);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private sealed class Slot
    {
        public bool Queued { get; set; }

        public bool Running { get; set; }

        public bool Dirty { get; set; }

        public DateTimeOffset LastStart { get; set; } = DateTimeOffset.MinValue;

        public int Failures { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catching up the math of {Count} conversations")]
    private static partial void LogCatchUp(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for conversations to catch up; they update at their next vote")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Math update of conversation {ConversationId} failed ({Failures} in a row); retrying in {DelaySeconds} s")]
    private static partial void LogFailed(ILogger logger, Exception exception, long conversationId, int failures, double delaySeconds);
}
