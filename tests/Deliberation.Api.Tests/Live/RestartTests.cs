using Deliberation.Api.Features.Results;
using Deliberation.Api.Tests.Infrastructure;
using Deliberation.Data;

namespace Deliberation.Api.Tests.Live;

/// <summary>
/// The result and the math state live in the database: a new app instance on the same database serves the same
/// groups at once and continues from them (Polis loses its state on restart and its groups change).
/// </summary>
public abstract class RestartTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_second_app_instance_on_the_same_database_serves_and_keeps_the_same_groups()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        ResultsView before;
        MyResultsView firstParticipantBefore;
        string conversationId;
        string firstToken;
        await using (var first = new DeliberationApp(database, LiveSettings.Fast))
        {
            var room = await PolarisedRoom.CreateAsync(first, participants: 20);
            conversationId = room.Id;
            firstToken = room.Participants[0].BearerToken!;
            await using var hub = await HubClient.ConnectAsync(first);
            await hub.JoinAsync(room.Id);
            await hub.ResultAsync(r => r.Watermark >= room.LastEventId);
            before = await room.Facilitator.GetOkAsync<ResultsView>($"/api/v1/conversations/{room.Id}/results");
            firstParticipantBefore = await room.Participants[0].GetOkAsync<MyResultsView>($"/api/v1/conversations/{room.Id}/results/me");
        }

        await using var second = new DeliberationApp(database, LiveSettings.Fast);
        using var reader = second.Anonymous();
        var after = await reader.GetOkAsync<ResultsView>($"/api/v1/conversations/{conversationId}/results");
        Assert.Equal(before.Tick, after.Tick);
        Assert.Equal(before.Groups.Select(g => (g.Label, g.Size, g.X, g.Y)), after.Groups.Select(g => (g.Label, g.Size, g.X, g.Y)));
        Assert.Equal(before.BaseClusters, after.BaseClusters);

        // Tokens issued by the first instance still work (shared key ring), and the next update keeps the groups.
        using var returning = second.Anonymous();
        returning.UseBearer(firstToken);
        using var newcomer = second.Anonymous();
        await newcomer.JoinAsync(conversationId);
        var statements = after.Statements!;
        long lastEvent = 0;
        foreach (var s in statements)
        {
            var response = await newcomer.PostAsync($"/api/v1/conversations/{conversationId}/votes", new { statementId = s.StatementId, value = "pass" });
            lastEvent = (await ApiClient.ReadAsync<Features.Votes.VoteResponse>(response, System.Net.HttpStatusCode.OK)).EventId;
        }

        await using var hubAfter = await HubClient.ConnectAsync(second);
        await hubAfter.JoinAsync(conversationId);
        var next = await hubAfter.ResultAsync(r => r.Watermark >= lastEvent);
        Assert.True(next.Tick > before.Tick);
        var firstParticipantAfter = await returning.GetOkAsync<MyResultsView>($"/api/v1/conversations/{conversationId}/results/me");
        Assert.Equal(firstParticipantBefore.GroupLabel, firstParticipantAfter.GroupLabel);
        Assert.Equal(before.Groups.Select(g => g.Label), next.Groups.Select(g => g.Label));
    }

    [Fact]
    public async Task On_start_up_conversations_with_votes_newer_than_their_result_are_updated()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string conversationId;
        long lastEventId;
        await using (var withoutMath = new DeliberationApp(database, new Dictionary<string, string?> { ["Math:Enabled"] = "false" }))
        {
            var room = await PolarisedRoom.CreateAsync(withoutMath, participants: 10);
            conversationId = room.Id;
            lastEventId = room.LastEventId;
            var nothingYet = await room.Facilitator.GetOkAsync<ResultsView>($"/api/v1/conversations/{room.Id}/results");
            Assert.Equal(0, nothingYet.Tick);
        }

        await using var restarted = new DeliberationApp(database, LiveSettings.Fast);
        await using var hub = await HubClient.ConnectAsync(restarted);
        await hub.JoinAsync(conversationId);
        var caughtUp = await hub.ResultAsync(r => r.Watermark >= lastEventId);
        Assert.Equal(10, caughtUp.Counts.Participants);
        Assert.Equal(1, caughtUp.Tick);
    }
}

public sealed class RestartOnSqlite() : RestartTests(DatabaseProvider.Sqlite);

public sealed class RestartOnPostgres() : RestartTests(DatabaseProvider.Postgres);
