using Deliberation.Math.Matrix;

namespace Deliberation.Math.Repness;

/// <summary>
/// A, D, P, S per statement: over all voters, and per group over its clustered members (raw matrix, so that
/// moderated-out statements are still counted for display). One pass over the votes.
/// </summary>
internal sealed class VoteTallies
{
    private VoteTallies(VoteTally[] all, VoteTally[][] byGroup, VoteTally[] clustered)
    {
        All = all;
        ByGroup = byGroup;
        Clustered = clustered;
    }

    public VoteTally[] All { get; }

    /// <summary>[group][statement].</summary>
    public VoteTally[][] ByGroup { get; }

    /// <summary>Summed over groups: every clustered participant.</summary>
    public VoteTally[] Clustered { get; }

    public static VoteTallies Count(SparseVoteMatrix m, int[] groupOfRow, int k)
    {
        int s = m.StatementCount;
        int[,] all = new int[s, 3];
        int[,,] groups = new int[k, s, 3];
        for (int i = 0; i < m.ParticipantCount; i++)
        {
            int g = groupOfRow[i];
            for (int e = m.RowStart[i]; e < m.RowStart[i + 1]; e++)
            {
                int j = m.Columns[e];
                int slot = m.Values[e] switch { 1 => 0, -1 => 1, _ => 2 };
                all[j, slot]++;
                if (g >= 0)
                {
                    groups[g, j, slot]++;
                }
            }
        }

        var allTallies = new VoteTally[s];
        var clustered = new VoteTally[s];
        var byGroup = new VoteTally[k][];
        for (int g = 0; g < k; g++)
        {
            byGroup[g] = new VoteTally[s];
        }

        for (int j = 0; j < s; j++)
        {
            allTallies[j] = Tally(all[j, 0], all[j, 1], all[j, 2]);
            int a = 0, d = 0, p = 0;
            for (int g = 0; g < k; g++)
            {
                byGroup[g][j] = Tally(groups[g, j, 0], groups[g, j, 1], groups[g, j, 2]);
                a += groups[g, j, 0];
                d += groups[g, j, 1];
                p += groups[g, j, 2];
            }

            clustered[j] = Tally(a, d, p);
        }

        return new VoteTallies(allTallies, byGroup, clustered);
    }

    public static VoteTally Tally(int a, int d, int p) => new(a, d, p, a + d + p);
}
