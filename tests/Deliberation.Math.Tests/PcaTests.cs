using Deliberation.Math.Matrix;
using Deliberation.Math.Pca;
using Deliberation.Math.Tests.Support;

namespace Deliberation.Math.Tests;

public class PcaTests
{
    // Reference: dense covariance of the mean-imputed, centred matrix, top eigenvectors by many power steps with deflation.
    private static (double[] V1, double[] V2) DenseReference(SparseVoteMatrix m)
    {
        var centred = CentredVotes.Build(m);
        int s = m.StatementCount;
        double[,] cov = new double[s, s];
        for (int i = 0; i < m.ParticipantCount; i++)
        {
            for (int a = m.RowStart[i]; a < m.RowStart[i + 1]; a++)
            {
                for (int b = m.RowStart[i]; b < m.RowStart[i + 1]; b++)
                {
                    cov[m.Columns[a], m.Columns[b]] += centred.Centred(a) * centred.Centred(b);
                }
            }
        }

        double[] Top(double[,] c, double[]? orthogonalTo)
        {
            double[] v = [.. Enumerable.Range(0, s).Select(j => 1.0 + (j % 3))];
            for (int it = 0; it < 5000; it++)
            {
                double[] w = new double[s];
                for (int r = 0; r < s; r++)
                {
                    for (int k = 0; k < s; k++)
                    {
                        w[r] += c[r, k] * v[k];
                    }
                }

                if (orthogonalTo is not null)
                {
                    double d = w.Zip(orthogonalTo, (x, y) => x * y).Sum();
                    for (int r = 0; r < s; r++)
                    {
                        w[r] -= d * orthogonalTo[r];
                    }
                }

                double norm = System.Math.Sqrt(w.Sum(x => x * x));
                v = [.. w.Select(x => x / norm)];
            }

            return v;
        }

        var v1 = Top(cov, null);
        return (v1, Top(cov, v1));
    }

    [Fact]
    public void Sparse_power_iteration_matches_the_dense_eigenvectors()
    {
        var c = Conversations.Planted(21, participants: 90, statements: 14, groups: 3, density: 0.5);
        var m = SparseVoteMatrix.Build(c.Statements, c.Votes, MathOptions.Default);
        var pca = PowerIterationPca.Compute(CentredVotes.Build(m), null, null, MathOptions.Default with { PcaMaxIterations = 1000, PcaTolerance = 1e-15 });
        var (v1, v2) = DenseReference(m);

        Assert.Equal(1.0, System.Math.Abs(Dot(pca.Pc1, v1)), 6);
        Assert.Equal(1.0, System.Math.Abs(Dot(pca.Pc2, v2)), 4);
        Assert.Equal(0.0, Dot(pca.Pc1, pca.Pc2), 9);
    }

    [Fact]
    public void Warm_start_converges_in_fewer_steps_and_keeps_the_sign()
    {
        var c = Conversations.Planted(22, 200, 30, 2);
        var m = SparseVoteMatrix.Build(c.Statements, c.Votes, MathOptions.Default);
        var x = CentredVotes.Build(m);
        var cold = PowerIterationPca.Compute(x, null, null, MathOptions.Default);
        double[] flipped = [.. cold.Pc1.Select(v => -v)];
        var warm = PowerIterationPca.Compute(x, flipped, cold.Pc2, MathOptions.Default);

        Assert.True(warm.Iterations < cold.Iterations, $"warm {warm.Iterations} vs cold {cold.Iterations}");
        Assert.True(Dot(warm.Pc1, flipped) > 0.999, "the sign follows the previous components");
    }

    [Fact]
    public void The_map_does_not_flip_between_updates()
    {
        var c = Conversations.Planted(23, 150, 25, 2);
        var first = OpinionEngine.Update(c.Statements, c.Votes.Take(c.Votes.Length - 40).ToArray(), null);
        var second = OpinionEngine.Update(c.Statements, c.Votes, first.State);
        Assert.True(Dot(first.State.Components.Pc1, second.State.Components.Pc1) > 0.9);
        Assert.True(Dot(first.State.Components.Pc2, second.State.Components.Pc2) > 0.5);
    }

    [Fact]
    public void Missing_cells_are_zero_after_centring_so_only_votes_are_stored()
    {
        var m = SparseVoteMatrix.Build(
            [new(1, StatementModeration.Accepted, false), new(2, StatementModeration.Rejected, false)],
            [new(1, 1, 1), new(2, 1, -1), new(3, 1, 1), new(1, 2, 1)],
            MathOptions.Default);
        var x = CentredVotes.Build(m);

        Assert.Equal(4, x.SingleValues.Length);
        Assert.Equal(1 / 3.0, x.Means[0], 12);
        Assert.Equal(0, x.Means[1]); // moderated out: zero for everyone
        Assert.Equal(1 - (1 / 3.0), x.SingleValues[0], 6); // single precision
        Assert.Equal(0, x.SingleValues[1]);
        Assert.Equal((4 / 9.0) + (16 / 9.0) + (4 / 9.0), x.TotalVariance, 12); // (1 − ⅓)², (−1 − ⅓)², (1 − ⅓)²
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
