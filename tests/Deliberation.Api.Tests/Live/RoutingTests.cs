using Deliberation.Api.Features.Results;
using Deliberation.Api.Features.Votes;
using Deliberation.Api.Infrastructure.Caching;
using Deliberation.Api.Tests.Infrastructure;
using Deliberation.Math;
using Microsoft.Extensions.Options;

namespace Deliberation.Api.Tests.Live;

/// <summary>
/// The next statement is drawn with probability proportional to its routing priority. Checked with Pearson's
/// chi-square test against the expected frequencies, under a seeded random source (so the outcome is reproducible).
/// </summary>
public class RoutingTests(LiveSqliteFixture fixture) : IClassFixture<LiveSqliteFixture>
{
    /// <summary>Critical values of chi-square at p = 0.001 by degrees of freedom.</summary>
    private static readonly Dictionary<int, double> Critical001 = new()
    {
        [1] = 10.83, [2] = 13.82, [3] = 16.27, [4] = 18.47, [5] = 20.52, [6] = 22.46, [7] = 24.32, [8] = 26.12, [9] = 27.88, [10] = 29.59,
        [11] = 31.26, [12] = 32.91, [13] = 34.53, [14] = 36.12,
    };

    [Fact]
    public void Draws_follow_the_weights()
    {
        using var voted = new VotedStatementsCache(Options.Create(new CachingOptions()));
        var picker = new NextStatementPicker(new Random(7), new LatestResults(TimeProvider.System), voted);
        var priorities = new Dictionary<long, double> { [1] = 1, [2] = 4, [3] = 0.25, [4] = 9, [5] = 49 };
        var candidates = priorities.Keys.Reverse().Select(id => new NextStatementPicker.Candidate(id, IsMeta: false)).ToList();
        var counts = new Dictionary<long, int>();
        const int draws = 50_000;
        for (var i = 0; i < draws; i++)
        {
            var id = picker.Draw(candidates, priorities);
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        AssertFollows(priorities, counts, draws);
    }

    [Fact]
    public void Statements_not_yet_in_a_result_get_the_priority_of_a_never_voted_statement()
    {
        var known = new Dictionary<long, double> { [1] = 3 };
        Assert.Equal(3, NextStatementPicker.Weight(new(1, false), known));
        Assert.Equal(RoutingPriority.ForNewStatement(), NextStatementPicker.Weight(new(2, false), known));
        Assert.Equal(RoutingPriority.MetaPriority, NextStatementPicker.Weight(new(3, true), known));
        Assert.Equal(RoutingPriority.ForNewStatement(), NextStatementPicker.Weight(new(4, false), null));
    }

    [Fact]
    public async Task The_next_statement_endpoint_follows_the_priorities_of_the_latest_result()
    {
        var app = fixture.App;
        var room = await PolarisedRoom.CreateAsync(app, participants: 16, statements: 8);
        await using var hub = await HubClient.ConnectAsync(app);
        await hub.JoinAsync(room.Id);
        await hub.ResultAsync(r => r.Watermark >= room.LastEventId);
        var results = await room.Facilitator.GetOkAsync<ResultsView>($"/api/v1/conversations/{room.Id}/results");
        var priorities = results.Statements!.ToDictionary(s => s.StatementId, s => s.Priority);
        Assert.True(priorities.Values.Distinct().Count() > 1, "the test needs statements of different priority");

        using var fresh = app.Anonymous();
        await fresh.JoinAsync(room.Id);
        var counts = new Dictionary<long, int>();
        const int draws = 1_500;
        for (var i = 0; i < draws; i++)
        {
            var next = await fresh.GetOkAsync<NextResponse>($"/api/v1/conversations/{room.Id}/next");
            counts[next.Next!.Id] = counts.GetValueOrDefault(next.Next.Id) + 1;
        }

        AssertFollows(priorities, counts, draws);
    }

    private static void AssertFollows(IReadOnlyDictionary<long, double> weights, IReadOnlyDictionary<long, int> counts, int draws)
    {
        var total = weights.Values.Sum();
        var chiSquare = weights.Sum(w =>
        {
            var expected = draws * w.Value / total;
            var observed = counts.GetValueOrDefault(w.Key);
            return (observed - expected) * (observed - expected) / expected;
        });
        Assert.True(counts.Keys.All(weights.ContainsKey), "a statement outside the candidates was drawn");
        Assert.True(
            chiSquare < Critical001[weights.Count - 1],
            $"chi-square {chiSquare:F2} with {weights.Count - 1} degrees of freedom exceeds the 0.1 % critical value; " +
            string.Join(", ", weights.Select(w => $"{w.Key}: expected {draws * w.Value / total:F0}, saw {counts.GetValueOrDefault(w.Key)}")));
    }
}
