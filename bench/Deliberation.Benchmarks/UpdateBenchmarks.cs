using BenchmarkDotNet.Attributes;
using Deliberation.Math;

namespace Deliberation.Benchmarks;

/// <summary>
/// One full update from cold (no previous state) and one warm update after 100 new votes, on the three shapes of
/// the speed goals. Allocation figures come from the memory diagnoser.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class UpdateBenchmarks
{
    private StatementInput[] _statements = [];
    private VoteInput[] _votes = [];
    private VoteInput[] _moreVotes = [];
    private MathState _state = new();

    [Params(Scenarios.BowlingGreen, Scenarios.Synthetic33K, Scenarios.Synthetic100K)]
    public string Scenario { get; set; } = Scenarios.BowlingGreen;

    [Params(KMeansMethod.Polis)]
    public KMeansMethod KMeans { get; set; }

    private MathOptions Options => new() { KMeans = KMeans };

    [GlobalSetup]
    public void Setup()
    {
        (_statements, _votes) = Scenarios.Load(Scenario);
        _moreVotes = Scenarios.WithHundredNewVotes(_votes, _statements);
        _state = OpinionEngine.Update(_statements, _votes, null, Options).State;
    }

    [Benchmark]
    public MathUpdate Cold() => OpinionEngine.Update(_statements, _votes, null, Options);

    [Benchmark]
    public MathUpdate Warm() => OpinionEngine.Update(_statements, _moreVotes, _state, Options);
}
