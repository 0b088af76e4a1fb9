using BenchmarkDotNet.Running;
using Deliberation.Benchmarks;

// `export-memory`: the peak-memory measurement of a 1 M-vote export; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "export-memory")
{
    return await ExportMemory.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ExportBenchmarks).Assembly).Run(args);
return 0;
