using System.Diagnostics;
using Deliberation.Exchange.Import;

namespace Deliberation.Exchange.Tests.Infrastructure;

/// <summary>Records when each import stage started (synchronously, unlike Progress&lt;T&gt;).</summary>
internal sealed class StageClock : IProgress<ImportProgress>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string Stage, long Ms)> starts = [];

    public void Report(ImportProgress value)
    {
        if (starts.Count == 0 || starts[^1].Stage != value.Stage)
        {
            starts.Add((value.Stage, clock.ElapsedMilliseconds));
        }
    }

    public override string ToString() =>
        string.Join(", ", starts.Select((s, i) => $"{s.Stage} {(i + 1 < starts.Count ? starts[i + 1].Ms : clock.ElapsedMilliseconds) - s.Ms} ms"));
}
