using System.Collections.Concurrent;

namespace Deliberation.LoadTest;

/// <summary>The shared counters of one run; only what happens inside the measurement window is recorded.</summary>
public sealed class LoadRun(LoadOptions options)
{
    private readonly ConcurrentDictionary<string, int> errors = new();
    private int writes;
    private volatile bool measuring;

    public LoadOptions Options { get; } = options;

    public LatencyRecorder Votes { get; } = new();

    public LatencyRecorder Pushes { get; } = new();

    public bool Measuring => measuring;

    public IReadOnlyDictionary<string, int> Errors => errors;

    public int Writes => writes;

    public void StartMeasuring() => measuring = true;

    public void StopMeasuring() => measuring = false;

    public void RecordVote(double ms) => Votes.Add(ms);

    public void RecordPush(double ms) => Pushes.Add(ms);

    public void CountError(string kind)
    {
        if (measuring)
        {
            errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
        }
    }

    public void CountWrite(bool ok)
    {
        if (ok)
        {
            Interlocked.Increment(ref writes);
        }
        else
        {
            CountError("write");
        }
    }
}
