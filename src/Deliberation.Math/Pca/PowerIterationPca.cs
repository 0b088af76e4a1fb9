using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Deliberation.Math.Matrix;

namespace Deliberation.Math.Pca;

/// <summary>
/// Top-2 principal components by power iteration on the sparse centred votes: each step computes Xᵀ(X·V) in one
/// pass over the stored votes (gather along a row, then scatter back), both components at once, then
/// Gram–Schmidt keeps the second orthogonal to the first (deflation). Warm-started from the previous update's
/// components, which usually converges in a handful of steps instead of dozens.
/// </summary>
internal static class PowerIterationPca
{
    public static PcaResult Compute(CentredVotes x, double[]? warm1, double[]? warm2, MathOptions options)
    {
        int s = x.Matrix.StatementCount;
        double[] v1 = warm1 is { } w1 && Norm(w1) > 0 ? (double[])w1.Clone() : ColdStart(s, options.Seed, 1);
        double[] v2 = warm2 is { } w2 && Norm(w2) > 0 ? (double[])w2.Clone() : ColdStart(s, options.Seed, 2);
        if (s == 0 || x.TotalVariance <= 0)
        {
            return new PcaResult(new double[s], new double[s], 0, 0, 0);
        }

        Orthonormalise(v1, v2);
        var workspace = new Workspace(x.Matrix);
        double[] n1 = new double[s], n2 = new double[s];
        double lambda1 = 0, lambda2 = 0;
        int iteration = 0;
        while (iteration < System.Math.Max(1, options.PcaMaxIterations))
        {
            iteration++;
            MultiplyXtX(x, workspace, v1, v2, n1, n2);
            lambda1 = TensorPrimitives.Dot(n1, v1);
            lambda2 = TensorPrimitives.Dot(n2, v2);
            Orthonormalise(n1, n2);
            double c1 = System.Math.Abs(TensorPrimitives.Dot(n1, v1));
            double c2 = Norm(n2) > 0 ? System.Math.Abs(TensorPrimitives.Dot(n2, v2)) : 1;
            (v1, n1) = (n1, v1);
            (v2, n2) = (n2, v2);
            if (1 - c1 < options.PcaTolerance && 1 - c2 < options.PcaTolerance)
            {
                break;
            }
        }

        Anchor(v1, warm1);
        Anchor(v2, warm2);
        return new PcaResult(v1, v2, System.Math.Max(lambda1, 0), System.Math.Max(lambda2, 0), iteration);
    }

    // n = XᵀX·v for both vectors in one pass over the votes: per row, gather u = x·v, then scatter n += x·u while the
    // row is still in cache. The two vectors are interleaved (v1_j, v2_j) so that each vote touches one cache line,
    // and references skip bounds checks: this loop is most of an update's time. Big matrices are split into two fixed
    // halves of rows with their own sums, added in a fixed order: the same result on any machine, two cores used.
    private const int ParallelThreshold = 500_000;

    private static void MultiplyXtX(CentredVotes x, Workspace w, double[] v1, double[] v2, double[] n1, double[] n2)
    {
        var m = x.Matrix;
        int s = m.StatementCount;
        double[] v = w.Interleaved, n = w.Sums;
        for (int j = 0; j < s; j++)
        {
            v[2 * j] = v1[j];
            v[(2 * j) + 1] = v2[j];
        }

        Array.Clear(n);
        if (w.SecondHalf is not { } second)
        {
            Accumulate(x, v, n, 0, m.ParticipantCount);
        }
        else
        {
            Array.Clear(second);
            Parallel.Invoke(() => Accumulate(x, v, n, 0, w.Middle), () => Accumulate(x, v, second, w.Middle, m.ParticipantCount));
            for (int j = 0; j < n.Length; j++)
            {
                n[j] += second[j];
            }
        }

        for (int j = 0; j < s; j++)
        {
            n1[j] = n[2 * j];
            n2[j] = n[(2 * j) + 1];
        }
    }

    /// <summary>Buffers of the XᵀX pass, allocated once per update rather than once per power step.</summary>
    private sealed class Workspace
    {
        public Workspace(SparseVoteMatrix m)
        {
            Interleaved = new double[2 * m.StatementCount];
            Sums = new double[2 * m.StatementCount];
            if (m.VoteCount >= ParallelThreshold)
            {
                int middle = Array.BinarySearch(m.RowStart, m.VoteCount / 2);
                Middle = System.Math.Clamp(middle < 0 ? ~middle : middle, 0, m.ParticipantCount);
                SecondHalf = new double[2 * m.StatementCount];
            }
        }

        public double[] Interleaved { get; }

        /// <summary>The sums (of the first half of rows, when split).</summary>
        public double[] Sums { get; }

        /// <summary>The sums of the second half of rows, for matrices big enough to split; else null.</summary>
        public double[]? SecondHalf { get; }

        /// <summary>The first row of the second half: the row where half the votes are behind.</summary>
        public int Middle { get; }
    }

    private static void Accumulate(CentredVotes x, double[] v, double[] n, int fromRow, int toRow)
    {
        var m = x.Matrix;
        ref int cols = ref MemoryMarshal.GetArrayDataReference(m.Columns);
        ref float vals = ref MemoryMarshal.GetArrayDataReference(x.SingleValues);
        ref double vv = ref MemoryMarshal.GetArrayDataReference(v);
        ref double nn = ref MemoryMarshal.GetArrayDataReference(n);
        int[] rowStart = m.RowStart;
        for (int i = fromRow; i < toRow; i++)
        {
            int start = rowStart[i], end = rowStart[i + 1];
            double u1 = 0, u2 = 0;
            for (int k = start; k < end; k++)
            {
                double val = Unsafe.Add(ref vals, k);
                int j2 = Unsafe.Add(ref cols, k) * 2;
                u1 += val * Unsafe.Add(ref vv, j2);
                u2 += val * Unsafe.Add(ref vv, j2 + 1);
            }

            for (int k = start; k < end; k++)
            {
                double val = Unsafe.Add(ref vals, k);
                int j2 = Unsafe.Add(ref cols, k) * 2;
                Unsafe.Add(ref nn, j2) += val * u1;
                Unsafe.Add(ref nn, j2 + 1) += val * u2;
            }
        }
    }

    private static void Orthonormalise(double[] a, double[] b)
    {
        Normalise(a);
        double proj = TensorPrimitives.Dot(b, a);
        TensorPrimitives.MultiplyAdd(a, -proj, b, b);
        Normalise(b);
    }

    private static void Normalise(double[] v)
    {
        double norm = Norm(v);
        if (norm > 1e-300 && double.IsFinite(norm))
        {
            TensorPrimitives.Divide(v, norm, v);
        }
        else
        {
            Array.Clear(v);
        }
    }

    private static double Norm(double[] v) => v.Length == 0 ? 0 : TensorPrimitives.Norm(v);

    // Continuity with the previous update decides the sign; from cold, the largest entry is made positive.
    private static void Anchor(double[] v, double[]? previous)
    {
        double direction = previous is not null && previous.Length == v.Length ? TensorPrimitives.Dot(v, previous) : 0;
        if (direction == 0 && v.Length > 0)
        {
            int at = TensorPrimitives.IndexOfMaxMagnitude(v);
            direction = v[at];
        }

        if (direction < 0)
        {
            TensorPrimitives.Negate(v, v);
        }
    }

    // A deterministic pseudo-random start: Polis starts from random vectors; a fixed seed keeps us reproducible.
    private static double[] ColdStart(int length, int seed, int component)
    {
        var random = new Random(HashCode.Combine(seed, component, 7919) & int.MaxValue);
        double[] v = new double[length];
        for (int j = 0; j < length; j++)
        {
            v[j] = random.NextDouble() - 0.5;
        }

        return v;
    }
}
