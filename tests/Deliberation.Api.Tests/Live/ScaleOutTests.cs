using System.Net;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Tests.Infrastructure;
using Deliberation.Data;

namespace Deliberation.Api.Tests.Live;

/// <summary>
/// Two stateless app nodes on one PostgreSQL with a Redis backplane: a client connected to one node hears what
/// happens on the other. Needs the Redis that scripts/test.sh starts (DELIBERATION_TEST_REDIS).
/// </summary>
public class ScaleOutTests
{
    [Fact]
    public async Task A_client_on_one_node_receives_pushes_caused_on_another()
    {
        var redis = Environment.GetEnvironmentVariable("DELIBERATION_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("DELIBERATION_TEST_REDIS is not set: run the tests with ./scripts/test.sh, which starts Redis.");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string?>(LiveSettings.Fast) { ["SignalR:RedisConnectionString"] = redis };
        await using var nodeA = new DeliberationApp(database, settings);
        await using var nodeB = new DeliberationApp(database, settings);
        _ = nodeA.Server;

        // The facilitator signs in on node A and listens on node B.
        using var facilitator = nodeA.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync(seeds: ["Node one", "Node two", "Node three"])).Id;
        await using var listener = await HubClient.ConnectAsync(nodeB, facilitator.BearerToken);
        await listener.JoinAsFacilitatorAsync(id);

        // A participant votes and writes through node A.
        using var participant = nodeA.Anonymous();
        await participant.JoinAsync(id);
        var statements = await participant.GetOkAsync<StatementList>($"/api/v1/conversations/{id}/statements");
        long lastEvent = 0;
        foreach (var s in statements.Items)
        {
            var vote = await participant.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = s.Id, value = "agree" });
            lastEvent = (await ApiClient.ReadAsync<Features.Votes.VoteResponse>(vote, HttpStatusCode.OK)).EventId;
        }

        var written = await ApiClient.ReadAsync<StatementView>(
            await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "Written on node A" }), HttpStatusCode.Created);

        var results = await listener.ResultAsync(r => r.Watermark >= lastEvent);
        Assert.Equal(1, results.Counts.Participants);
        await listener.QueuedAsync(q => q.Id == written.Id);
        await listener.AddedAsync(a => a.Statement.Id == written.Id);

        // Node B serves the result node A computed.
        using var readerOnB = nodeB.Anonymous();
        var fromB = await readerOnB.GetOkAsync<Features.Results.ResultsView>($"/api/v1/conversations/{id}/results");
        Assert.True(fromB.Tick >= results.Tick);
    }
}
