using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Deliberation.Benchmarks;

// dotnet run -c Release --project bench/Deliberation.Benchmarks -- --filter '*'                          (full runs)
// dotnet run -c Release --project bench/Deliberation.Benchmarks -- --filter '*' --job short --inProcess  (quicker)
// dotnet run -c Release --project bench/Deliberation.Benchmarks -- export-memory   (peak memory of a 1 M-vote export)
if (args.Length > 0 && args[0] == "export-memory")
{
    return await ExportMemory.RunAsync(args[1..]);
}

// A shared, busy machine can take minutes to build the benchmark's child project: allow it.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
BenchmarkSwitcher.FromAssembly(typeof(UpdateBenchmarks).Assembly).Run(args, config);
return 0;
