using System.Net;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Features.Votes;
using Deliberation.Api.Tests.Infrastructure;
using Deliberation.Data;

namespace Deliberation.Api.Tests.Live;

/// <summary>
/// Each node keeps its own copy of a participant's voted statements for routing. The load balancer keeps a participant
/// on one node, but if they do vote through two, the first vote that the stale copy gets wrong tells the node, which
/// reads the votes afresh. PostgreSQL only: SQLite is one node by nature.
/// </summary>
public sealed class VotedStatementsAcrossNodesTests
{
    [Fact]
    public async Task A_node_with_a_stale_copy_of_the_votes_notices_at_the_next_vote_and_routes_from_the_database_again()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var nodeA = new DeliberationApp(database);
        await using var nodeB = new DeliberationApp(database);

        using var facilitator = nodeA.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync(seeds: ["First", "Second", "Third"])).Id;
        using var onA = nodeA.Anonymous();
        await onA.JoinAsync(id);
        using var onB = nodeB.Anonymous();
        onB.UseBearer(onA.BearerToken!);
        var statements = (await onA.GetOkAsync<StatementList>($"/api/v1/conversations/{id}/statements")).Items.Select(s => s.Id).ToList();

        // Node B copies the participant's (no) votes; then they vote twice through node A.
        Assert.Equal(0, (await onB.GetOkAsync<NextResponse>($"/api/v1/conversations/{id}/next")).Progress.Voted);
        await VoteAsync(onA, id, statements[0]);
        await VoteAsync(onA, id, statements[1]);

        // Through node B they change their first vote: node B's copy had it as new, the database says otherwise.
        var changed = await VoteAsync(onB, id, statements[0]);
        Assert.Equal(2, changed.Progress.Voted);
        Assert.Equal(statements[2], changed.Next?.Id);
        Assert.Equal(statements[2], (await onB.GetOkAsync<NextResponse>($"/api/v1/conversations/{id}/next")).Next?.Id);
    }

    private static async Task<VoteResponse> VoteAsync(ApiClient client, string id, long statementId) =>
        await ApiClient.ReadAsync<VoteResponse>(
            await client.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId, value = "agree" }), HttpStatusCode.OK);
}
