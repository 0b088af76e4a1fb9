using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.LoadTest;

/// <summary>
/// One person: votes through the statements (leaning to their camp, passing now and then), writes a statement if
/// chosen to, and listens to the hub. Each acknowledged vote waits for the first results push whose watermark covers
/// it: that gap is the vote-to-push latency.
/// </summary>
public sealed class SimulatedParticipant(int index, ApiSession api, string conversationId, long[] statements, LoadRun run)
{
    private readonly ConcurrentQueue<(long EventId, long AckTicks, bool Measured)> waiting = new();
    private readonly Random random = new(run.Options.Seed * 7919 + index);
    private readonly bool campB = index % 2 == 1;
    private HubConnection? hub;
    private string token = "";

    public async Task JoinAsync(Uri baseAddress, bool listen)
    {
        token = await api.JoinAsync(conversationId);
        if (!listen)
        {
            return;
        }

        hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/deliberation"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        hub.On<WatermarkOnly>("ResultsUpdated", OnResults);
        await hub.StartAsync();
        await hub.InvokeAsync<object>("JoinConversation", conversationId, token);
    }

    public async Task RunAsync(CancellationToken stop)
    {
        long? next = await api.FirstStatementAsync(conversationId, token);
        var wrote = random.NextDouble() >= run.Options.WriteShare;

        // Writers write at a random moment of the measurement, not all at its first second.
        var writeAfterSeconds = random.NextDouble() * run.Options.DurationSeconds;
        while (!stop.IsCancellationRequested)
        {
            if (!wrote && run.Measuring && run.MeasuredSeconds >= writeAfterSeconds)
            {
                wrote = true;
                var ok = await Try(() => api.WriteAsync(conversationId, token, $"Participant {index} thinks of idea {random.Next()}", stop));
                run.CountWrite(ok);
            }

            // Once everything is voted, people change their minds: re-vote a random statement.
            var statementId = next is > 0 ? next.Value : statements[random.Next(statements.Length)];
            var value = Choose(statementId);
            var started = Stopwatch.GetTimestamp();
            VoteAck ack;
            try
            {
                ack = await api.VoteAsync(conversationId, token, statementId, value, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (HttpRequestException)
            {
                run.CountError("http");
                continue;
            }

            var acked = Stopwatch.GetTimestamp();
            var measured = run.Measuring;
            if (ack.Ok)
            {
                if (measured)
                {
                    run.RecordVote(Stopwatch.GetElapsedTime(started, acked).TotalMilliseconds);
                }

                if (hub is not null)
                {
                    waiting.Enqueue((ack.EventId, acked, measured));
                }

                next = ack.Next;
            }
            else
            {
                run.CountError("status-" + ack.Status);
                next = null;
            }

            if (run.Options.PauseMs > 0)
            {
                // Human pace: exponential pauses around the mean (people read, think, scroll).
                var pause = -System.Math.Log(1 - random.NextDouble()) * run.Options.PauseMs;
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(System.Math.Min(pause, run.Options.PauseMs * 5)), stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Votes still waiting for their push when the run ends.</summary>
    public int Unresolved => waiting.Count(w => w.Measured);

    public async Task DisposeAsync()
    {
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }
    }

    private void OnResults(WatermarkOnly results)
    {
        var now = Stopwatch.GetTimestamp();
        while (waiting.TryPeek(out var head) && head.EventId <= results.Watermark)
        {
            waiting.TryDequeue(out _);
            if (head.Measured)
            {
                run.RecordPush(Stopwatch.GetElapsedTime(head.AckTicks, now).TotalMilliseconds);
            }
        }
    }

    private string Choose(long statementId)
    {
        if (random.NextDouble() < 0.15)
        {
            return "pass";
        }

        // Two camps that mostly disagree: the conversation has real opinion groups for the math to find.
        var sideB = statementId % 2 == 0;
        var agrees = (sideB == campB) ? random.NextDouble() < 0.8 : random.NextDouble() < 0.2;
        return agrees ? "agree" : "disagree";
    }

    private async Task<bool> Try(Func<Task<bool>> action)
    {
        try
        {
            return await action();
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed record WatermarkOnly(long Tick, long Watermark);
}
