using System.Collections.Concurrent;

namespace Deliberation.LoadTest;

/// <summary>Collects latencies (ms) from many threads and reports percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> samples = [];

    public int Count => samples.Count;

    public void Add(double milliseconds) => samples.Add(milliseconds);

    public Percentiles Summarise()
    {
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0
            ? new Percentiles(0, 0, 0, 0, 0)
            : new Percentiles(At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted[^1], sorted.Length);
    }

    private static double At(double[] sorted, double quantile) =>
        System.Math.Round(sorted[System.Math.Min(sorted.Length - 1, (int)System.Math.Ceiling(quantile * sorted.Length) - 1)], 1);
}

public sealed record Percentiles(double P50, double P95, double P99, double Max, int Count);
