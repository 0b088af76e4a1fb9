namespace Deliberation.Cli.Synthesis;

public sealed record SynthStatement(long Id, long AuthorId, long CreatedAt, int Moderated, string Body);

public readonly record struct SynthVote(long Timestamp, long StatementId, long VoterId, sbyte Value);

/// <summary>A generated conversation: statements, the vote event log in time order, and each participant's planted group.</summary>
public sealed record SyntheticConversation(
    SynthSettings Settings,
    IReadOnlyList<SynthStatement> Statements,
    IReadOnlyList<SynthVote> Votes,
    int[] PlantedGroup)
{
    private const long Start = 1_700_000_000_000; // a fixed epoch (ms) so that files are reproducible
    private const long Duration = 14L * 24 * 3600 * 1000;

    /// <summary>
    /// Planted groups with unequal sizes sit at evenly spaced angles of a 2-D latent opinion space (opinion spaces are
    /// low-dimensional; this also keeps k groups visible on a 2-D map); each statement has a base agreement, a pass
    /// rate (5–35 %) and a direction in that space; a member of group g agrees with probability
    /// ½(1 + (1 − s)·base + s·cos(θ_g − φ_j)). Participation is heavy-tailed
    /// (Pareto activity: few vote on almost everything, most on a handful). Statements arrive over two weeks
    /// (a seed set first); participants arrive uniformly and vote only on statements that exist by then.
    /// </summary>
    public static SyntheticConversation Generate(SynthSettings settings)
    {
        var random = new Random(settings.Seed);
        int n = System.Math.Max(1, settings.Participants), m = System.Math.Max(1, settings.Statements), g = System.Math.Max(1, settings.Groups);
        double s = System.Math.Clamp(settings.Separation, 0, 1);

        double[] groupWeight = [.. Enumerable.Range(0, g).Select(_ => 0.6 + random.NextDouble())];
        double total = groupWeight.Sum();
        int[] planted = new int[n];
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble() * total;
            int k = 0;
            while (k < g - 1 && u >= groupWeight[k])
            {
                u -= groupWeight[k++];
            }

            planted[i] = k;
        }

        // Statements: a seed set at the start, the rest spread over the duration; ids in creation order.
        int seedSet = System.Math.Min(m, 10);
        long[] created = new long[m];
        for (int j = 0; j < m; j++)
        {
            created[j] = j < seedSet ? Start + j : Start + (long)(Duration * 0.9 * System.Math.Pow((j - seedSet + 1.0) / System.Math.Max(1, m - seedSet), 1.5));
        }

        double[] baseAgree = new double[m], passRate = new double[m];
        double[,] side = new double[g, m];
        var statements = new List<SynthStatement>(m);
        for (int j = 0; j < m; j++)
        {
            baseAgree[j] = (random.NextDouble() * 1.4) - 0.7;
            passRate[j] = 0.05 + (0.3 * random.NextDouble() * random.NextDouble());
            double direction = random.NextDouble() * 2 * System.Math.PI;
            for (int k = 0; k < g; k++)
            {
                side[k, j] = g == 1 ? 0 : System.Math.Cos((2 * System.Math.PI * k / g) - direction);
            }

            int moderated = random.NextDouble() < settings.RejectedShare ? -1 : 1;
            statements.Add(new SynthStatement(j, random.Next(n), created[j], moderated, $"Synthetic statement {j}, with a comma, a \"quote\" and\na line break."));
        }

        long[] arrival = new long[n];
        for (int i = 0; i < n; i++)
        {
            arrival[i] = Start + (long)(random.NextDouble() * Duration);
        }

        int[] wanted = Activity(random, n, m, settings.Votes);
        var votes = new List<SynthVote>(settings.Votes + (settings.Votes / 50));
        bool[] taken = new bool[m];
        var chosen = new List<int>();
        for (int i = 0; i < n; i++)
        {
            int available = UpperBound(created, arrival[i]);
            if (available < wanted[i])
            {
                // Late-arriving statements are still there when an active participant comes back.
                available = System.Math.Min(m, wanted[i]);
            }

            Choose(random, available, wanted[i], taken, chosen);
            long time = System.Math.Max(arrival[i], created[System.Math.Max(0, available - 1)]);
            foreach (int j in chosen)
            {
                time += 2000 + random.Next(20_000);
                var value = Draw(random, baseAgree[j], side[planted[i], j], passRate[j], s);
                if (random.NextDouble() < settings.ChangedVoteShare)
                {
                    votes.Add(new SynthVote(time, j, i, (sbyte)(value == 1 ? -1 : 1)));
                    time += 1000;
                }

                votes.Add(new SynthVote(time, j, i, value));
            }
        }

        votes.Sort((a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : a.VoterId != b.VoterId ? a.VoterId.CompareTo(b.VoterId) : a.StatementId.CompareTo(b.StatementId));
        return new SyntheticConversation(settings, statements, votes, planted);
    }

    private static sbyte Draw(Random random, double baseAgree, double side, double passRate, double separation)
    {
        if (random.NextDouble() < passRate)
        {
            return 0;
        }

        double lean = ((1 - separation) * baseAgree) + (separation * side);
        return random.NextDouble() < 0.5 * (1 + lean) ? (sbyte)1 : (sbyte)-1;
    }

    // Pareto-distributed activity scaled so that the total is close to the target.
    private static int[] Activity(Random random, int n, int m, int target)
    {
        double[] raw = new double[n];
        for (int i = 0; i < n; i++)
        {
            raw[i] = 1 / System.Math.Pow(1 - random.NextDouble(), 1 / 1.3);
        }

        int[] wanted = new int[n];
        double scale = target / raw.Sum();
        for (int pass = 0; pass < 8; pass++)
        {
            long sum = 0;
            for (int i = 0; i < n; i++)
            {
                wanted[i] = (int)System.Math.Clamp(System.Math.Round(raw[i] * scale), 1, m);
                sum += wanted[i];
            }

            if (sum == 0 || System.Math.Abs(sum - target) < target * 0.01)
            {
                break;
            }

            scale *= (double)target / sum;
        }

        return wanted;
    }

    // k distinct statements among the first `available`, in random order.
    private static void Choose(Random random, int available, int k, bool[] taken, List<int> chosen)
    {
        chosen.Clear();
        k = System.Math.Min(k, available);
        if (k * 2 <= available)
        {
            while (chosen.Count < k)
            {
                int j = random.Next(available);
                if (!taken[j])
                {
                    taken[j] = true;
                    chosen.Add(j);
                }
            }
        }
        else
        {
            int[] all = [.. Enumerable.Range(0, available)];
            for (int c = 0; c < k; c++)
            {
                int pick = c + random.Next(available - c);
                (all[c], all[pick]) = (all[pick], all[c]);
                chosen.Add(all[c]);
                taken[all[c]] = true;
            }
        }

        foreach (int j in chosen)
        {
            taken[j] = false;
        }
    }

    private static int UpperBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
