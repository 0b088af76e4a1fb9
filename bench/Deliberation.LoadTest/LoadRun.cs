using System.Collections.Concurrent;
using System.Diagnostics;

namespace Deliberation.LoadTest;

/// <summary>The shared counters of one run; only what happens inside the measurement window is recorded.</summary>
public sealed class LoadRun(LoadOptions options)
{
    private readonly ConcurrentDictionary<string, int> errors = new();
    private int writes;
    private volatile bool measuring;
    private long measuringSince;

    public LoadOptions Options { get; } = options;

    public LatencyRecorder Votes { get; } = new();

    public LatencyRecorder Pushes { get; } = new();

    public bool Measuring => measuring;

    public IReadOnlyDictionary<string, int> Errors => errors;

    public int Writes => writes;

    /// <summary>Seconds since measuring started (0 before).</summary>
    public double MeasuredSeconds => measuring ? Stopwatch.GetElapsedTime(measuringSince).TotalSeconds : 0;

    public void StartMeasuring()
    {
        measuringSince = Stopwatch.GetTimestamp();
        measuring = true;
    }

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
