using System.Threading.Channels;
using Deliberation.Data.Providers;
using Deliberation.Domain.Votes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Deliberation.Data.Votes;

/// <summary>
/// Records participants' votes; on PostgreSQL, by group commit. Measured under load, most of a vote's cost was
/// PostgreSQL's per-statement and per-commit work, not the vote itself. So votes arriving together wait in a queue
/// and a few writers (each serving its share of the participants) each take whatever has gathered for them (up to
/// <see cref="VoteBatchOptions.MaxSize"/>) and record it in one statement and one commit (<see cref="PostgresVoteBatch"/>). There is no timer: a batch is whatever arrived while
/// the previous one was being written, so a lone vote is written at once. Every caller still gets its answer only
/// after the commit that holds its vote, so an acknowledged vote is never lost. If a batch fails (a participant
/// deleted meanwhile breaks its foreign key, say), its votes are written one by one so that each caller gets its own
/// outcome. On SQLite, which has one writer anyway, each vote is written directly.
/// </summary>
public sealed class VoteBatcher : IAsyncDisposable
{
    private readonly ILogger<VoteBatcher> logger;
    private readonly NpgsqlDataSource? dataSource;
    private readonly Channel<PendingVote>[] queues = [];
    private readonly Task[] writers = [];
    private readonly int maxSize;

    public VoteBatcher(IOptions<DatabaseOptions> options, ILogger<VoteBatcher> logger)
    {
        this.logger = logger;
        var database = options.Value;
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var batching = database.VoteBatch;
        maxSize = batching.MaxSize;
        dataSource = NpgsqlDataSource.Create(DbContextOptionsSetup.WithPostgresDefaults(database.ConnectionString));
        queues = Enumerable.Range(0, batching.Writers)
            .Select(_ => Channel.CreateBounded<PendingVote>(new BoundedChannelOptions(batching.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true }))
            .ToArray();
        writers = queues.Select((queue, index) => StartWriter(queue.Reader, index)).ToArray();
    }

    /// <summary>
    /// A participant's vote, refused (null) when the conversation is closed or the statement is not shown to
    /// participants at the moment of writing. Returns once the vote is committed.
    /// </summary>
    public async Task<RecordedVote?> RecordAsync(DeliberationDbContext db, VoteToRecord vote, CancellationToken cancellationToken)
    {
        if (queues.Length == 0)
        {
            var eventId = await db.RecordVoteAsync(vote.ConversationId, vote.ParticipantId, vote.StatementId, vote.Value, vote.At, cancellationToken);
            return eventId is null ? null : new RecordedVote(eventId.Value, null);
        }

        Vote.Validate(vote.Value); // the batch statement takes the value as it is
        // One writer per participant, so that a participant's votes are written in the order they came.
        var pending = new PendingVote(vote);
        await queues[(int)((ulong)vote.ParticipantId % (ulong)queues.Length)].Writer.WriteAsync(pending, cancellationToken);

        // Not cancellable once queued: the vote will be written, and the caller waits to learn whether it was.
        return await pending.Outcome.Task;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in queues)
        {
            queue.Writer.TryComplete();
        }

        await Task.WhenAll(writers);

        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }

    /// <summary>
    /// Each writer has its own thread and waits for the database synchronously. On the shared thread pool, a writer's
    /// continuation after the database answered waited behind every request queued at that moment, and the whole batch
    /// with it: measured as stalls of 100–200 ms when the pool was busy, with the database idle.
    /// </summary>
    private Task StartWriter(ChannelReader<PendingVote> reader, int index)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                WriteLoop(reader);
                stopped.SetResult();
            }
            catch (Exception e)
            {
                logger.LogCritical(e, "Vote writer {Index} stopped", index);
                stopped.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = $"Vote writer {index}",
        };
        thread.Start();
        return stopped.Task;
    }

    private static bool WaitToRead(ChannelReader<PendingVote> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void WriteLoop(ChannelReader<PendingVote> reader)
    {
        var batch = new List<PendingVote>(maxSize);
        var keys = new HashSet<(long, long)>();
        var later = new Queue<PendingVote>(); // a second vote on the same statement by the same participant
        while (later.Count > 0 || WaitToRead(reader))
        {
            batch.Clear();
            keys.Clear();
            for (var carried = later.Count; carried > 0; carried--)
            {
                Take(later.Dequeue());
            }

            while (batch.Count < maxSize && reader.TryRead(out var pending))
            {
                Take(pending);
            }

            if (batch.Count > 0)
            {
                Write(batch);
            }
        }

        void Take(PendingVote pending)
        {
            if (keys.Add(pending.Key))
            {
                batch.Add(pending);
            }
            else
            {
                later.Enqueue(pending);
            }
        }
    }

    private void Write(IReadOnlyList<PendingVote> batch)
    {
        try
        {
            using var connection = dataSource!.OpenConnection();
            var recorded = PostgresVoteBatch.Write(connection, batch.Select(p => p.Vote).ToList());
            foreach (var pending in batch)
            {
                pending.Outcome.TrySetResult(recorded.TryGetValue(pending.Key, out var vote) ? vote : null);
            }
        }
        catch (Exception e) when (batch.Count > 1)
        {
            logger.LogWarning(e, "A batch of {Count} votes failed; writing them one by one", batch.Count);
            foreach (var pending in batch)
            {
                Write([pending]);
            }
        }
        catch (Exception e)
        {
            batch[0].Outcome.TrySetException(e);
        }
    }

    private sealed class PendingVote(VoteToRecord vote)
    {
        public VoteToRecord Vote { get; } = vote;

        public (long Participant, long Statement) Key { get; } = (vote.ParticipantId, vote.StatementId);

        public TaskCompletionSource<RecordedVote?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
