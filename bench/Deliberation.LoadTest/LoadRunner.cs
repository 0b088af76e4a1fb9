using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Deliberation.LoadTest;

/// <summary>Sets the scene (conversation, preloaded votes, participants and their hub connections), then measures.</summary>
public static class LoadRunner
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        InProcessApp? app = null;
        var baseAddress = options.Url;
        if (baseAddress is null)
        {
            progress.WriteLine($"Starting the app in-process on {(options.Postgres is null ? "SQLite" : "PostgreSQL")}…");
            app = await InProcessApp.StartAsync(options.Postgres);
            baseAddress = app.BaseAddress;
        }

        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var api = new ApiSession(http);
            var facilitator = await api.SignUpFacilitatorAsync();
            var (conversationId, statements) = await api.CreateConversationAsync(facilitator, options.Statements);
            progress.WriteLine($"Conversation {conversationId} with {statements.Length} statements at {baseAddress}.");

            if (options.PreloadVotes > 0)
            {
                var preloadWatch = Stopwatch.StartNew();
                await Preloader.RunAsync(api, conversationId, statements, options.PreloadVotes, options.Seed, cancellationToken);
                progress.WriteLine($"Preloaded {options.PreloadVotes} votes in {preloadWatch.Elapsed.TotalSeconds:F1} s.");
            }

            var run = new LoadRun(options);
            var people = Enumerable.Range(0, options.Participants)
                .Select(i => new SimulatedParticipant(i, api, conversationId, statements, run))
                .ToList();
            var joinWatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                people.Select((p, i) => (p, i)),
                new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
                async (item, _) => await item.p.JoinAsync(baseAddress, listen: item.i < options.HubConnections));
            progress.WriteLine($"{people.Count} participants joined ({options.HubConnections} listening on the hub) in {joinWatch.Elapsed.TotalSeconds:F1} s.");

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var loops = people.Select(p => Task.Run(() => p.RunAsync(stop.Token), CancellationToken.None)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken);
            run.StartMeasuring();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var measured = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(options.DurationSeconds), cancellationToken);
            run.StopMeasuring();
            var seconds = measured.Elapsed.TotalSeconds;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            stop.Cancel();
            await Task.WhenAll(loops);

            // Let the last updates reach everyone before counting what never arrived.
            var drain = Stopwatch.StartNew();
            while (people.Sum(p => p.Unresolved) > 0 && drain.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100, cancellationToken);
            }

            var (tick, pushBytes) = await api.PushSizeAsync(conversationId);
            var unresolved = people.Sum(p => p.Unresolved);
            foreach (var p in people)
            {
                await p.DisposeAsync();
            }

            return LoadReport.From(options, run, seconds, cpu, unresolved, tick, pushBytes, app is not null);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }
}
