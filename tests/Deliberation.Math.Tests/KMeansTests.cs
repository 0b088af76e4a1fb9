using Deliberation.Math.Clustering;

namespace Deliberation.Math.Tests;

public class KMeansTests
{
    private static Point2[] Blobs(int seed, params (double X, double Y, int N)[] blobs)
    {
        var random = new Random(seed);
        return [.. blobs.SelectMany(b => Enumerable.Range(0, b.N).Select(_ => new Point2(b.X + random.NextDouble() - 0.5, b.Y + random.NextDouble() - 0.5)))];
    }

    // Blob members take turns, so that the first points in input order come from different blobs.
    private static (Point2[] Points, int[] Blob) Interleaved(int seed, int perBlob, params (double X, double Y)[] centres)
    {
        var random = new Random(seed);
        var points = new List<Point2>();
        var blob = new List<int>();
        for (int i = 0; i < perBlob; i++)
        {
            for (int b = 0; b < centres.Length; b++)
            {
                points.Add(new Point2(centres[b].X + random.NextDouble() - 0.5, centres[b].Y + random.NextDouble() - 0.5));
                blob.Add(b);
            }
        }

        return ([.. points], [.. blob]);
    }

    public static TheoryData<string> Implementations => new() { "polis", "mlnet" };

    private static IKMeans Create(string name) => name == "polis" ? new PolisKMeans() : new MlNetKMeans(42);

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Well_separated_blobs_are_found_and_numbered_by_first_member(string implementation)
    {
        var (points, blob) = Interleaved(1, 25, (10, 0), (0, 10), (-10, -10));
        var result = Create(implementation).Fit(points, [], 3, null, 100, 0.001);

        Assert.Equal(3, result.Centres.Length);
        Assert.Equal(blob, result.Assignment);
        Assert.Equal(10, result.Centres[0].X, 0);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Fewer_distinct_points_than_k_gives_one_cluster_per_point(string implementation)
    {
        Point2[] points = [new(0, 0), new(1, 1), new(0, 0), new(1, 1)];
        var result = Create(implementation).Fit(points, [], 5, null, 10, 0.01);

        Assert.Equal(2, result.Centres.Length);
        Assert.Equal([0, 1, 0, 1], result.Assignment);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Weights_pull_the_centre(string implementation)
    {
        Point2[] points = [new(0, 0), new(1, 0), new(100, 0)];
        var result = Create(implementation).Fit(points, [1, 3, 1], 2, null, 50, 0.0001);

        var left = result.Centres[result.Assignment[0]];
        Assert.Equal(0.75, left.X, 3);
    }

    [Fact]
    public void Polis_kmeans_starts_from_the_first_k_distinct_points()
    {
        Point2[] points = [new(5, 5), new(5, 5), new(-5, -5), new(-4, -4), new(6, 6)];
        var result = new PolisKMeans().Fit(points, [], 2, null, 1, 0.01);

        Assert.Equal([0, 0, 1, 1, 0], result.Assignment);
        Assert.Equal(new Point2(-4.5, -4.5), result.Centres[1]);
    }

    [Fact]
    public void Polis_kmeans_warm_start_keeps_cluster_identities()
    {
        var points = Blobs(2, (10, 0, 20), (-10, 0, 20));
        var result = new PolisKMeans().Fit(points, [], 2, [new Point2(-9, 0), new Point2(9, 0)], 20, 0.01);

        Assert.Equal(1, result.Assignment[0]);
        Assert.Equal(0, result.Assignment[^1]);
        Assert.Equal([0, 1], result.Origin);
    }

    [Fact]
    public void Silhouette_prefers_the_true_number_of_groups()
    {
        var (points, _) = Interleaved(3, 15, (10, 0), (-10, 0), (0, 15));
        var three = new PolisKMeans().Fit(points, [], 3, null, 50, 0.001);
        var two = new PolisKMeans().Fit(points, [], 2, null, 50, 0.001);

        Assert.True(Silhouette.Mean(points, three.Assignment, 3) > Silhouette.Mean(points, two.Assignment, 2));
        Assert.Equal(0, Silhouette.Mean([new(0, 0), new(1, 1)], [0, 1], 2)); // singletons score 0
    }

    [Fact]
    public void The_k_smoother_waits_for_four_wins_in_a_row()
    {
        var state = new KSmootherState();
        state = GroupClustering.Smooth(state, 2, 4);
        Assert.Equal(2, state.SmoothedK);
        foreach (int k in new[] { 3, 3, 3 })
        {
            state = GroupClustering.Smooth(state, k, 4);
            Assert.Equal(2, state.SmoothedK);
        }

        state = GroupClustering.Smooth(state, 3, 4);
        Assert.Equal(3, state.SmoothedK);
        state = GroupClustering.Smooth(state, 2, 4);
        Assert.Equal(3, state.SmoothedK);
    }

    [Fact]
    public void Group_labels_follow_the_closest_previous_centres()
    {
        Point2[] centres = [new(10, 0), new(-10, 0), new(0, 10)];
        Point2[] previous = [new(0, 9), new(9, 1), new(-9, 0)];
        Assert.Equal([2, 0, 1], GroupLabelOrder.MatchPrevious(centres, previous)!);
    }
}
