using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Deliberation.Math.Clustering;

/// <summary>
/// k-means by ML.NET's <see cref="KMeansTrainer"/>: k-means++ seeding from a fixed seed, one thread (upstream
/// reports differences across thread counts), example weights through the weight column, rows in the caller's
/// stable order. ML.NET's cluster keys are arbitrary, so clusters are re-derived here from its centroids
/// (nearest centroid, weighted means, empty ones dropped) and numbered by their first point in input order.
/// It cannot start from given centres: the initial centres given to <see cref="Fit"/> are ignored.
/// </summary>
internal sealed class MlNetKMeans(int seed) : IKMeans
{
    public bool SupportsWarmStart => false;

    public KMeansResult Fit(ReadOnlySpan<Point2> points, ReadOnlySpan<double> weights, int k, IReadOnlyList<Point2>? initialCentres, int maxIterations, double tolerance)
    {
        if (points.Length == 0 || k <= 0)
        {
            return new KMeansResult([], new int[points.Length], []);
        }

        // ML.NET needs at least as many distinct rows as clusters; with fewer, every distinct point is its own cluster.
        int distinct = KMeansSteps.CountDistinct(points);
        int clusters = System.Math.Min(k, distinct);
        Point2[] centres = clusters == distinct ? DistinctPoints(points) : Train(points, weights, clusters, maxIterations, tolerance);

        int[] assignment = new int[points.Length];
        KMeansSteps.Assign(points, centres, assignment);
        (centres, _) = KMeansSteps.Recentre(points, weights, assignment, centres.Length);
        return KMeansSteps.OrderByFirstMember(centres, assignment);
    }

    private Point2[] Train(ReadOnlySpan<Point2> points, ReadOnlySpan<double> weights, int k, int maxIterations, double tolerance)
    {
        var rows = new Row[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            rows[i] = new Row
            {
                Features = [(float)points[i].X, (float)points[i].Y],
                Weight = weights.IsEmpty ? 1f : (float)weights[i],
            };
        }

        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            NumberOfClusters = k,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = System.Math.Max(1, maxIterations),
            OptimizationTolerance = (float)System.Math.Max(tolerance * tolerance, 1e-7),
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            AccelerationMemoryBudgetMb = 64, // the default (4 GB) is reserved per call and exhausts memory over a replay
        });
        var model = trainer.Fit(data).Model;
        VBuffer<float>[] centroids = [];
        model.GetClusterCentroids(ref centroids, out int found);
        var centres = new Point2[found];
        for (int c = 0; c < found; c++)
        {
            var values = centroids[c].DenseValues().ToArray();
            centres[c] = new Point2(values.Length > 0 ? values[0] : 0, values.Length > 1 ? values[1] : 0);
        }

        return centres;
    }

    private static Point2[] DistinctPoints(ReadOnlySpan<Point2> points)
    {
        var chosen = KMeansSteps.FirstDistinct(points, int.MaxValue);
        var centres = new Point2[chosen.Count];
        for (int c = 0; c < chosen.Count; c++)
        {
            centres[c] = points[chosen[c]];
        }

        return centres;
    }

    private sealed class Row
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public float Weight { get; set; }
    }
}
