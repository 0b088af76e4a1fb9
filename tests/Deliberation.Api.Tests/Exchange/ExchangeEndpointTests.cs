using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Deliberation.Api.Features.Conversations;
using Deliberation.Api.Features.Exchange;
using Deliberation.Api.Features.Research;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Infrastructure.Http;
using Deliberation.Api.Tests.Infrastructure;
using Deliberation.PolisFormat;
using Deliberation.PolisFormat.Files;
using Deliberation.Tests.Shared;

namespace Deliberation.Api.Tests.Exchange;

/// <summary>Export, import and the researcher API through HTTP, once per database provider.</summary>
public abstract class ExchangeEndpointTests(AppFixture fixture)
{
    private DeliberationApp App => fixture.App;

    [Fact]
    public async Task The_owner_exports_a_zip_and_single_files_in_the_polis_format()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var (id, statements) = await RoomAsync(facilitator);

        var zip = await facilitator.GetAsync($"/api/v1/manage/conversations/{id}/export");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        using (var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync()))
        {
            Assert.Equal(
                ["comment-groups.csv", "comments.csv", "math.json", "participants-votes.csv", "polarisation-history.csv", "summary.csv", "votes.csv"],
                archive.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        }

        var votesText = await facilitator.Http.GetStringAsync($"/api/v1/manage/conversations/{id}/export/votes.csv");
        var votes = VotesFileReader.Read(new StringReader(votesText));
        Assert.Equal(7, votes.Count); // 3 voters × 2 statements + one changed mind
        Assert.Equal([1L, 2L, 3L], votes.Select(v => v.VoterId).Distinct().Order()); // participant 0 only read
        Assert.All(votes, v => Assert.True(v.Timestamp > 1_700_000_000_000));

        var matrixText = await facilitator.Http.GetStringAsync($"/api/v1/manage/conversations/{id}/export/participants-votes.csv");
        Assert.StartsWith("participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n", matrixText, StringComparison.Ordinal);
        var (rows, cells) = ParticipantsVotesFileReader.Read(new StringReader(matrixText));
        Assert.Equal(3, rows.Count);
        Assert.Contains(new PolisMatrixVote(3, 0, -1), cells); // the latest vote wins in the matrix
        Assert.Contains(new PolisMatrixVote(3, 1, 1), cells);
        Assert.DoesNotContain(votesText, "dp.", StringComparison.Ordinal);

        var withXid = await facilitator.Http.GetStringAsync($"/api/v1/manage/conversations/{id}/export/participants-votes.csv?xid=true");
        Assert.StartsWith("participant,xid,group-id,", withXid, StringComparison.Ordinal);
        Assert.Contains("host-42", withXid, StringComparison.Ordinal);
        Assert.DoesNotContain("host-42", matrixText, StringComparison.Ordinal);

        var summary = SummaryFileReader.Read(new StringReader(await facilitator.Http.GetStringAsync($"/api/v1/manage/conversations/{id}/export/summary.csv")));
        Assert.EndsWith("/c/" + id, summary["url"], StringComparison.Ordinal);

        await ProblemAssert.IsProblemAsync(await facilitator.GetAsync($"/api/v1/manage/conversations/{id}/export/secrets.csv"), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(2, statements.Count);
    }

    [Fact]
    public async Task Public_export_and_data_need_open_data_and_others_see_nothing()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var (id, _) = await RoomAsync(facilitator);
        using var stranger = App.Anonymous();
        using var otherFacilitator = App.Anonymous();
        await otherFacilitator.SignUpFacilitatorAsync();

        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/v1/conversations/{id}/export"), HttpStatusCode.Forbidden, "not-open-data");
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/v1/conversations/{id}/data/votes"), HttpStatusCode.Forbidden, "not-open-data");
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync("/api/v1/conversations/AAAAAAAAAAAA/export"), HttpStatusCode.NotFound, "conversation-not-found");
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/v1/manage/conversations/{id}/export"), HttpStatusCode.Unauthorized, "unauthenticated");
        await ProblemAssert.IsProblemAsync(await otherFacilitator.GetAsync($"/api/v1/manage/conversations/{id}/export"), HttpStatusCode.NotFound, "conversation-not-found");
        await ProblemAssert.IsProblemAsync(await otherFacilitator.GetAsync($"/api/v1/manage/conversations/{id}/data/statements"), HttpStatusCode.NotFound, "conversation-not-found");

        var patched = await facilitator.PatchAsync($"/api/v1/manage/conversations/{id}", new { settings = new { isOpenData = true } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        var open = await stranger.GetAsync($"/api/v1/conversations/{id}/export");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var file = await stranger.Http.GetStringAsync($"/api/v1/conversations/{id}/export/participants-votes.csv?xid=true");
        Assert.StartsWith("participant,group-id,", file, StringComparison.Ordinal); // never external ids in public
        var votes = await stranger.GetOkAsync<ResearchVotePage>($"/api/v1/conversations/{id}/data/votes");
        Assert.Equal(7, votes.Items.Count);
    }

    [Fact]
    public async Task The_researcher_api_pages_statements_votes_participants_results_and_history()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var (id, _) = await RoomAsync(facilitator);
        string data = $"/api/v1/manage/conversations/{id}/data";

        var statements = await facilitator.GetOkAsync<Page<ResearchStatement>>($"{data}/statements?pageSize=1");
        Assert.Equal((2, 1), (statements.Total, statements.Items.Count));
        var second = await facilitator.GetOkAsync<Page<ResearchStatement>>($"{data}/statements?page=2&pageSize=1");
        Assert.Equal((0, 2, 1, 0, 3, 1), (statements.Items[0].Number, statements.Items[0].Agrees, statements.Items[0].Disagrees, statements.Items[0].Passes, statements.Items[0].AgreeEvents, statements.Items[0].DisagreeEvents));
        Assert.Equal((1, 3, 0, 0, 3), (second.Items[0].Number, second.Items[0].Agrees, second.Items[0].Disagrees, second.Items[0].Passes, second.Items[0].AgreeEvents));

        var first = await facilitator.GetOkAsync<ResearchVotePage>($"{data}/votes?limit=4");
        Assert.Equal(4, first.Items.Count);
        Assert.NotNull(first.NextAfter);
        var rest = await facilitator.GetOkAsync<ResearchVotePage>($"{data}/votes?limit=4&after={first.NextAfter}");
        Assert.Equal(3, rest.Items.Count);
        Assert.Null(rest.NextAfter);
        Assert.True(first.Items.Concat(rest.Items).Select(v => v.EventId).Order().SequenceEqual(first.Items.Concat(rest.Items).Select(v => v.EventId)));

        var participants = await facilitator.GetOkAsync<Page<ResearchParticipant>>($"{data}/participants");
        Assert.Equal([1L, 2L, 3L], participants.Items.Select(p => p.Number));
        Assert.All(participants.Items, p => Assert.Equal(2, p.Votes));

        using var results = JsonDocument.Parse(await facilitator.Http.GetStringAsync($"{data}/results"));
        Assert.Equal(id, results.RootElement.GetProperty("conversation").GetString());

        var series = await facilitator.GetOkAsync<ResearchSeriesPage>($"{data}/polarisation");
        Assert.Null(series.NextAfter);
        await ProblemAssert.IsProblemAsync(await facilitator.GetAsync($"{data}/votes?limit=0"), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task An_uploaded_polis_zip_becomes_a_conversation_of_the_facilitator_that_exports_the_same_votes()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        string original = Fixtures.Polis("brexit-consensus");
        using var content = Multipart(ZipOf(original));

        var response = await facilitator.Http.PostAsync("/api/v1/manage/conversations/import", content);
        var imported = await ApiClient.ReadAsync<ImportResponse>(response, HttpStatusCode.Created);
        Assert.Equal("Can there be consensus on Brexit?", imported.Topic);
        Assert.Equal((204, 50, 5312, 5303, "history"), (imported.Participants, imported.Statements, imported.VoteEvents, imported.Votes, imported.VotesFrom));

        var details = await facilitator.GetOkAsync<ConversationDetails>($"/api/v1/manage/conversations/{imported.ConversationId}");
        Assert.False(details.IsOpen);
        Assert.Equal(5312, details.Counts.VoteEvents);

        var votes = VotesFileReader.Read(new StringReader(
            await facilitator.Http.GetStringAsync($"/api/v1/manage/conversations/{imported.ConversationId}/export/votes.csv")));
        Assert.Equal(PolisExportReader.Read(original).VoteHistory, votes);

        // Raw zip bodies work too, and ?open=true opens the conversation.
        using var raw = new ByteArrayContent(ZipOf(Fixtures.Polis("london.youth.policing")));
        raw.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var second = await ApiClient.ReadAsync<ImportResponse>(await facilitator.Http.PostAsync("/api/v1/manage/conversations/import?open=true", raw), HttpStatusCode.Created);
        Assert.True(second.IsOpen);
    }

    [Fact]
    public async Task A_malformed_upload_is_a_400_naming_file_line_and_column_and_leaves_nothing()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        string folder = Fixtures.TempFolder();
        foreach (var file in Directory.GetFiles(Fixtures.Polis("london.youth.policing")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var lines = File.ReadAllLines(Path.Combine(folder, "votes.csv"));
        lines[5] = "soon," + string.Join(',', lines[5].Split(',')[1..]);
        File.WriteAllLines(Path.Combine(folder, "votes.csv"), lines);

        var response = await facilitator.Http.PostAsync("/api/v1/manage/conversations/import", Multipart(ZipOf(folder)));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-export");
        Assert.Equal("votes.csv", problem.GetProperty("file").GetString());
        Assert.Equal(6, problem.GetProperty("line").GetInt64());
        Assert.Equal(1, problem.GetProperty("column").GetInt32());
        Assert.StartsWith("votes.csv:6:1:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var truncated = ZipOf(Fixtures.Polis("london.youth.policing"))[..500];
        problem = await ProblemAssert.IsProblemAsync(
            await facilitator.Http.PostAsync("/api/v1/manage/conversations/import", Multipart(truncated)), HttpStatusCode.BadRequest, "invalid-export");
        Assert.Equal("upload", problem.GetProperty("file").GetString());

        var mine = await facilitator.GetOkAsync<Page<ConversationSummary>>("/api/v1/manage/conversations");
        Assert.Equal(0, mine.Total);

        using var anonymous = App.Anonymous();
        await ProblemAssert.IsProblemAsync(
            await anonymous.Http.PostAsync("/api/v1/manage/conversations/import", Multipart(truncated)), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    /// <summary>Two statements; three participants (one with an external id) vote on both; one changes their mind.</summary>
    private async Task<(string Id, IReadOnlyList<StatementView> Statements)> RoomAsync(ApiClient facilitator)
    {
        var conversation = await facilitator.CreateConversationAsync(seeds: ["Buses, every \"ten\" minutes", "Bike lanes 🚲 on Main Street"]);
        string id = conversation.Id;
        using var reader = App.Anonymous();
        await reader.JoinAsync(id);
        var statements = (await reader.GetOkAsync<StatementList>($"/api/v1/conversations/{id}/statements")).Items;
        foreach (var xid in new string?[] { null, null, "host-42" })
        {
            using var participant = App.Anonymous();
            await participant.JoinAsync(id, xid);
            foreach (var s in statements)
            {
                var vote = await participant.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = s.Id, value = "agree" });
                Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
            }

            if (xid is not null)
            {
                await participant.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = statements[0].Id, value = "disagree" });
            }
        }

        return (id, statements);
    }

    private static byte[] ZipOf(string folder)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(folder, "*.csv"))
            {
                zip.CreateEntryFromFile(file, Path.GetFileName(file));
            }
        }

        return buffer.ToArray();
    }

    private static MultipartFormDataContent Multipart(byte[] zip)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, "file", "export.zip");
        return content;
    }
}

public sealed class ExchangeEndpointsOnSqlite(SqliteAppFixture fixture) : ExchangeEndpointTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class ExchangeEndpointsOnPostgres(PostgresAppFixture fixture) : ExchangeEndpointTests(fixture), IClassFixture<PostgresAppFixture>;
