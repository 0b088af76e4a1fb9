using System.Net;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Features.TextAnalysis;
using Deliberation.Api.Tests.Infrastructure;

namespace Deliberation.Api.Tests.TextAnalysis;

/// <summary>Similar statements, near-duplicate warnings and topics through HTTP, in German and Chinese too.</summary>
public abstract class TextAnalysisEndpointTests(AppFixture fixture)
{
    private static readonly string[] German =
    [
        "Der öffentliche Nahverkehr soll kostenlos werden",
        "Mehr Radwege in der Innenstadt bauen",
        "Flugreisen sollen höher besteuert werden",
        "Ein Tempolimit von 100 km/h auf Autobahnen einführen",
        "Solaranlagen auf allen neuen Dächern verpflichtend machen",
    ];

    private static readonly string[] Chinese =
    [
        "政府應該立法規範共享經濟平台",
        "計程車司機需要更多的保障",
        "優步應該繳納和計程車一樣的稅",
        "乘客的安全是最重要的",
        "應該開放更多的交通選擇給消費者",
    ];

    private DeliberationApp App => fixture.App;

    [Theory]
    [InlineData("de", "Ist der öffentliche Nahverkehr bald kostenlos?", 0)]
    [InlineData("de", "Radwege in der Innenstadt", 1)]
    [InlineData("zh", "優步應該繳稅", 2)]
    [InlineData("zh", "乘客安全最重要", 3)]
    public async Task A_draft_finds_the_statement_it_repeats(string language, string draft, int expected)
    {
        var seeds = language == "de" ? German : Chinese;
        var (id, participant, statements) = await ConversationAsync(seeds);

        var similar = await participant.GetOkAsync<SimilarStatements>(
            $"/api/v1/conversations/{id}/statements/similar?text={Uri.EscapeDataString(draft)}&k=3");

        Assert.NotEmpty(similar.Items);
        Assert.Equal(statements.Single(s => s.Text == seeds[expected]).Id, similar.Items[0].StatementId);
        Assert.Equal(seeds[expected], similar.Items[0].Text);
        Assert.True(similar.Items.Count <= 3);
        Assert.True(similar.Items.Zip(similar.Items.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task The_index_follows_new_and_rejected_statements()
    {
        var (id, participant, _) = await ConversationAsync(German);
        const string draft = "Kostenlose Parkplätze für Fahrräder am Bahnhof";
        var before = await participant.GetOkAsync<SimilarStatements>($"/api/v1/conversations/{id}/statements/similar?text={Uri.EscapeDataString(draft)}");

        var written = await ApiClient.ReadAsync<StatementView>(
            await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "Mehr Fahrradparkplätze am Bahnhof" }), HttpStatusCode.Created);
        var after = await participant.GetOkAsync<SimilarStatements>($"/api/v1/conversations/{id}/statements/similar?text={Uri.EscapeDataString(draft)}");
        Assert.DoesNotContain(before.Items, s => s.StatementId == written.Id);
        Assert.Equal(written.Id, after.Items[0].StatementId);

        var owner = facilitators[id];
        var reject = await owner.PatchAsync($"/api/v1/manage/conversations/{id}/statements/{written.Id}", new { moderation = "rejected" });
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        var rejected = await participant.GetOkAsync<SimilarStatements>($"/api/v1/conversations/{id}/statements/similar?text={Uri.EscapeDataString(draft)}");
        Assert.DoesNotContain(rejected.Items, s => s.StatementId == written.Id);
    }

    [Fact]
    public async Task Moderators_see_near_duplicates_and_participants_cannot()
    {
        var (id, participant, statements) = await ConversationAsync(Chinese);
        var repeat = await ApiClient.ReadAsync<StatementView>(
            await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "政府應該立法規範共享經濟平台！！" }), HttpStatusCode.Created);

        var pairs = await facilitators[id].GetOkAsync<NearDuplicates>($"/api/v1/manage/conversations/{id}/statements/near-duplicates");
        var pair = Assert.Single(pairs.Pairs);
        Assert.Equal(statements.Single(s => s.Text == Chinese[0]).Id, pair.First.StatementId);
        Assert.Equal(repeat.Id, pair.Second.StatementId);
        Assert.True(pair.Score >= pairs.Threshold);

        await ProblemAssert.IsProblemAsync(
            await participant.GetAsync($"/api/v1/manage/conversations/{id}/statements/near-duplicates"), HttpStatusCode.Unauthorized, "unauthenticated");
        await ProblemAssert.IsProblemAsync(
            await facilitators[id].GetAsync($"/api/v1/manage/conversations/{id}/statements/near-duplicates?threshold=2"), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Similar_statements_need_a_participant_and_a_draft()
    {
        var (id, participant, _) = await ConversationAsync(German);
        using var anonymous = App.Anonymous();
        await ProblemAssert.IsProblemAsync(
            await anonymous.GetAsync($"/api/v1/conversations/{id}/statements/similar?text=Radwege"), HttpStatusCode.Unauthorized, "participant-required");
        await ProblemAssert.IsProblemAsync(
            await participant.GetAsync($"/api/v1/conversations/{id}/statements/similar"), HttpStatusCode.BadRequest, "validation");
        await ProblemAssert.IsProblemAsync(
            await participant.GetAsync($"/api/v1/conversations/{id}/statements/similar?text=Radwege&k=50"), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Topics_cover_every_statement_for_the_facilitator_and_a_public_report()
    {
        var (id, participant, statements) = await ConversationAsync([.. German, .. Chinese]);
        var owner = facilitators[id];

        var topics = await owner.GetOkAsync<TopicsView>($"/api/v1/manage/conversations/{id}/topics");
        Assert.Equal(statements.Select(s => s.Id).Order(), topics.Topics.SelectMany(t => t.Statements).Select(s => s.StatementId).Order());
        Assert.Contains(topics.Topics, t => t.Label.Length > 0 && t.Terms.Count > 0);
        var again = await owner.GetOkAsync<TopicsView>($"/api/v1/conversations/{id}/topics");
        Assert.Equal(topics.Topics.Select(t => t.Label), again.Topics.Select(t => t.Label));

        await ProblemAssert.IsProblemAsync(await participant.GetAsync($"/api/v1/conversations/{id}/topics"), HttpStatusCode.Forbidden, "forbidden");
        await owner.PatchAsync($"/api/v1/manage/conversations/{id}", new { settings = new { reportIsPublic = true } });
        var report = await participant.GetOkAsync<TopicsView>($"/api/v1/conversations/{id}/topics");
        Assert.Equal(statements.Count, report.Topics.Sum(t => t.Statements.Count));
    }

    private readonly Dictionary<string, ApiClient> facilitators = [];

    private async Task<(string Id, ApiClient Participant, IReadOnlyList<StatementView> Statements)> ConversationAsync(IReadOnlyList<string> seeds)
    {
        var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var conversation = await facilitator.CreateConversationAsync(seeds: seeds);
        facilitators[conversation.Id] = facilitator;
        var participant = App.Anonymous();
        await participant.JoinAsync(conversation.Id);
        var statements = await participant.GetOkAsync<StatementList>($"/api/v1/conversations/{conversation.Id}/statements");
        return (conversation.Id, participant, statements.Items);
    }
}

public sealed class TextAnalysisEndpointsOnSqlite(SqliteAppFixture fixture) : TextAnalysisEndpointTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class TextAnalysisEndpointsOnPostgres(PostgresAppFixture fixture) : TextAnalysisEndpointTests(fixture), IClassFixture<PostgresAppFixture>;
