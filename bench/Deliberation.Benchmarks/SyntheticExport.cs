using Deliberation.PolisFormat;

namespace Deliberation.Benchmarks;

/// <summary>
/// A large synthetic Polis export in memory: <c>participants × statements × density</c> votes with a vote history in
/// time order (one event per cell, a tenth of the pairs voted twice). Seeded, so every run measures the same data.
/// </summary>
internal static class SyntheticExport
{
    public static PolisExport Create(int participants, int statements, double density, int seed = 42)
    {
        var random = new Random(seed);
        long start = 1_700_000_000_000;
        var comments = Enumerable.Range(0, statements)
            .Select(s => new PolisStatement(s, s % participants, start + s * 1_000L, 0, 0, 1, $"Synthetic statement {s}, with a comma and \"quotes\""))
            .ToList();
        var history = new List<PolisVote>((int)(participants * statements * density * 1.1));
        long t = start + statements * 1_000L;
        for (int p = 0; p < participants; p++)
        {
            int group = p % 3;
            for (int s = 0; s < statements; s++)
            {
                if (random.NextDouble() >= density)
                {
                    continue;
                }

                sbyte value = (sbyte)((s + group) % 3 - 1);
                history.Add(new PolisVote(t += 37, s, p, value));
                if (random.NextDouble() < 0.1)
                {
                    history.Add(new PolisVote(t += 37, s, p, (sbyte)-value));
                }
            }
        }

        var summary = new PolisSummary([new("topic", "Synthetic conversation"), new("conversation-description", "For measuring exports.")]);
        var people = Enumerable.Range(0, participants).Select(p => new PolisParticipant(p, null, null, 0, 0, 0, 0)).ToList();
        return new PolisExport(summary, comments, people, [], history);
    }
}
