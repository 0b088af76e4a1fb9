using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Deliberation.Math.Matrix;

namespace Deliberation.Math.Bridging;

/// <summary>
/// Community Notes' one-factor model (spec §2): r̂ = μ + i_u + i_n + f_u·f_n, fitted by full-batch Adam on
/// mean squared error plus λ_i·mean(intercepts²) + λ_f·mean(factors²). Intercepts are regularised five times
/// harder than factors, so a statement only earns a high intercept (its bridging score) when voters on both
/// sides of the factor agree with it. Ratings: agree = 1, disagree = 0; a pass is no rating (it says nothing
/// about helpfulness). Raters need 10 ratings, statements 5 raters. One pass over the ratings per epoch, float
/// arrays, warm start from the previous state, else factors seeded from the PCA map (no random saddle).
/// </summary>
internal static class MatrixFactorisation
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;

    /// <summary>
    /// The first half of a fit, which needs only the vote matrix: which votes count as ratings. The engine runs it beside
    /// the PCA, then hands the result to <see cref="Fit"/> once the map exists.
    /// </summary>
    public static Ratings? Prepare(SparseVoteMatrix m, BridgingOptions options) =>
        options.Enabled ? Ratings.Build(m, options) : null;

    public static (BridgingScore[] Scores, BridgingState? State) Fit(
        SparseVoteMatrix m, Ratings? prepared, double[] participantX, double[] pc1, BridgingState? previous, BridgingOptions options)
    {
        int s = m.StatementCount;
        var scores = new BridgingScore[s];
        Array.Fill(scores, new BridgingScore(0, 0, 0, BridgingStatus.NotRated));
        if (!options.Enabled || prepared is not { } data)
        {
            return (scores, null);
        }

        if (data.RatingCount == 0 || data.ItemCount == 0)
        {
            return (scores, previous);
        }

        var p = Parameters.Initialise(data, m, participantX, pc1, previous);
        bool warm = previous is not null;
        Train(data, p, warm ? options.MaxEpochsWarm : options.MaxEpochsCold, warm ? options.WarmLearningRate : options.LearningRate, options);

        // The factor's sign is arbitrary: align it with the map's horizontal axis.
        double alignment = 0;
        for (int n = 0; n < data.ItemCount; n++)
        {
            alignment += p.ItemFactor[n] * pc1[data.ItemStatement[n]];
        }

        if (alignment < 0)
        {
            for (int n = 0; n < data.ItemCount; n++)
            {
                p.ItemFactor[n] = -p.ItemFactor[n];
            }

            for (int u = 0; u < data.RaterCount; u++)
            {
                p.RaterFactor[u] = -p.RaterFactor[u];
            }
        }

        for (int n = 0; n < data.ItemCount; n++)
        {
            double intercept = Finite(p.ItemIntercept[n]), factor = Finite(p.ItemFactor[n]);
            var status = intercept >= options.HelpfulIntercept && System.Math.Abs(factor) < options.HelpfulMaxFactor
                ? BridgingStatus.Helpful
                : intercept < -0.05 - (0.8 * System.Math.Abs(factor)) ? BridgingStatus.NotHelpful : BridgingStatus.Neutral;
            scores[data.ItemStatement[n]] = new BridgingScore(intercept, factor, data.ItemRaters[n], status);
        }

        return (scores, p.ToState(data, m));
    }

    /// <summary>
    /// The gradient pass is split into two fixed halves of the raters, each with its own item-gradient buffer, summed
    /// in a fixed order: the result is the same on any machine, and a second core (idle once the clustering is done)
    /// halves the critical path of a big update.
    /// </summary>
    private const int Partitions = 2;

    private static void Train(Ratings data, Parameters p, int maxEpochs, double learningRate, BridgingOptions options)
    {
        int u = data.RaterCount, items = data.ItemCount;
        float lr = (float)learningRate;
        float invN = 1f / data.RatingCount;
        float paramCount = u + items;
        float li = (float)options.InterceptRegularisation / paramCount;
        float lf = (float)options.FactorRegularisation / paramCount;
        var adam = new AdamState(u, items);
        float[] gRi = new float[u], gRf = new float[u], gIi = new float[items], gIf = new float[items];
        double previousLoss = double.PositiveInfinity;

        // Item parameters and gradients interleaved (intercept, factor): one cache line per rating.
        float[] itemParams = new float[2 * items];
        var partitions = Split(data, Partitions);
        var grads = partitions.Select(_ => new float[2 * items]).ToArray();
        var squared = new double[partitions.Length];
        var gMus = new float[partitions.Length];
        for (int epoch = 1; epoch <= maxEpochs; epoch++)
        {
            for (int n = 0; n < items; n++)
            {
                itemParams[2 * n] = p.ItemIntercept[n];
                itemParams[(2 * n) + 1] = p.ItemFactor[n];
            }

            float mu = p.Mu;
            Parallel.For(0, partitions.Length, k =>
            {
                Array.Clear(grads[k]);
                (squared[k], gMus[k]) = Pass(data, p, itemParams, grads[k], gRi, gRf, partitions[k].From, partitions[k].To, mu, invN, li, lf);
            });

            double squaredSum = 0;
            float gMu = 0;
            for (int k = 0; k < partitions.Length; k++)
            {
                squaredSum += squared[k];
                gMu += gMus[k];
            }

            for (int n = 0; n < items; n++)
            {
                float gi = 0, gf = 0;
                for (int k = 0; k < partitions.Length; k++)
                {
                    gi += grads[k][2 * n];
                    gf += grads[k][(2 * n) + 1];
                }

                gIi[n] = gi;
                gIf[n] = gf;
            }

            double regularisation = 0;
            for (int r = 0; r < u; r++)
            {
                regularisation += (li * p.RaterIntercept[r] * p.RaterIntercept[r]) + (lf * p.RaterFactor[r] * p.RaterFactor[r]);
            }

            for (int n = 0; n < items; n++)
            {
                regularisation += (li * p.ItemIntercept[n] * p.ItemIntercept[n]) + (lf * p.ItemFactor[n] * p.ItemFactor[n]);
                gIi[n] += 2 * li * p.ItemIntercept[n];
                gIf[n] += 2 * lf * p.ItemFactor[n];
            }

            double loss = (squaredSum * invN) + regularisation;
            if (!double.IsFinite(loss) || System.Math.Abs(previousLoss - loss) <= options.LossTolerance)
            {
                break;
            }

            previousLoss = loss;
            adam.Step(epoch, lr, p, gMu, gRi, gRf, gIi, gIf);
        }
    }

    /// <summary>Raters split into contiguous ranges of about equal rating counts.</summary>
    private static (int From, int To)[] Split(Ratings data, int parts)
    {
        var ranges = new List<(int, int)>();
        int from = 0;
        for (int k = 1; k <= parts && from < data.RaterCount; k++)
        {
            long target = (long)data.RatingCount * k / parts;
            int to = k == parts ? data.RaterCount : from;
            while (to < data.RaterCount && data.RowStart[to] < target)
            {
                to++;
            }

            to = System.Math.Max(to, from + 1);
            ranges.Add((from, to));
            from = to;
        }

        return ranges.Count == 0 ? [(0, 0)] : [.. ranges];
    }

    /// <summary>One gradient pass over raters [from, to): rater gradients in place, item gradients into their own buffer.</summary>
    private static (double Squared, float GMu) Pass(
        Ratings data, Parameters p, float[] itemParams, float[] itemGrads, float[] gRi, float[] gRf, int from, int to, float mu, float invN, float li, float lf)
    {
        float[] raterIntercept = p.RaterIntercept, raterFactor = p.RaterFactor;
        int[] rowStart = data.RowStart;
        ref int item = ref MemoryMarshal.GetArrayDataReference(data.Item);
        ref float value = ref MemoryMarshal.GetArrayDataReference(data.Value);
        ref float ip = ref MemoryMarshal.GetArrayDataReference(itemParams);
        ref float ig = ref MemoryMarshal.GetArrayDataReference(itemGrads);
        double squared = 0;
        float gMu = 0;
        for (int r = from; r < to; r++)
        {
            float ri = raterIntercept[r], rf = raterFactor[r];
            float sumE = 0, sumEf = 0, rowSquared = 0;
            float offset = mu + ri;
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++)
            {
                int n2 = Unsafe.Add(ref item, e) * 2;
                float fn = Unsafe.Add(ref ip, n2 + 1);
                float error = offset + Unsafe.Add(ref ip, n2) + (rf * fn) - Unsafe.Add(ref value, e);
                rowSquared += error * error;
                float g = 2 * error * invN;
                sumE += g;
                sumEf += g * fn;
                Unsafe.Add(ref ig, n2) += g;
                Unsafe.Add(ref ig, n2 + 1) += g * rf;
            }

            squared += rowSquared;
            gMu += sumE;
            gRi[r] = sumE + (2 * li * ri);
            gRf[r] = sumEf + (2 * lf * rf);
        }

        return (squared, gMu);
    }

    private static double Finite(float v) => float.IsFinite(v) ? v : 0;

    /// <summary>The ratings kept by the model, rater-major (CSR), with dense rater and item indices.</summary>
    internal sealed class Ratings
    {
        public int RaterCount;
        public int ItemCount;
        public int RatingCount;
        public int[] RaterRow = [];
        public int[] ItemStatement = [];
        public int[] ItemRaters = [];
        public int[] RowStart = [];
        public int[] Item = [];
        public float[] Value = [];

        public static Ratings Build(SparseVoteMatrix m, BridgingOptions options)
        {
            // Exactly sized arrays in two passes over the votes: growing lists of a million ratings cost more.
            int[] rowStarts = m.RowStart, columns = m.Columns;
            sbyte[] values = m.Values;
            bool[] moderatedOut = m.ModeratedOut;
            int participants = m.ParticipantCount;
            int[] ratersPerStatement = new int[m.StatementCount];
            int[] raters = new int[participants];
            int raterCount = 0;
            for (int i = 0; i < participants; i++)
            {
                int count = 0;
                for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
                {
                    count += values[e] != 0 && !moderatedOut[columns[e]] ? 1 : 0;
                }

                if (count < options.MinRatingsPerRater)
                {
                    continue;
                }

                raters[raterCount++] = i;
                for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
                {
                    if (values[e] != 0 && !moderatedOut[columns[e]])
                    {
                        ratersPerStatement[columns[e]]++;
                    }
                }
            }

            int[] itemOf = new int[m.StatementCount];
            int itemCount = 0;
            for (int j = 0; j < m.StatementCount; j++)
            {
                itemOf[j] = ratersPerStatement[j] >= options.MinRatersPerStatement ? itemCount++ : -1;
            }

            int[] itemStatement = new int[itemCount];
            int[] itemRaters = new int[itemCount];
            for (int j = 0; j < m.StatementCount; j++)
            {
                if (itemOf[j] >= 0)
                {
                    itemStatement[itemOf[j]] = j;
                    itemRaters[itemOf[j]] = ratersPerStatement[j];
                }
            }

            // A rating is a non-pass vote of a rater on a kept statement (moderated-out statements are never kept).
            // Their number is already counted: the kept raters' non-pass votes on each kept statement.
            var rowStart = new int[raterCount + 1];
            int total = 0;
            foreach (int count in itemRaters)
            {
                total += count;
            }

            int[] item = new int[total];
            float[] value = new float[total];
            int at = 0;
            for (int r = 0; r < raterCount; r++)
            {
                int i = raters[r];
                rowStart[r] = at;
                for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
                {
                    if (values[e] != 0 && !moderatedOut[columns[e]] && itemOf[columns[e]] >= 0)
                    {
                        item[at] = itemOf[columns[e]];
                        value[at] = values[e] > 0 ? 1f : 0f;
                        at++;
                    }
                }
            }

            rowStart[raterCount] = at;
            return new Ratings
            {
                RaterCount = raterCount,
                ItemCount = itemCount,
                RatingCount = total,
                RaterRow = raters[..raterCount],
                ItemStatement = itemStatement,
                ItemRaters = itemRaters,
                RowStart = rowStart,
                Item = item,
                Value = value,
            };
        }
    }

    private sealed class Parameters
    {
        public float Mu;
        public float[] RaterIntercept = [];
        public float[] RaterFactor = [];
        public float[] ItemIntercept = [];
        public float[] ItemFactor = [];

        public static Parameters Initialise(Ratings data, SparseVoteMatrix m, double[] participantX, double[] pc1, BridgingState? previous)
        {
            var p = new Parameters
            {
                RaterIntercept = new float[data.RaterCount],
                RaterFactor = new float[data.RaterCount],
                ItemIntercept = new float[data.ItemCount],
                ItemFactor = new float[data.ItemCount],
            };
            double mean = 0;
            foreach (float v in data.Value)
            {
                mean += v;
            }

            p.Mu = (float)(mean / data.RatingCount);

            // Cold: factors from the map (rater x, statement pc1), scaled to a modest spread; a tiny deterministic
            // ramp stands in when the map is flat so that the factor never starts at the 0 saddle.
            double rx = Rms(data.RaterRow.Select(i => participantX[i]));
            double rc = Rms(data.ItemStatement.Select(j => pc1[j]));
            for (int r = 0; r < data.RaterCount; r++)
            {
                p.RaterFactor[r] = rx > 0 ? (float)(0.3 * participantX[data.RaterRow[r]] / rx) : 0.01f * ((r % 7) - 3);
            }

            for (int n = 0; n < data.ItemCount; n++)
            {
                p.ItemFactor[n] = rc > 0 ? (float)(0.3 * pc1[data.ItemStatement[n]] / rc) : 0.01f * ((n % 5) - 2);
            }

            if (previous is not null)
            {
                p.Mu = previous.GlobalIntercept;
                Carry(previous.ParticipantIds, previous.ParticipantIntercepts, previous.ParticipantFactors, data.RaterRow, m.Participants, p.RaterIntercept, p.RaterFactor);
                Carry(previous.StatementIds, previous.StatementIntercepts, previous.StatementFactors, data.ItemStatement, m.Statements, p.ItemIntercept, p.ItemFactor);
            }

            return p;
        }

        private static void Carry(long[] ids, float[] intercepts, float[] factors, int[] rows, IdIndex index, float[] intercept, float[] factor)
        {
            var position = new Dictionary<int, int>(rows.Length);
            for (int r = 0; r < rows.Length; r++)
            {
                position[rows[r]] = r;
            }

            for (int k = 0; k < ids.Length && k < intercepts.Length && k < factors.Length; k++)
            {
                int row = index.IndexOf(ids[k]);
                if (row >= 0 && position.TryGetValue(row, out int r) && float.IsFinite(intercepts[k]) && float.IsFinite(factors[k]))
                {
                    intercept[r] = intercepts[k];
                    factor[r] = factors[k];
                }
            }
        }

        private static double Rms(IEnumerable<double> values)
        {
            double sum = 0;
            int n = 0;
            foreach (double v in values)
            {
                sum += v * v;
                n++;
            }

            return n > 0 ? System.Math.Sqrt(sum / n) : 0;
        }

        public BridgingState ToState(Ratings data, SparseVoteMatrix m) => new()
        {
            GlobalIntercept = float.IsFinite(Mu) ? Mu : 0,
            ParticipantIds = [.. data.RaterRow.Select(i => m.Participants.Ids[i])],
            ParticipantIntercepts = [.. RaterIntercept.Select(Clean)],
            ParticipantFactors = [.. RaterFactor.Select(Clean)],
            StatementIds = [.. data.ItemStatement.Select(j => m.Statements.Ids[j])],
            StatementIntercepts = [.. ItemIntercept.Select(Clean)],
            StatementFactors = [.. ItemFactor.Select(Clean)],
        };

        private static float Clean(float v) => float.IsFinite(v) ? v : 0;
    }

    private sealed class AdamState(int raters, int items)
    {
        private readonly float[] _mRi = new float[raters], _vRi = new float[raters], _mRf = new float[raters], _vRf = new float[raters];
        private readonly float[] _mIi = new float[items], _vIi = new float[items], _mIf = new float[items], _vIf = new float[items];
        private float _mMu, _vMu;

        public void Step(int t, float lr, Parameters p, float gMu, float[] gRi, float[] gRf, float[] gIi, float[] gIf)
        {
            float c1 = 1 - MathF.Pow(Beta1, t), c2 = 1 - MathF.Pow(Beta2, t);
            float step = lr * MathF.Sqrt(c2) / c1;
            _mMu = (Beta1 * _mMu) + ((1 - Beta1) * gMu);
            _vMu = (Beta2 * _vMu) + ((1 - Beta2) * gMu * gMu);
            p.Mu -= step * _mMu / (MathF.Sqrt(_vMu) + Epsilon);
            Update(p.RaterIntercept, gRi, _mRi, _vRi, step);
            Update(p.RaterFactor, gRf, _mRf, _vRf, step);
            Update(p.ItemIntercept, gIi, _mIi, _vIi, step);
            Update(p.ItemFactor, gIf, _mIf, _vIf, step);
        }

        private static void Update(float[] x, float[] g, float[] m, float[] v, float step)
        {
            for (int i = 0; i < x.Length; i++)
            {
                m[i] = (Beta1 * m[i]) + ((1 - Beta1) * g[i]);
                v[i] = (Beta2 * v[i]) + ((1 - Beta2) * g[i] * g[i]);
                x[i] -= step * m[i] / (MathF.Sqrt(v[i]) + Epsilon);
            }
        }
    }
}
