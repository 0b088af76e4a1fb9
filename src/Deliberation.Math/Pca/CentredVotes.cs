using Deliberation.Math.Matrix;

namespace Deliberation.Math.Pca;

/// <summary>
/// The rating matrix after mean imputation and centring. Every missing cell becomes exactly 0 (its statement mean
/// minus that same mean), so only the stored votes carry a value and all products cost O(votes).
/// Moderated-out columns are zero for everyone (spec §1.1) and so contribute nothing.
/// </summary>
internal sealed class CentredVotes
{
    private CentredVotes(SparseVoteMatrix matrix, double[] means, float[] singleValues, double totalVariance)
    {
        SingleValues = singleValues;
        Matrix = matrix;
        Means = means;
        TotalVariance = totalVariance;
    }

    public SparseVoteMatrix Matrix { get; }

    /// <summary>Mean vote of each statement over its voters (0 for moderated-out or unvoted statements).</summary>
    public double[] Means { get; }

    /// <summary>
    /// x_ij − c_j for each stored vote, aligned with <see cref="SparseVoteMatrix.Columns"/>, in single precision for
    /// the power-iteration kernel: half the memory traffic; a centred vote (x − mean, |x| ≤ 1) loses nothing that
    /// matters at 24 bits, and sums are still taken in double. The projection recomputes the exact double from the
    /// vote and the mean rather than keeping a second array of millions of values.
    /// </summary>
    public float[] SingleValues { get; }

    /// <summary>Sum of squares of the centred matrix (the trace of XᵀX): the total variance to explain.</summary>
    public double TotalVariance { get; }

    /// <summary>The centred value of stored vote k in double precision: x_ij − c_j, or 0 in a moderated-out column.</summary>
    public double Centred(int k) => Centred(Matrix, Means, k);

    public static CentredVotes Build(SparseVoteMatrix m)
    {
        int s = m.StatementCount;
        double[] sums = new double[s];
        int[] counts = new int[s];
        for (int k = 0; k < m.VoteCount; k++)
        {
            int j = m.Columns[k];
            sums[j] += m.Values[k];
            counts[j]++;
        }

        double[] means = new double[s];
        for (int j = 0; j < s; j++)
        {
            means[j] = m.ModeratedOut[j] || counts[j] == 0 ? 0 : sums[j] / counts[j];
        }

        float[] singleValues = new float[m.VoteCount];
        double total = 0;
        for (int k = 0; k < singleValues.Length; k++)
        {
            double v = Centred(m, means, k);
            singleValues[k] = (float)v;
            total += v * v;
        }

        return new CentredVotes(m, means, singleValues, total);
    }

    private static double Centred(SparseVoteMatrix m, double[] means, int k)
    {
        int j = m.Columns[k];
        return m.ModeratedOut[j] ? 0 : m.Values[k] - means[j];
    }
}
