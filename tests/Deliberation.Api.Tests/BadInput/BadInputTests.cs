using System.Net;
using Deliberation.Api.Features.Conversations;
using Deliberation.Api.Infrastructure.Http;
using Deliberation.Api.Tests.Infrastructure;

namespace Deliberation.Api.Tests.BadInput;

/// <summary>
/// Bad input of every kind is answered with the right 4xx problem details, never a 500, and nothing is written:
/// each test compares the conversation's counts before and after.
/// </summary>
public abstract class BadInputTests(AppFixture fixture) : IAsyncLifetime
{
    private DeliberationApp App => fixture.App;

    private ApiClient facilitator = null!;
    private ApiClient participant = null!;
    private string id = "";
    private long statement;
    private ConversationCounts before = null!;

    public async Task InitializeAsync()
    {
        facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        id = (await facilitator.CreateConversationAsync(seeds: ["Parks need more shade", "Buses should run all night"])).Id;
        participant = App.Anonymous();
        await participant.JoinAsync(id);
        statement = (await participant.GetOkAsync<Features.Statements.StatementList>($"/api/v1/conversations/{id}/statements")).Items[0].Id;
        await participant.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = statement, value = "agree" });
        before = await CountsAsync();
    }

    public Task DisposeAsync()
    {
        facilitator.Dispose();
        participant.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, string> BadStatementBodies => new()
    {
        { """{}""", "validation" },
        { """{"text": null}""", "validation" },
        { """{"text": ""}""", "validation" },
        { """{"text": "   \t\n  "}""", "validation" },
        { """{"text": "\u0000\u0007\u200B"}""", "validation" },
        { "{\"text\": \"" + new string('x', 281) + "\"}", "validation" },
        { """{"text": 42}""", "malformed-request" },
        { """{"text": ["a", "b"]}""", "malformed-request" },
        { """{"text": "unterminated""", "malformed-request" },
        { """not json at all""", "malformed-request" },
    };

    [Theory]
    [MemberData(nameof(BadStatementBodies))]
    public async Task Bad_statements_are_refused_with_a_problem_and_nothing_is_written(string body, string type)
    {
        var response = await participant.PostRawAsync($"/api/v1/conversations/{id}/statements", body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, type);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_too_long_statement_says_the_limit_and_names_the_field()
    {
        var response = await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text = new string('é', 281) });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("280", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Emoji_count_as_one_character_each_toward_the_limit()
    {
        var text = string.Concat(Enumerable.Repeat("👍🏽", 280));
        var response = await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("Parks need more shade")]
    [InlineData("  PARKS need   more SHADE ")]
    [InlineData("parks need more shade\u200B")]
    public async Task A_duplicate_statement_gets_409_with_the_existing_id(string text)
    {
        var response = await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "duplicate-statement");
        Assert.Equal(statement, problem.GetProperty("existingStatementId").GetInt64());
        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, HttpStatusCode, string> BadVoteBodies => new()
    {
        { """{"value": "agree"}""", HttpStatusCode.BadRequest, "validation" },
        { """{"statementId": {statement}}""", HttpStatusCode.BadRequest, "validation" },
        { """{"statementId": {statement}, "value": "maybe"}""", HttpStatusCode.BadRequest, "malformed-request" },
        { """{"statementId": {statement}, "value": 5}""", HttpStatusCode.BadRequest, "validation" },
        { """{"statementId": {statement}, "value": true}""", HttpStatusCode.BadRequest, "malformed-request" },
        { """{"statementId": "abc", "value": "agree"}""", HttpStatusCode.BadRequest, "malformed-request" },
        { """{"statementId": 999999999, "value": "agree"}""", HttpStatusCode.NotFound, "statement-not-found" },
        { """{"statementId": {statement}, "value": "agree",""", HttpStatusCode.BadRequest, "malformed-request" },
        { """[]""", HttpStatusCode.BadRequest, "malformed-request" },
    };

    [Theory]
    [MemberData(nameof(BadVoteBodies))]
    public async Task Bad_votes_are_refused_with_a_problem_and_nothing_is_written(string body, HttpStatusCode status, string type)
    {
        var json = body.Replace("{statement}", statement.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var response = await participant.PostRawAsync($"/api/v1/conversations/{id}/votes", json);
        await ProblemAssert.IsProblemAsync(response, status, type);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_statement_of_another_conversation_is_not_found()
    {
        var otherConversation = (await facilitator.CreateConversationAsync(topic: "Another", seeds: ["Elsewhere"])).Id;
        var foreignStatement = (await participant.GetOkAsync<Features.Statements.StatementList>($"/api/v1/conversations/{otherConversation}/statements")).Items[0].Id;
        await ProblemAssert.IsProblemAsync(
            await participant.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = foreignStatement, value = "agree" }),
            HttpStatusCode.NotFound,
            "statement-not-found");
        await ProblemAssert.IsProblemAsync(
            await facilitator.PatchAsync($"/api/v1/manage/conversations/{id}/statements/{foreignStatement}", new { moderation = "rejected" }),
            HttpStatusCode.NotFound,
            "statement-not-found");
    }

    [Theory]
    [InlineData("AAAAAAAAAAAA")]
    [InlineData("short")]
    [InlineData("has%20spaces-and-more")]
    [InlineData("0123456789abcdef0123456789")]
    public async Task Unknown_conversations_are_not_found(string unknown)
    {
        await ProblemAssert.IsProblemAsync(await participant.GetAsync($"/api/v1/conversations/{unknown}"), HttpStatusCode.NotFound, "conversation-not-found");
        await ProblemAssert.IsProblemAsync(
            await participant.PostAsync($"/api/v1/conversations/{unknown}/participants"), HttpStatusCode.NotFound, "conversation-not-found");
        await ProblemAssert.IsProblemAsync(
            await facilitator.GetAsync($"/api/v1/manage/conversations/{unknown}"), HttpStatusCode.NotFound, "conversation-not-found");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_get_problem_details()
    {
        await ProblemAssert.IsProblemAsync(await participant.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound, "not-found");
        var delete = await participant.Http.DeleteAsync($"/api/v1/conversations/{id}/votes");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task An_oversized_body_gets_413_and_nothing_is_written()
    {
        var huge = "{\"text\": \"" + new string('a', 300 * 1024) + "\"}";
        var response = await participant.PostRawAsync($"/api/v1/conversations/{id}/statements", huge);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        var response = await participant.PostRawAsync($"/api/v1/conversations/{id}/votes", "statementId=1&value=agree", "application/x-www-form-urlencoded");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, string> BadConversations => new()
    {
        { """{"topic": ""}""", "validation" },
        { """{"topic": "   "}""", "validation" },
        { """{"description": "no topic"}""", "validation" },
        { "{\"topic\": \"" + new string('t', 1001) + "\"}", "validation" },
        { "{\"topic\": \"ok\", \"description\": \"" + new string('d', 50_001) + "\"}", "validation" },
        { """{"topic": "ok", "settings": {"maxStatementLength": 19}}""", "validation" },
        { """{"topic": "ok", "settings": {"maxStatementLength": 1001}}""", "validation" },
        { """{"topic": "ok", "settings": {"maxStatementLength": "long"}}""", "malformed-request" },
        { """{"topic": 12}""", "malformed-request" },
        { """{"topic": "ok", "seedStatements": ["fine", ""]}""", "validation" },
        { """{"topic": "ok", "seedStatements": ["Same words", "same   WORDS"]}""", "validation" },
    };

    [Theory]
    [MemberData(nameof(BadConversations))]
    public async Task Bad_conversations_are_refused_and_none_is_created(string body, string type)
    {
        var mineBefore = await facilitator.GetOkAsync<Page<ConversationSummary>>("/api/v1/manage/conversations");
        await ProblemAssert.IsProblemAsync(await facilitator.PostRawAsync("/api/v1/manage/conversations", body), HttpStatusCode.BadRequest, type);
        var mineAfter = await facilitator.GetOkAsync<Page<ConversationSummary>>("/api/v1/manage/conversations");
        Assert.Equal(mineBefore.Total, mineAfter.Total);
    }

    [Fact]
    public async Task A_seed_batch_with_one_duplicate_adds_nothing()
    {
        var response = await facilitator.PostAsync($"/api/v1/manage/conversations/{id}/statements", new { texts = new[] { "A brand new idea", "parks need more shade" } });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "duplicate-statement");
        Assert.Equal(statement, problem.GetProperty("existingStatementId").GetInt64());
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=100000")]
    [InlineData("?moderation=sideways")]
    [InlineData("?page=abc")]
    public async Task Bad_query_parameters_are_refused(string query)
    {
        var response = await facilitator.GetAsync($"/api/v1/manage/conversations/{id}/statements{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_external_id_is_refused()
    {
        using var stranger = App.Anonymous();
        var response = await stranger.PostAsync($"/api/v1/conversations/{id}/participants", new { xid = new string('x', 300) });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(before, await CountsAsync());
    }

    private Task<ConversationCounts> CountsAsync() => facilitator.GetOkAsync<ConversationCounts>($"/api/v1/manage/conversations/{id}/counts");
}

public sealed class BadInputOnSqlite(SqliteAppFixture fixture) : BadInputTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class BadInputOnPostgres(PostgresAppFixture fixture) : BadInputTests(fixture), IClassFixture<PostgresAppFixture>;
