using System.Net;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Tests.Infrastructure;
using Deliberation.Data;

namespace Deliberation.Api.Tests.Live;

/// <summary>
/// Nodes keep conversations in memory for a moment, but the rules never lag: a vote on a node that has not yet seen a
/// close or a rejection made on another node is still refused, because the vote write checks the rules itself.
/// </summary>
public abstract class TwoNodeRulesTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_node_with_a_stale_copy_still_refuses_votes_after_a_close_or_a_rejection_elsewhere()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var slowCache = new Dictionary<string, string?> { ["Caching:ConversationMilliseconds"] = "600000" };
        await using var nodeA = new DeliberationApp(database, slowCache);
        await using var nodeB = new DeliberationApp(database, slowCache);

        using var facilitator = nodeA.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync(seeds: ["First", "Second", "Third"])).Id;
        using var participant = nodeB.Anonymous();
        await participant.JoinAsync(id);
        var statements = (await participant.GetOkAsync<StatementList>($"/api/v1/conversations/{id}/statements")).Items;

        // Node B now holds the conversation in memory.
        Assert.Equal(HttpStatusCode.OK, (await participant.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = statements[0].Id, value = "agree" })).StatusCode);

        await facilitator.PatchAsync($"/api/v1/manage/conversations/{id}/statements/{statements[1].Id}", new { moderation = "rejected" });
        await ProblemAssert.IsProblemAsync(
            await participant.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = statements[1].Id, value = "agree" }),
            HttpStatusCode.Conflict,
            "statement-not-votable");

        await facilitator.PostAsync($"/api/v1/manage/conversations/{id}/close");
        await ProblemAssert.IsProblemAsync(
            await participant.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = statements[2].Id, value = "agree" }),
            HttpStatusCode.Conflict,
            "conversation-closed");

        var counts = await facilitator.GetOkAsync<Features.Conversations.ConversationCounts>($"/api/v1/manage/conversations/{id}/counts");
        Assert.Equal(1, counts.VoteEvents);
    }

    [Fact]
    public async Task A_node_refreshes_its_copy_after_the_cache_time_and_answers_from_the_old_one_meanwhile()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var minuteCache = new Dictionary<string, string?> { ["Caching:ConversationMilliseconds"] = "60000" };
        var clockOfB = new ShiftedClock();
        await using var nodeA = new DeliberationApp(database, minuteCache);
        await using var nodeB = new DeliberationApp(database, minuteCache, clockOfB);

        using var facilitator = nodeA.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync(seeds: ["First", "Second"])).Id;
        using var onB = nodeB.Anonymous();
        await onB.JoinAsync(id);
        Assert.Equal(2, await TotalOnBAsync());

        using var writer = nodeA.Anonymous();
        await writer.JoinAsync(id);
        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "A third idea from node A" })).StatusCode);

        // Within the cache time node B answers from its copy; after it, the request that finds the copy old reads again.
        Assert.Equal(2, await TotalOnBAsync());
        clockOfB.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(3, await TotalOnBAsync());

        async Task<int> TotalOnBAsync() =>
            (await onB.GetOkAsync<Features.Votes.NextResponse>($"/api/v1/conversations/{id}/next")).Progress.Total;
    }
}

public sealed class TwoNodeRulesOnSqlite() : TwoNodeRulesTests(DatabaseProvider.Sqlite);

public sealed class TwoNodeRulesOnPostgres() : TwoNodeRulesTests(DatabaseProvider.Postgres);
