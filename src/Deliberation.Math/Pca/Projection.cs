using Deliberation.Math.Matrix;

namespace Deliberation.Math.Pca;

/// <summary>
/// Sparsity-aware projection (spec §1.4): a participant's position is the projection of their centred votes,
/// scaled by √(statements / votes) so that someone who voted on few statements is not pulled to the centre
/// merely by the zeros of mean imputation.
/// </summary>
internal static class Projection
{
    public static (double[] X, double[] Y) Participants(CentredVotes x, PcaResult pca, bool countModeratedOutAsVoted)
    {
        var m = x.Matrix;
        int n = m.ParticipantCount;
        double[] px = new double[n], py = new double[n];
        double statements = m.StatementCount;
        int moderatedOut = m.ModeratedOut.Count(o => o);
        for (int i = 0; i < n; i++)
        {
            int start = m.RowStart[i], end = m.RowStart[i + 1];
            double sx = 0, sy = 0;
            int inSpace = 0;
            for (int k = start; k < end; k++)
            {
                int j = m.Columns[k];
                double value = x.Centred(k);
                sx += value * pca.Pc1[j];
                sy += value * pca.Pc2[j];
                inSpace += m.ModeratedOut[j] ? 0 : 1;
            }

            // Polis zeroes moderated-out columns for everyone, so its count of a participant's votes includes every
            // moderated-out statement. Matching that matters: parity on real data rises sharply (docs/math.md).
            int votes = countModeratedOutAsVoted ? inSpace + moderatedOut : end - start;
            double scale = System.Math.Sqrt(statements / System.Math.Max(votes, 1));
            px[i] = sx * scale;
            py[i] = sy * scale;
        }

        return (px, py);
    }

    /// <summary>
    /// Extremity of each statement: the distance from the origin of a synthetic participant who agreed with that
    /// statement alone (Polis projects a single vote of its internal −1, which is agree in export convention).
    /// </summary>
    public static double[] StatementExtremity(CentredVotes x, PcaResult pca)
    {
        int s = x.Matrix.StatementCount;
        double[] extremity = new double[s];
        double scale = System.Math.Sqrt(s);
        for (int j = 0; j < s; j++)
        {
            double centred = x.Matrix.ModeratedOut[j] ? 0 : 1 - x.Means[j];
            double ex = centred * pca.Pc1[j] * scale, ey = centred * pca.Pc2[j] * scale;
            extremity[j] = System.Math.Sqrt(ex * ex + ey * ey);
        }

        return extremity;
    }
}
