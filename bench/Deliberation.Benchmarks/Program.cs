using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Deliberation.Benchmarks -- --filter '*'              (full runs)
// dotnet run -c Release --project bench/Deliberation.Benchmarks -- --filter '*' --job short  (quicker, noisier)
BenchmarkSwitcher.FromAssembly(typeof(Deliberation.Benchmarks.UpdateBenchmarks).Assembly).Run(args);
