using System.Net;
using Deliberation.Api.Features.Conversations;
using Deliberation.Api.Features.Moderation;
using Deliberation.Api.Features.Participation;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Features.Votes;
using Deliberation.Api.Infrastructure.Http;
using Deliberation.Api.Tests.Infrastructure;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Votes;

namespace Deliberation.Api.Tests.Participation;

/// <summary>The whole participation slice through HTTP, run once per database provider.</summary>
public abstract class ParticipationFlowTests(AppFixture fixture)
{
    private DeliberationApp App => fixture.App;

    [Fact]
    public async Task A_conversation_runs_from_creation_to_closing()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var conversation = await facilitator.CreateConversationAsync(seeds: ["More trees along the river", "A skate park for teenagers", "Longer library hours"]);
        Assert.Equal(3, conversation.Counts.Statements);
        var id = conversation.Id;

        using var alice = App.Anonymous();
        using var bob = App.Anonymous();
        using var carol = App.Anonymous();
        var aliceJoin = await alice.JoinAsync(id);
        await bob.JoinAsync(id);
        await carol.JoinAsync(id, xid: "host-user-42");
        Assert.True(aliceJoin.IsNew);

        var seeds = await alice.GetOkAsync<StatementList>($"/api/v1/conversations/{id}/statements");
        Assert.Equal(3, seeds.Items.Count);
        Assert.All(seeds.Items, s => Assert.Equal(ModerationState.Accepted, s.Moderation));

        // Alice writes a statement; it is visible at once (no strict moderation) and counts as her agreeing.
        var written = await ApiClient.ReadAsync<StatementView>(
            await alice.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "  Free   water fountains in every park " }),
            HttpStatusCode.Created);
        Assert.Equal("Free water fountains in every park", written.Text);
        Assert.True(written.IsMine);
        var aliceVotes = await alice.GetOkAsync<List<MyVote>>($"/api/v1/conversations/{id}/votes/mine");
        Assert.Equal(VoteValue.Agree, Assert.Single(aliceVotes).Value);

        // Everyone votes on every seed; the response always offers an unvoted statement until none is left.
        foreach (var participant in new[] { alice, bob, carol })
        {
            foreach (var seed in seeds.Items)
            {
                var vote = await ApiClient.ReadAsync<VoteResponse>(
                    await participant.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = seed.Id, value = "agree" }),
                    HttpStatusCode.OK);
                Assert.Equal(seed.Id, vote.StatementId);
                Assert.True(vote.EventId > 0);
            }
        }

        // Bob changes his mind: one current vote, two events.
        var changed = await ApiClient.ReadAsync<VoteResponse>(
            await bob.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = seeds.Items[0].Id, value = "disagree" }),
            HttpStatusCode.OK);
        Assert.Equal(VoteValue.Disagree, changed.Value);
        var bobVotes = await bob.GetOkAsync<List<MyVote>>($"/api/v1/conversations/{id}/votes/mine");
        Assert.Equal(3, bobVotes.Count);
        Assert.Equal(VoteValue.Disagree, bobVotes.Single(v => v.StatementId == seeds.Items[0].Id).Value);

        // The moderator rejects Alice's statement: it disappears for participants and votes on it are refused.
        var rejected = await ApiClient.ReadAsync<ModerationItem>(
            await facilitator.PatchAsync($"/api/v1/manage/conversations/{id}/statements/{written.Id}", new { moderation = "rejected" }),
            HttpStatusCode.OK);
        Assert.Equal(ModerationState.Rejected, rejected.Moderation);
        await ProblemAssert.IsProblemAsync(
            await bob.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = written.Id, value = "agree" }),
            HttpStatusCode.Conflict,
            "statement-not-votable");
        var visible = await bob.GetOkAsync<StatementList>($"/api/v1/conversations/{id}/statements");
        Assert.DoesNotContain(visible.Items, s => s.Id == written.Id);

        var counts = await facilitator.GetOkAsync<ConversationCounts>($"/api/v1/manage/conversations/{id}/counts");
        Assert.Equal(new ConversationCounts(Participants: 3, Statements: 4, StatementsWaiting: 0, Votes: 10, VoteEvents: 11), counts);

        // Closed: votes and new statements are refused; reopened: voting works again.
        var closed = await ApiClient.ReadAsync<ConversationDetails>(
            await facilitator.PostAsync($"/api/v1/manage/conversations/{id}/close"), HttpStatusCode.OK);
        Assert.False(closed.IsOpen);
        await ProblemAssert.IsProblemAsync(
            await carol.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = seeds.Items[1].Id, value = "pass" }),
            HttpStatusCode.Conflict,
            "conversation-closed");
        await ProblemAssert.IsProblemAsync(
            await carol.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "Too late for this one" }),
            HttpStatusCode.Conflict,
            "conversation-closed");
        Assert.Equal(counts, await facilitator.GetOkAsync<ConversationCounts>($"/api/v1/manage/conversations/{id}/counts"));

        await facilitator.PostAsync($"/api/v1/manage/conversations/{id}/reopen");
        var reopened = await carol.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = seeds.Items[1].Id, value = "pass" });
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
    }

    [Fact]
    public async Task Joining_again_with_the_same_token_or_external_id_returns_the_same_participant()
    {
        var id = await NewConversationAsync();
        using var phone = App.Anonymous();
        var first = await phone.JoinAsync(id);
        var again = await phone.JoinAsync(id);
        Assert.True(first.IsNew);
        Assert.False(again.IsNew);
        Assert.Equal(first.ParticipantNumber, again.ParticipantNumber);

        using var laptop = App.Anonymous();
        using var tablet = App.Anonymous();
        var viaHost = await laptop.JoinAsync(id, xid: "member-7");
        var sameMember = await tablet.JoinAsync(id, xid: "member-7");
        Assert.True(viaHost.IsNew);
        Assert.False(sameMember.IsNew);
        Assert.Equal(viaHost.ParticipantNumber, sameMember.ParticipantNumber);
        Assert.NotEqual(first.ParticipantNumber, viaHost.ParticipantNumber);
    }

    [Fact]
    public async Task A_browser_takes_part_with_the_participant_cookie_alone()
    {
        var id = await NewConversationAsync(["Cookies are fine"]);
        using var browser = App.Browser();
        var join = await browser.PostAsync($"/api/v1/conversations/{id}/participants");
        Assert.Equal(HttpStatusCode.Created, join.StatusCode);
        var cookie = Assert.Single(join.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var next = await browser.GetOkAsync<NextResponse>($"/api/v1/conversations/{id}/next");
        Assert.NotNull(next.Next);
        var vote = await browser.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = next.Next.Id, value = "agree" });
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
    }

    [Fact]
    public async Task The_vote_response_offers_the_next_unvoted_statement_and_then_says_there_is_none()
    {
        var id = await NewConversationAsync(["One", "Two", "Three"]);
        using var participant = App.Anonymous();
        await participant.JoinAsync(id);
        var next = await participant.GetOkAsync<NextResponse>($"/api/v1/conversations/{id}/next");
        Assert.Equal(new Progress(0, 3), next.Progress);

        var seen = new HashSet<long>();
        var current = next.Next;
        while (current is not null)
        {
            Assert.True(seen.Add(current.Id), "a statement was offered twice");
            var vote = await ApiClient.ReadAsync<VoteResponse>(
                await participant.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = current.Id, value = "pass" }),
                HttpStatusCode.OK);
            Assert.Equal(seen.Count, vote.Progress.Voted);
            current = vote.Next;
        }

        Assert.Equal(3, seen.Count);
        var me = await participant.GetOkAsync<MeView>($"/api/v1/conversations/{id}/me");
        Assert.Equal(new Progress(3, 3), me.Progress);
    }

    [Fact]
    public async Task Under_strict_moderation_new_statements_wait_until_accepted()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync(settings: new { strictModeration = true }, seeds: ["Seeds are accepted at once"])).Id;
        using var participant = App.Anonymous();
        await participant.JoinAsync(id);

        var written = await ApiClient.ReadAsync<StatementView>(
            await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "Wait for the moderator" }),
            HttpStatusCode.Created);
        Assert.Equal(ModerationState.Unmoderated, written.Moderation);

        using var other = App.Anonymous();
        await other.JoinAsync(id);
        var visible = await other.GetOkAsync<StatementList>($"/api/v1/conversations/{id}/statements");
        Assert.Equal(["Seeds are accepted at once"], visible.Items.Select(s => s.Text));
        await ProblemAssert.IsProblemAsync(
            await other.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = written.Id, value = "agree" }),
            HttpStatusCode.Conflict,
            "statement-not-votable");

        var queue = await facilitator.GetOkAsync<Page<ModerationItem>>(
            $"/api/v1/manage/conversations/{id}/statements?moderation=unmoderated");
        var waiting = Assert.Single(queue.Items);
        Assert.Equal(written.Id, waiting.Id);
        Assert.Equal(1, waiting.Agrees); // the author's own vote

        await facilitator.PatchAsync($"/api/v1/manage/conversations/{id}/statements/{written.Id}", new { moderation = "accepted" });
        var after = await other.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = written.Id, value = "agree" });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Writing_can_be_switched_off_for_participants()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync(settings: new { participantsCanWrite = false }, seeds: ["Only seeds here"])).Id;
        using var participant = App.Anonymous();
        await participant.JoinAsync(id);
        await ProblemAssert.IsProblemAsync(
            await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "Let me in" }),
            HttpStatusCode.Forbidden,
            "writing-disabled");

        // The facilitator may still seed.
        var seeded = await facilitator.PostAsync($"/api/v1/manage/conversations/{id}/statements", new { texts = new[] { "Another seed" } });
        Assert.Equal(HttpStatusCode.Created, seeded.StatusCode);
    }

    [Fact]
    public async Task Moderators_page_through_the_queue_and_moderate_in_bulk()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync()).Id;
        var participantTexts = Enumerable.Range(1, 7).Select(i => $"Participant idea number {i}").ToList();
        using var participant = App.Anonymous();
        await participant.JoinAsync(id);
        foreach (var text in participantTexts)
        {
            Assert.Equal(HttpStatusCode.Created, (await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text })).StatusCode);
        }

        var firstPage = await facilitator.GetOkAsync<Page<ModerationItem>>(
            $"/api/v1/manage/conversations/{id}/statements?moderation=unmoderated&page=1&pageSize=5");
        var secondPage = await facilitator.GetOkAsync<Page<ModerationItem>>(
            $"/api/v1/manage/conversations/{id}/statements?moderation=unmoderated&page=2&pageSize=5");
        Assert.Equal(7, firstPage.Total);
        Assert.Equal(5, firstPage.Items.Count);
        Assert.Equal(2, secondPage.Items.Count);
        Assert.Equal(participantTexts, firstPage.Items.Concat(secondPage.Items).Select(i => i.Text));

        var toReject = firstPage.Items.Take(3).Select(i => i.Id).ToList();
        var bulk = await ApiClient.ReadAsync<BulkModerationResult>(
            await facilitator.PostAsync($"/api/v1/manage/conversations/{id}/statements/moderation", new { statementIds = toReject, moderation = "rejected" }),
            HttpStatusCode.OK);
        Assert.Equal(3, bulk.Updated);
        var meta = await ApiClient.ReadAsync<ModerationItem>(
            await facilitator.PatchAsync($"/api/v1/manage/conversations/{id}/statements/{secondPage.Items[0].Id}", new { moderation = "accepted", isMeta = true }),
            HttpStatusCode.OK);
        Assert.True(meta.IsMeta);

        var rejected = await facilitator.GetOkAsync<Page<ModerationItem>>(
            $"/api/v1/manage/conversations/{id}/statements?moderation=rejected");
        Assert.Equal(toReject.Order(), rejected.Items.Select(i => i.Id).Order());
        var counts = await facilitator.GetOkAsync<ConversationCounts>($"/api/v1/manage/conversations/{id}/counts");
        Assert.Equal(3, counts.StatementsWaiting);
    }

    [Fact]
    public async Task Facilitators_update_settings_and_see_only_their_own_conversations()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var created = await facilitator.CreateConversationAsync(topic: "Bike lanes?");
        var updated = await ApiClient.ReadAsync<ConversationDetails>(
            await facilitator.PatchAsync(
                $"/api/v1/manage/conversations/{created.Id}",
                new { topic = "Bike lanes on Main Street?", settings = new { maxStatementLength = 500, isListed = true } }),
            HttpStatusCode.OK);
        Assert.Equal("Bike lanes on Main Street?", updated.Topic);
        Assert.Equal(500, updated.Settings.MaxStatementLength);
        Assert.True(updated.Settings.ParticipantsCanWrite); // untouched fields keep their values
        Assert.True(updated.UpdatedAt >= created.UpdatedAt);

        var listed = await facilitator.GetOkAsync<List<ListedConversation>>("/api/v1/conversations");
        Assert.Contains(listed, c => c.Id == created.Id);

        using var someoneElse = App.Anonymous();
        await someoneElse.SignUpFacilitatorAsync();
        await someoneElse.CreateConversationAsync(topic: "Not yours");
        var mine = await facilitator.GetOkAsync<Page<ConversationSummary>>("/api/v1/manage/conversations");
        Assert.Equal(["Bike lanes on Main Street?"], mine.Items.Select(c => c.Topic));

        var publicView = await App.Anonymous().GetOkAsync<ConversationView>($"/api/v1/conversations/{created.Id}");
        Assert.Equal(500, publicView.MaxStatementLength);
    }

    private async Task<string> NewConversationAsync(IReadOnlyList<string>? seeds = null)
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        return (await facilitator.CreateConversationAsync(seeds: seeds ?? ["A first statement", "A second statement"])).Id;
    }
}

public sealed class ParticipationFlowOnSqlite(SqliteAppFixture fixture) : ParticipationFlowTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class ParticipationFlowOnPostgres(PostgresAppFixture fixture) : ParticipationFlowTests(fixture), IClassFixture<PostgresAppFixture>;
