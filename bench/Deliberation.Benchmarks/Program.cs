using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Deliberation.Benchmarks -- --filter '*'                          (full runs)
// dotnet run -c Release --project bench/Deliberation.Benchmarks -- --filter '*' --job short --inProcess  (quicker)
// A shared, busy machine can take minutes to build the benchmark's child project: allow it.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
BenchmarkSwitcher.FromAssembly(typeof(Deliberation.Benchmarks.UpdateBenchmarks).Assembly).Run(args, config);
