using Deliberation.Math.Bridging;
using Deliberation.Math.Clustering;
using Deliberation.Math.Consensus;
using Deliberation.Math.Matrix;
using Deliberation.Math.Participation;
using Deliberation.Math.Pca;
using Deliberation.Math.Polarisation;
using Deliberation.Math.Repness;
using Deliberation.Math.Uncertainty;

namespace Deliberation.Math;

/// <summary>
/// One update of a conversation's opinion math (docs/math.md): votes → sparse matrix → PCA by power iteration →
/// base clusters → groups → representative statements, consensus, bridging, polarisation, routing priorities.
/// Pure and deterministic: the same input (in any row order) and state give byte-identical serialised output.
/// </summary>
public static class OpinionEngine
{
    public static MathUpdate Update(
        IReadOnlyList<StatementInput> statements,
        IReadOnlyList<VoteInput> votes,
        MathState? previous,
        MathOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(votes);
        options ??= MathOptions.Default;
        previous = previous is { Version: MathState.CurrentVersion } ? previous : null;

        var matrix = SparseVoteMatrix.Build(statements, votes, options);

        // The bridging model needs the votes (prepared beside the PCA) and the map (fitted beside the clustering).
        var ratings = Task.Run(() => MatrixFactorisation.Prepare(matrix, options.Bridging));
        var centred = CentredVotes.Build(matrix);
        var (warm1, warm2) = WarmComponents(matrix, previous?.Components);
        var pca = PowerIterationPca.Compute(centred, warm1, warm2, options);
        var (px, py) = Projection.Participants(centred, pca, options.CountModeratedOutAsVoted);
        var bridging = Task.Run(async () => MatrixFactorisation.Fit(matrix, await ratings, px, pca.Pc1, previous?.Bridging, options.Bridging));

        bool[] inConv = InConvSelector.Select(matrix, previous?.InConv, options);
        int[] clusteredRows = [.. Enumerable.Range(0, matrix.ParticipantCount).Where(i => inConv[i])];
        long[] clusteredIds = [.. clusteredRows.Select(i => matrix.Participants.Ids[i])];
        Point2[] points = [.. clusteredRows.Select(i => new Point2(px[i], py[i]))];

        IKMeans kmeans = options.KMeans == KMeansMethod.MlNet ? new MlNetKMeans(options.Seed) : new PolisKMeans();
        var baseClusters = BaseClustering.Run(clusteredIds, points, previous, kmeans, options);
        double[] weights = new double[baseClusters.Centres.Length];
        foreach (int c in baseClusters.Assignment)
        {
            weights[c]++;
        }

        var groups = GroupClustering.Run(baseClusters.Centres, weights, previous, kmeans, options);

        int[] groupOfRow = new int[matrix.ParticipantCount];
        int[] baseOfRow = new int[matrix.ParticipantCount];
        Array.Fill(groupOfRow, -1);
        Array.Fill(baseOfRow, -1);
        int[] groupOfClustered = new int[clusteredRows.Length];
        for (int r = 0; r < clusteredRows.Length; r++)
        {
            int c = baseClusters.Assignment[r];
            baseOfRow[clusteredRows[r]] = c;
            groupOfRow[clusteredRows[r]] = groups.BaseToGroup[c];
            groupOfClustered[r] = groups.BaseToGroup[c];
        }

        var tallies = VoteTallies.Count(matrix, groupOfRow, groups.K);
        long[] statementIds = matrix.Statements.Ids;
        var (majorityAgree, majorityDisagree) = MajorityConsensus.Compute(tallies.All, statementIds, matrix.ModeratedOut, options);
        double[] extremity = Projection.StatementExtremity(centred, pca);
        var (bridgingScores, bridgingState) = bridging.GetAwaiter().GetResult();

        var result = new MathResult
        {
            Counts = new ResultCounts(matrix.ParticipantCount, matrix.VoteCount, matrix.StatementCount, clusteredRows.Length),
            InConv = clusteredIds,
            Participants = [.. Enumerable.Range(0, matrix.ParticipantCount).Select(i => new ParticipantPosition(
                matrix.Participants.Ids[i], px[i], py[i],
                baseOfRow[i] >= 0 ? baseClusters.Ids[baseOfRow[i]] : null,
                groupOfRow[i] >= 0 ? groupOfRow[i] : null))],
            BaseClusters = BuildBaseClusters(baseClusters, clusteredIds),
            K = groups.K,
            Groups = [.. Enumerable.Range(0, groups.K).Select(g => new OpinionGroup(
                g, GroupLabel(g), groups.Centres[g].X, groups.Centres[g].Y,
                [.. clusteredIds.Where((_, r) => groupOfClustered[r] == g)],
                RepresentativeStatements.ForGroup(g, tallies, statementIds, matrix.ModeratedOut, options)))],
            MajorityAgree = majorityAgree,
            MajorityDisagree = majorityDisagree,
            Uncertainty = UncertainStatements.Compute(tallies.All, statementIds, matrix.ModeratedOut, options.UncertaintyCount),
            Statements = [.. Enumerable.Range(0, matrix.StatementCount).Select(j => BuildStatement(j, matrix, tallies, extremity, bridgingScores))],
            Polarisation = PolarisationCalculator.Compute(
                points, groupOfClustered, groups.K, groups.Silhouette,
                pca.Eigenvalue1, pca.Eigenvalue2, centred.TotalVariance, tallies, matrix.ModeratedOut),
        };

        var state = new MathState
        {
            UpdateCount = (previous?.UpdateCount ?? 0) + 1,
            InConv = clusteredIds,
            Components = new ComponentsState { StatementIds = statementIds, Pc1 = pca.Pc1, Pc2 = pca.Pc2 },
            BaseClusters = [.. result.BaseClusters.Select(b => new BaseClusterState(b.Id, b.X, b.Y, b.Members))],
            NextBaseClusterId = baseClusters.NextId,
            GroupCentres = groups.CentresPerK,
            KSmoother = groups.Smoother,
            Bridging = bridgingState,
        };

        return new MathUpdate(result, state);
    }

    /// <summary>"A", "B", … "Z", "AA", … for group index 0, 1, …</summary>
    public static string GroupLabel(int group)
    {
        string label = string.Empty;
        int n = group + 1;
        while (n > 0)
        {
            n--;
            label = (char)('A' + (n % 26)) + label;
            n /= 26;
        }

        return label;
    }

    private static (double[]? Pc1, double[]? Pc2) WarmComponents(SparseVoteMatrix matrix, ComponentsState? components)
    {
        if (components is null || components.StatementIds.Length == 0
            || components.Pc1.Length != components.StatementIds.Length || components.Pc2.Length != components.StatementIds.Length)
        {
            return (null, null);
        }

        // New statements start at 0: power iteration fills them in from the votes.
        double[] pc1 = new double[matrix.StatementCount], pc2 = new double[matrix.StatementCount];
        for (int k = 0; k < components.StatementIds.Length; k++)
        {
            int j = matrix.Statements.IndexOf(components.StatementIds[k]);
            if (j >= 0 && double.IsFinite(components.Pc1[k]) && double.IsFinite(components.Pc2[k]))
            {
                pc1[j] = components.Pc1[k];
                pc2[j] = components.Pc2[k];
            }
        }

        return (pc1, pc2);
    }

    private static BaseCluster[] BuildBaseClusters(BaseClusterOutcome outcome, long[] clusteredIds)
    {
        var members = new List<long>[outcome.Centres.Length];
        for (int c = 0; c < members.Length; c++)
        {
            members[c] = [];
        }

        for (int r = 0; r < outcome.Assignment.Length; r++)
        {
            members[outcome.Assignment[r]].Add(clusteredIds[r]);
        }

        return
        [
            .. Enumerable.Range(0, outcome.Centres.Length)
                .Select(c => new BaseCluster(outcome.Ids[c], outcome.Centres[c].X, outcome.Centres[c].Y, [.. members[c]]))
                .OrderBy(b => b.Id),
        ];
    }

    private static StatementResult BuildStatement(int j, SparseVoteMatrix matrix, VoteTallies tallies, double[] extremity, BridgingScore[] bridging)
    {
        var (gicAgree, gicDisagree) = GroupInformedConsensus.For(j, tallies);
        var clustered = tallies.Clustered[j];
        double priority = matrix.IsMeta[j]
            ? RoutingPriority.MetaPriority
            : matrix.ModeratedOut[j] ? 0 : RoutingPriority.Compute(clustered.A, clustered.D, clustered.S, extremity[j]);
        return new StatementResult(
            matrix.Statements.Ids[j],
            matrix.ModeratedOut[j],
            tallies.All[j],
            [.. tallies.ByGroup.Select(g => g[j])],
            gicAgree,
            gicDisagree,
            bridging[j],
            extremity[j],
            priority);
    }
}
