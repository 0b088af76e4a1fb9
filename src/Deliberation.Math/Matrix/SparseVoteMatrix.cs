using System.Runtime.InteropServices;

namespace Deliberation.Math.Matrix;

/// <summary>
/// The vote matrix as CSR (rows = participants sorted by id, columns = statements sorted by id), built in O(votes)
/// by counting sort so that row order of the input never matters. Missing cells are absent; passes are stored as 0.
/// </summary>
internal sealed class SparseVoteMatrix
{
    private SparseVoteMatrix(IdIndex participants, IdIndex statements, int[] rowStart, int[] columns, sbyte[] values, bool[] moderatedOut, bool[] isMeta)
    {
        IsMeta = isMeta;
        Participants = participants;
        Statements = statements;
        RowStart = rowStart;
        Columns = columns;
        Values = values;
        ModeratedOut = moderatedOut;
    }

    public IdIndex Participants { get; }

    public IdIndex Statements { get; }

    /// <summary>CSR row pointers (length participants + 1).</summary>
    public int[] RowStart { get; }

    /// <summary>Statement index of each stored vote, ascending within a row.</summary>
    public int[] Columns { get; }

    /// <summary>Vote value of each stored vote: +1, −1 or 0.</summary>
    public sbyte[] Values { get; }

    /// <summary>Statement is rejected or meta: zeroed in the rating matrix (spec §1.1).</summary>
    public bool[] ModeratedOut { get; }

    /// <summary>Statement is meta (about the conversation): routed with a fixed priority.</summary>
    public bool[] IsMeta { get; }

    public int ParticipantCount => Participants.Count;

    public int StatementCount => Statements.Count;

    public int VoteCount => Columns.Length;

    public int RowLength(int row) => RowStart[row + 1] - RowStart[row];

    public static SparseVoteMatrix Build(IReadOnlyList<StatementInput> statements, IReadOnlyList<VoteInput> votes, MathOptions options)
    {
        // Statements: sorted distinct ids; if an id repeats, "moderated out" wins (the cautious reading).
        var statementFlags = new Dictionary<long, bool>(statements.Count);
        var metaFlags = new Dictionary<long, bool>(statements.Count);
        foreach (var s in statements)
        {
            statementFlags[s.Id] = statementFlags.TryGetValue(s.Id, out bool outBefore) ? outBefore || s.IsModeratedOut : s.IsModeratedOut;
            metaFlags[s.Id] = metaFlags.TryGetValue(s.Id, out bool metaBefore) ? metaBefore || s.IsMeta : s.IsMeta;
        }

        long[] statementIds = [.. statementFlags.Keys];
        Array.Sort(statementIds);
        if (statementIds.Length > options.MaxStatements)
        {
            statementIds = statementIds[..System.Math.Max(0, options.MaxStatements)];
        }

        var statementIndex = new IdIndex(statementIds);
        bool[] moderatedOut = new bool[statementIds.Length];
        bool[] isMeta = new bool[statementIds.Length];
        for (int j = 0; j < statementIds.Length; j++)
        {
            moderatedOut[j] = statementFlags[statementIds[j]];
            isMeta[j] = metaFlags[statementIds[j]];
        }

        // Contiguous memory: ten million interface calls per pass would cost more than a copy, and the app's list (or a
        // caller's array) is read in place without one.
        ReadOnlySpan<VoteInput> voteArray = votes switch
        {
            VoteInput[] array => array,
            List<VoteInput> list => CollectionsMarshal.AsSpan(list),
            _ => [.. votes],
        };
        int[] statementOfVote = new int[voteArray.Length];
        for (int v = 0; v < voteArray.Length; v++)
        {
            statementOfVote[v] = statementIndex.IndexOf(voteArray[v].StatementId);
        }

        // Participants: every voter with at least one vote on a known statement.
        long[] participantIds = DistinctVoters(voteArray, statementOfVote);
        if (participantIds.Length > options.MaxParticipants)
        {
            participantIds = participantIds[..System.Math.Max(0, options.MaxParticipants)];
        }

        var participantIndex = new IdIndex(participantIds);
        int n = participantIds.Length;

        // Row and column histograms in one pass over the votes.
        int statementCount = statementIds.Length;
        int[] rowIndexOfVote = new int[voteArray.Length];
        int[] counts = new int[n + 1];
        int[] columnEnd = new int[statementCount + 1];
        for (int v = 0; v < voteArray.Length; v++)
        {
            int row = statementOfVote[v] < 0 ? -1 : participantIndex.IndexOf(voteArray[v].ParticipantId);
            rowIndexOfVote[v] = row;
            if (row >= 0)
            {
                counts[row + 1]++;
                columnEnd[statementOfVote[v] + 1]++;
            }
        }

        for (int i = 0; i < n; i++)
        {
            counts[i + 1] += counts[i];
        }

        int total = counts[n];

        // Distribute the votes statement by statement (a counting sort on the column: compact (row, value) pairs per
        // statement), then transpose into rows: every row receives its columns in ascending order, with no comparison
        // sort, whatever order the votes came in. Reading the packed pairs in column order, rather than going back to
        // the votes, keeps the transpose to sequential reads: at millions of votes the cache misses are the cost.
        for (int j = 0; j < statementCount; j++)
        {
            columnEnd[j + 1] += columnEnd[j];
        }

        int[] rowByColumn = new int[total];
        sbyte[] valueByColumn = new sbyte[total];
        for (int v = 0; v < voteArray.Length; v++)
        {
            int row = rowIndexOfVote[v];
            if (row >= 0)
            {
                int at = columnEnd[statementOfVote[v]]++;
                rowByColumn[at] = row;
                valueByColumn[at] = (sbyte)System.Math.Sign(voteArray[v].Value);
            }
        }

        // columnEnd[j] now holds the end of column j (its start moved up one place as the column filled).
        int[] columns = new int[total];
        sbyte[] values = new sbyte[total];
        int[] next = counts[..n];
        for (int j = 0, k = 0; j < statementCount; j++)
        {
            for (int end = columnEnd[j]; k < end; k++)
            {
                int at = next[rowByColumn[k]]++;
                columns[at] = j;
                values[at] = valueByColumn[k];
            }
        }

        // Collapse repeated pairs (now adjacent) keeping the highest value: independent of input order.
        int[] rowStart = new int[n + 1];
        int write = 0;
        for (int i = 0; i < n; i++)
        {
            int start = counts[i], end = counts[i + 1];
            rowStart[i] = write;
            for (int k = start; k < end; k++)
            {
                if (write > rowStart[i] && columns[write - 1] == columns[k])
                {
                    values[write - 1] = System.Math.Max(values[write - 1], values[k]);
                    continue;
                }

                columns[write] = columns[k];
                values[write] = values[k];
                write++;
            }
        }

        rowStart[n] = write;
        if (write < total)
        {
            Array.Resize(ref columns, write);
            Array.Resize(ref values, write);
        }

        return new SparseVoteMatrix(participantIndex, statementIndex, rowStart, columns, values, moderatedOut, isMeta);
    }

    // Dense id ranges (the usual case) are marked in a table: sorting ten million ids would cost most of a second.
    private static long[] DistinctVoters(ReadOnlySpan<VoteInput> votes, int[] statementOfVote)
    {
        long min = long.MaxValue, max = long.MinValue;
        int known = 0;
        for (int v = 0; v < votes.Length; v++)
        {
            if (statementOfVote[v] >= 0)
            {
                long id = votes[v].ParticipantId;
                min = System.Math.Min(min, id);
                max = System.Math.Max(max, id);
                known++;
            }
        }

        if (known == 0)
        {
            return [];
        }

        if (max - min < 4L * known + 1024)
        {
            bool[] seen = new bool[max - min + 1];
            int distinct = 0;
            for (int v = 0; v < votes.Length; v++)
            {
                if (statementOfVote[v] >= 0 && !seen[votes[v].ParticipantId - min])
                {
                    seen[votes[v].ParticipantId - min] = true;
                    distinct++;
                }
            }

            long[] ids = new long[distinct];
            int at = 0;
            for (int k = 0; k < seen.Length; k++)
            {
                if (seen[k])
                {
                    ids[at++] = min + k;
                }
            }

            return ids;
        }

        var set = new HashSet<long>();
        for (int v = 0; v < votes.Length; v++)
        {
            if (statementOfVote[v] >= 0)
            {
                set.Add(votes[v].ParticipantId);
            }
        }

        long[] sorted = [.. set];
        Array.Sort(sorted);
        return sorted;
    }
}
