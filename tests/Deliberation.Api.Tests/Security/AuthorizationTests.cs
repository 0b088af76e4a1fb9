using System.Net;
using Deliberation.Api.Features.Participation;
using Deliberation.Api.Tests.Infrastructure;

namespace Deliberation.Api.Tests.Security;

/// <summary>
/// Who may do what: facilitator routes need sign-in and ownership; participant tokens never grant facilitator
/// rights and name exactly one participant of one conversation.
/// </summary>
public abstract class AuthorizationTests(AppFixture fixture)
{
    private DeliberationApp App => fixture.App;

    /// <summary>Every facilitator route, with a body where it takes one.</summary>
    public static TheoryData<string, string> FacilitatorRoutes => new()
    {
        { "GET", "/api/v1/manage/conversations/{id}" },
        { "PATCH", "/api/v1/manage/conversations/{id}" },
        { "POST", "/api/v1/manage/conversations/{id}/close" },
        { "POST", "/api/v1/manage/conversations/{id}/reopen" },
        { "GET", "/api/v1/manage/conversations/{id}/counts" },
        { "POST", "/api/v1/manage/conversations/{id}/statements" },
        { "GET", "/api/v1/manage/conversations/{id}/statements" },
        { "PATCH", "/api/v1/manage/conversations/{id}/statements/{statement}" },
        { "POST", "/api/v1/manage/conversations/{id}/statements/moderation" },
    };

    [Theory]
    [MemberData(nameof(FacilitatorRoutes))]
    public async Task Anonymous_callers_get_401_on_facilitator_routes(string method, string route)
    {
        var (id, statement, _) = await OwnedConversationAsync();
        var response = await SendAsync(App.Anonymous(), method, route, id, statement);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory]
    [MemberData(nameof(FacilitatorRoutes))]
    public async Task Another_facilitator_gets_404_and_changes_nothing(string method, string route)
    {
        var (id, statement, owner) = await OwnedConversationAsync();
        using var intruder = App.Anonymous();
        await intruder.SignUpFacilitatorAsync();
        var response = await SendAsync(intruder, method, route, id, statement);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "conversation-not-found");

        var details = await owner.GetOkAsync<Features.Conversations.ConversationDetails>($"/api/v1/manage/conversations/{id}");
        Assert.True(details.IsOpen);
        Assert.Equal("Owned by someone", details.Topic);
        Assert.Equal(1, details.Counts.Statements);
    }

    [Theory]
    [MemberData(nameof(FacilitatorRoutes))]
    public async Task A_participant_token_never_grants_facilitator_rights(string method, string route)
    {
        var (id, statement, _) = await OwnedConversationAsync();
        using var participant = App.Anonymous();
        await participant.JoinAsync(id);
        var response = await SendAsync(participant, method, route, id, statement);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Listing_and_creating_conversations_need_sign_in()
    {
        using var anonymous = App.Anonymous();
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/v1/manage/conversations"), HttpStatusCode.Unauthorized, "unauthenticated");
        await ProblemAssert.IsProblemAsync(
            await anonymous.PostAsync("/api/v1/manage/conversations", new { topic = "Sneaky" }), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_participant_token_from_another_conversation_is_refused()
    {
        var (first, _, _) = await OwnedConversationAsync();
        var (second, secondStatement, _) = await OwnedConversationAsync();
        using var participant = App.Anonymous();
        await participant.JoinAsync(first);
        await ProblemAssert.IsProblemAsync(
            await participant.PostAsync($"/api/v1/conversations/{second}/votes", new { statementId = secondStatement, value = "agree" }),
            HttpStatusCode.Forbidden,
            "foreign-participant");
        await ProblemAssert.IsProblemAsync(
            await participant.PostAsync($"/api/v1/conversations/{second}/statements", new { text = "Not my conversation" }),
            HttpStatusCode.Forbidden,
            "foreign-participant");
    }

    [Fact]
    public async Task Participant_actions_need_a_genuine_token()
    {
        var (id, statement, _) = await OwnedConversationAsync();
        using var nobody = App.Anonymous();
        await ProblemAssert.IsProblemAsync(
            await nobody.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = statement, value = "agree" }),
            HttpStatusCode.Unauthorized,
            "participant-required");

        using var forger = App.Anonymous();
        forger.UseBearer("dp.CfDJ8-this-is-not-a-real-token");
        await ProblemAssert.IsProblemAsync(
            await forger.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = statement, value = "agree" }),
            HttpStatusCode.Unauthorized,
            "participant-required");
    }

    [Fact]
    public async Task A_participant_only_ever_votes_as_themself()
    {
        var (id, statement, owner) = await OwnedConversationAsync();
        using var alice = App.Anonymous();
        using var bob = App.Anonymous();
        await alice.JoinAsync(id);
        await bob.JoinAsync(id);

        // A participant id smuggled into the body is ignored: the token decides who votes.
        var response = await alice.PostAsync(
            $"/api/v1/conversations/{id}/votes", new { statementId = statement, value = "disagree", participantId = 2, participantNumber = 1 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await alice.GetOkAsync<List<Features.Votes.MyVote>>($"/api/v1/conversations/{id}/votes/mine"));
        Assert.Empty(await bob.GetOkAsync<List<Features.Votes.MyVote>>($"/api/v1/conversations/{id}/votes/mine"));
        var counts = await owner.GetOkAsync<Features.Conversations.ConversationCounts>($"/api/v1/manage/conversations/{id}/counts");
        Assert.Equal(1, counts.Votes);
    }

    private async Task<(string Id, long Statement, ApiClient Owner)> OwnedConversationAsync()
    {
        var owner = App.Anonymous();
        await owner.SignUpFacilitatorAsync();
        var conversation = await owner.CreateConversationAsync(topic: "Owned by someone", seeds: ["Owner's seed"]);
        var statements = await owner.GetOkAsync<Features.Statements.StatementList>($"/api/v1/conversations/{conversation.Id}/statements");
        return (conversation.Id, statements.Items[0].Id, owner);
    }

    private static Task<HttpResponseMessage> SendAsync(ApiClient client, string method, string route, string id, long statement)
    {
        var url = route.Replace("{id}", id, StringComparison.Ordinal).Replace("{statement}", statement.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        object body = route.EndsWith("/moderation", StringComparison.Ordinal)
            ? new { statementIds = new[] { statement }, moderation = "rejected" }
            : route.EndsWith("/statements", StringComparison.Ordinal)
                ? new { texts = new[] { "Injected seed" } }
                : route.Contains("{statement}", StringComparison.Ordinal)
                    ? new { moderation = "rejected" }
                    : new { topic = "Hijacked", settings = new { participantsCanWrite = false } };
        return method switch
        {
            "GET" => client.GetAsync(url),
            "PATCH" => client.PatchAsync(url, body),
            _ => client.PostAsync(url, body),
        };
    }
}

public sealed class AuthorizationOnSqlite(SqliteAppFixture fixture) : AuthorizationTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class AuthorizationOnPostgres(PostgresAppFixture fixture) : AuthorizationTests(fixture), IClassFixture<PostgresAppFixture>;
