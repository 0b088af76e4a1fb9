using BenchmarkDotNet.Attributes;
using Deliberation.Math;

namespace Deliberation.Benchmarks;

/// <summary>Our k-means against ML.NET's on bowling-green (the choice in docs/decisions/0100).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class KMeansBenchmarks
{
    private StatementInput[] _statements = [];
    private VoteInput[] _votes = [];

    [Params(KMeansMethod.Polis, KMeansMethod.MlNet)]
    public KMeansMethod KMeans { get; set; }

    [GlobalSetup]
    public void Setup() => (_statements, _votes) = Scenarios.Load(Scenarios.BowlingGreen);

    [Benchmark]
    public MathUpdate ColdUpdate() => OpinionEngine.Update(_statements, _votes, null, new MathOptions { KMeans = KMeans, Bridging = new BridgingOptions { Enabled = false } });
}
