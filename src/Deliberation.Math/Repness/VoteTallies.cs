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

        // Flat counters, [(group + 1) * s + statement] * 3 + slot with "group" −1 = everyone; one pass over the votes.
        int[] counts = new int[(k + 1) * s * 3];
        int[] rowStart = m.RowStart, columns = m.Columns;
        sbyte[] values = m.Values;
        for (int i = 0; i < m.ParticipantCount; i++)
        {
            int groupBase = (groupOfRow[i] + 1) * s;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++)
            {
                int j = columns[e];
                int slot = values[e] > 0 ? 0 : values[e] < 0 ? 1 : 2;
                counts[(j * 3) + slot]++;
                if (groupBase > 0)
                {
                    counts[((groupBase + j) * 3) + slot]++;
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
            allTallies[j] = Tally(counts[j * 3], counts[(j * 3) + 1], counts[(j * 3) + 2]);
            int a = 0, d = 0, p = 0;
            for (int g = 0; g < k; g++)
            {
                int at = (((g + 1) * s) + j) * 3;
                byGroup[g][j] = Tally(counts[at], counts[at + 1], counts[at + 2]);
                a += counts[at];
                d += counts[at + 1];
                p += counts[at + 2];
            }

            clustered[j] = Tally(a, d, p);
        }

        return new VoteTallies(allTallies, byGroup, clustered);
    }

    public static VoteTally Tally(int a, int d, int p) => new(a, d, p, a + d + p);
}
