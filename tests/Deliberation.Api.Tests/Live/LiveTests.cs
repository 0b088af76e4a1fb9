using System.Net;
using System.Net.Http.Headers;
using Deliberation.Api.Features.Results;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Features.Votes;
using Deliberation.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Api.Tests.Live;

/// <summary>The math runs itself after votes and everyone connected hears about it, on each provider.</summary>
public abstract class LiveTests(AppFixture fixture)
{
    private DeliberationApp App => fixture.App;

    [Fact]
    public async Task A_hub_client_receives_results_after_votes_are_posted_over_http()
    {
        var room = await PolarisedRoom.CreateAsync(App);
        await using var hub = await HubClient.ConnectAsync(App);
        await hub.JoinAsync(room.Id, room.Participants[0].BearerToken);

        // A newcomer's votes: the push that includes them carries a watermark at or past the newcomer's last vote.
        using var newcomer = App.Anonymous();
        await newcomer.JoinAsync(room.Id);
        var lastEvent = await room.VoteAllAsync(newcomer, campB: false);
        var pushed = await hub.ResultAsync(r => r.Watermark >= lastEvent);

        Assert.Equal(room.Id, pushed.ConversationId);
        Assert.Equal(25, pushed.Counts.Participants);
        Assert.Equal(2, pushed.K);
        Assert.Equal(["A", "B"], pushed.Groups.Select(g => g.Label));
        Assert.Null(pushed.Statements); // the push is compact; the table is served over REST
        Assert.Contains(pushed.Bridging, b => b.StatementId == room.BridgeId);
        var tallies = await hub.TalliesAsync(t => t.Watermark >= lastEvent);
        Assert.Equal(25 * room.Statements.Count, tallies.Votes);
    }

    [Fact]
    public async Task A_facilitator_hears_of_new_statements_to_moderate_and_of_new_series_points()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync(settings: new { strictModeration = true }, seeds: ["Seed one", "Seed two"])).Id;
        await using var console = await HubClient.ConnectAsync(App, facilitator.BearerToken);
        var joined = await console.JoinAsFacilitatorAsync(id);
        Assert.True(joined.AsFacilitator);

        using var participant = App.Anonymous();
        await participant.JoinAsync(id);
        var written = await ApiClient.ReadAsync<StatementView>(
            await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "Please moderate me" }), HttpStatusCode.Created);
        var queued = await console.QueuedAsync(q => q.Id == written.Id);
        Assert.Equal("Please moderate me", queued.Text);
        Assert.Equal(Domain.Statements.ModerationState.Unmoderated, queued.Moderation);

        var point = await console.SeriesPointAsync(p => p.ConversationId == id);
        Assert.True(point.Point.Tick >= 1);

        await facilitator.PatchAsync($"/api/v1/manage/conversations/{id}/statements/{written.Id}", new { moderation = "accepted" });
        var moderated = await console.ModeratedAsync(m => m.StatementId == written.Id);
        Assert.True(moderated.Visible);
    }

    [Fact]
    public async Task After_reconnecting_a_client_rejoins_and_gets_the_latest_tick_at_once()
    {
        var room = await PolarisedRoom.CreateAsync(App, participants: 16);
        await using (var first = await HubClient.ConnectAsync(App))
        {
            await first.JoinAsync(room.Id);
            await first.ResultAsync(r => r.Watermark >= room.LastEventId);
        }

        var current = await room.Facilitator.GetOkAsync<ResultsView>($"/api/v1/conversations/{room.Id}/results");
        await using var again = await HubClient.ConnectAsync(App);
        var joined = await again.JoinAsync(room.Id);
        Assert.True(joined.Tick >= current.Tick);
        var immediate = await again.ResultAsync(_ => true);
        Assert.Equal(joined.Tick, immediate.Tick);
    }

    [Fact]
    public async Task A_participant_cannot_join_the_facilitator_channel()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync(seeds: ["Only for the owner"])).Id;
        using var participant = App.Anonymous();
        await participant.JoinAsync(id);

        await using var asParticipant = await HubClient.ConnectAsync(App, participant.BearerToken);
        await Assert.ThrowsAsync<HubException>(() => asParticipant.JoinAsFacilitatorAsync(id));
        await using var anonymous = await HubClient.ConnectAsync(App);
        await Assert.ThrowsAsync<HubException>(() => anonymous.JoinAsFacilitatorAsync(id));

        using var otherFacilitator = App.Anonymous();
        await otherFacilitator.SignUpFacilitatorAsync();
        await using var intruder = await HubClient.ConnectAsync(App, otherFacilitator.BearerToken);
        await Assert.ThrowsAsync<HubException>(() => intruder.JoinAsFacilitatorAsync(id));

        // The participant may still follow the public channel, with their own token, but not with another conversation's.
        var joined = await asParticipant.JoinAsync(id, participant.BearerToken);
        Assert.False(joined.AsFacilitator);
        var elsewhere = (await facilitator.CreateConversationAsync(topic: "Elsewhere", seeds: ["x y z"])).Id;
        await Assert.ThrowsAsync<HubException>(() => asParticipant.JoinAsync(elsewhere, participant.BearerToken));
    }

    [Fact]
    public async Task Results_carry_an_etag_and_answer_304_until_the_next_update()
    {
        var room = await PolarisedRoom.CreateAsync(App, participants: 12);
        await using var hub = await HubClient.ConnectAsync(App);
        await hub.JoinAsync(room.Id);
        var pushed = await hub.ResultAsync(r => r.Watermark >= room.LastEventId);

        using var reader = App.Anonymous();
        var response = await reader.GetAsync($"/api/v1/conversations/{room.Id}/results");
        var full = await ApiClient.ReadAsync<ResultsView>(response, HttpStatusCode.OK);
        Assert.Equal($"\"{full.Tick}\"", response.Headers.ETag?.Tag);
        Assert.True(full.Tick >= pushed.Tick);
        Assert.NotNull(full.Statements);
        Assert.Equal(room.Statements.Count, full.Statements.Count);
        Assert.All(full.Statements, s => Assert.False(string.IsNullOrEmpty(s.Text)));

        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/conversations/{room.Id}/results");
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{full.Tick}\""));
        Assert.Equal(HttpStatusCode.NotModified, (await reader.Http.SendAsync(conditional)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/conversations/{room.Id}/results");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0\""));
        Assert.Equal(HttpStatusCode.OK, (await reader.Http.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task A_participant_sees_where_they_stand_and_how_their_group_voted()
    {
        var room = await PolarisedRoom.CreateAsync(App, participants: 20);
        await using var hub = await HubClient.ConnectAsync(App);
        await hub.JoinAsync(room.Id);
        await hub.ResultAsync(r => r.Watermark >= room.LastEventId);

        var campA = await room.Participants[0].GetOkAsync<MyResultsView>($"/api/v1/conversations/{room.Id}/results/me");
        var campB = await room.Participants[1].GetOkAsync<MyResultsView>($"/api/v1/conversations/{room.Id}/results/me");
        Assert.True(campA.IsClustered);
        Assert.NotNull(campA.X);
        Assert.NotEqual(campA.Group, campB.Group);
        Assert.Equal(room.Statements.Count, campA.Comparisons.Count);
        var bridge = campA.Comparisons.Single(c => c.StatementId == room.BridgeId);
        Assert.Equal(Domain.Votes.VoteValue.Agree, bridge.MyVote);
        Assert.Equal(100, bridge.GroupAgreePercent);
        Assert.Equal(100, bridge.EveryoneAgreePercent);

        using var stranger = App.Anonymous();
        await stranger.JoinAsync(room.Id);
        var nobody = await stranger.GetOkAsync<MyResultsView>($"/api/v1/conversations/{room.Id}/results/me");
        Assert.False(nobody.HasVoted);
        Assert.False(nobody.IsClustered);
    }

    [Fact]
    public async Task The_facilitator_gets_the_polarisation_series_and_its_rate()
    {
        var room = await PolarisedRoom.CreateAsync(App, participants: 14);
        await using var hub = await HubClient.ConnectAsync(App, room.Facilitator.BearerToken);
        await hub.JoinAsFacilitatorAsync(room.Id);
        await hub.ResultAsync(r => r.Watermark >= room.LastEventId);
        using var late = App.Anonymous();
        await late.JoinAsync(room.Id);
        var lastEvent = await room.VoteAllAsync(late, campB: true);
        await hub.ResultAsync(r => r.Watermark >= lastEvent);

        var series = await room.Facilitator.GetOkAsync<PolarisationSeriesView>($"/api/v1/manage/conversations/{room.Id}/polarisation");
        Assert.True(series.Points.Count >= 2);
        Assert.Equal(series.Points.OrderBy(p => p.Tick).Select(p => p.Tick), series.Points.Select(p => p.Tick));
        Assert.Equal(15, series.Points[^1].Participants);
        Assert.Equal(2, series.Points[^1].K);
        Assert.Equal(15, series.Points[^1].GroupSizes.Sum());
        Assert.InRange(series.Points[^1].BetweenGroupVarianceShare, 0.5, 1.0);
        Assert.True(series.Points[^1].BridgingStatements >= 1);
        Assert.Equal(10, series.WindowMinutes);
        Assert.NotNull(series.RatePerMinute.BetweenGroupVarianceShare);

        await ProblemAssert.IsProblemAsync(
            await room.Participants[0].GetAsync($"/api/v1/manage/conversations/{room.Id}/polarisation"), HttpStatusCode.Unauthorized, "unauthenticated");
    }
}

public sealed class LiveOnSqlite(LiveSqliteFixture fixture) : LiveTests(fixture), IClassFixture<LiveSqliteFixture>;

public sealed class LiveOnPostgres(LivePostgresFixture fixture) : LiveTests(fixture), IClassFixture<LivePostgresFixture>;
