using Deliberation.Math.Matrix;

namespace Deliberation.Math.Participation;

/// <summary>
/// Who is clustered (spec §1.2): everyone with at least min(MinVotes, statements) votes, passes included;
/// everyone clustered before stays clustered (monotone, carried in the state); if fewer than MinInConv qualify,
/// the most active voters are added (ties broken by lower id, i.e. earlier arrival).
/// </summary>
internal static class InConvSelector
{
    public static bool[] Select(SparseVoteMatrix m, IReadOnlyCollection<long>? previous, MathOptions options)
    {
        int n = m.ParticipantCount;
        bool[] inConv = new bool[n];
        int threshold = System.Math.Max(0, System.Math.Min(options.MinVotesForInConv, m.StatementCount));
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (m.RowLength(i) >= threshold)
            {
                inConv[i] = true;
                count++;
            }
        }

        if (previous is not null)
        {
            foreach (long id in previous)
            {
                int i = m.Participants.IndexOf(id);
                if (i >= 0 && !inConv[i])
                {
                    inConv[i] = true;
                    count++;
                }
            }
        }

        if (count < options.MinInConv)
        {
            int[] byActivity = Enumerable.Range(0, n)
                .Where(i => !inConv[i])
                .OrderByDescending(m.RowLength)
                .ThenBy(i => i)
                .ToArray();
            for (int k = 0; k < byActivity.Length && count < options.MinInConv; k++)
            {
                inConv[byActivity[k]] = true;
                count++;
            }
        }

        return inConv;
    }
}
