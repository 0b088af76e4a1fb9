namespace Deliberation.LoadTest;

/// <summary>Fills the conversation with votes before the measured run, through the same public API.</summary>
public static class Preloader
{
    public static async Task RunAsync(ApiSession api, string conversationId, long[] statements, int votes, int seed, CancellationToken cancellationToken)
    {
        var voters = (votes + statements.Length - 1) / statements.Length;
        var remaining = votes;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, voters),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (voter, ct) =>
            {
                var random = new Random(seed * 31 + voter);
                var token = await api.JoinAsync(conversationId);
                var campB = voter % 2 == 1;
                foreach (var statement in statements)
                {
                    if (Interlocked.Decrement(ref remaining) < 0)
                    {
                        return;
                    }

                    var agrees = (statement % 2 == 0) == campB ? random.NextDouble() < 0.8 : random.NextDouble() < 0.2;
                    var value = random.NextDouble() < 0.15 ? "pass" : agrees ? "agree" : "disagree";
                    var ack = await api.VoteAsync(conversationId, token, statement, value, ct);
                    if (!ack.Ok)
                    {
                        throw new InvalidOperationException($"Preloading failed: the app answered {ack.Status}.");
                    }
                }
            });
    }
}
