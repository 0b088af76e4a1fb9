using Deliberation.Math;

namespace Deliberation.Math.Tests.Support;

/// <summary>Small generated conversations for property tests: planted groups, sparse participation, passes.</summary>
internal static class Conversations
{
    public sealed record Conversation(StatementInput[] Statements, VoteInput[] Votes, int[] Planted);

    public static Conversation Planted(int seed, int participants, int statements, int groups, double separation = 0.9, double density = 0.6, double passRate = 0.1)
    {
        var random = new Random(seed);
        int[,] side = new int[groups, statements];
        for (int g = 0; g < groups; g++)
        {
            for (int j = 0; j < statements; j++)
            {
                side[g, j] = random.Next(2) == 0 ? -1 : 1;
            }
        }

        int[] planted = new int[participants];
        var votes = new List<VoteInput>();
        for (int i = 0; i < participants; i++)
        {
            planted[i] = i % groups;
            for (int j = 0; j < statements; j++)
            {
                if (random.NextDouble() > density)
                {
                    continue;
                }

                sbyte value = random.NextDouble() < passRate
                    ? (sbyte)0
                    : random.NextDouble() < 0.5 * (1 + (separation * side[planted[i], j])) ? (sbyte)1 : (sbyte)-1;
                votes.Add(new VoteInput(1000 + i, 500 + j, value));
            }
        }

        var stmts = Enumerable.Range(0, statements).Select(j => new StatementInput(500 + j, StatementModeration.Accepted, false)).ToArray();
        return new Conversation(stmts, [.. votes], planted);
    }

    /// <summary>Arbitrary small vote sets: odd ids, repeats, unknown statements, moderation and meta flags.</summary>
    public static Conversation Arbitrary(int seed)
    {
        var random = new Random(seed);
        int participants = random.Next(0, 40), statements = random.Next(0, 15);
        var stmts = Enumerable.Range(0, statements)
            .Select(j => new StatementInput(
                (j * 7919L) - 50,
                (StatementModeration)(random.Next(3) - 1),
                random.Next(10) == 0))
            .ToArray();
        var votes = new List<VoteInput>();
        int count = participants == 0 || statements == 0 ? 0 : random.Next(0, participants * statements * 2);
        for (int v = 0; v < count; v++)
        {
            long participant = random.Next(participants) * (random.Next(2) == 0 ? 1L : 1_000_000_007L);
            long statement = random.Next(20) == 0 ? 99_999 : stmts[random.Next(statements)].Id;
            votes.Add(new VoteInput(participant, statement, (sbyte)(random.Next(3) - 1)));
        }

        return new Conversation(stmts, [.. votes], []);
    }

    public static T[] Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var array = items.ToArray();
        new Random(seed).Shuffle(array);
        return array;
    }

    /// <summary>Adjusted Rand index between two labelings of the same items.</summary>
    public static double AdjustedRand(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        int n = a.Count;
        if (n < 2)
        {
            return 1;
        }

        static double Pairs(long x) => x * (x - 1) / 2.0;
        double index = a.Zip(b).GroupBy(x => x).Sum(g => Pairs(g.Count()));
        double sa = a.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        double sb = b.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        double expected = sa * sb / Pairs(n), max = (sa + sb) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }
}
