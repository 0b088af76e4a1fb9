using System.Net;
using Deliberation.Api.Tests.Infrastructure;
using Deliberation.Data;

namespace Deliberation.Api.Tests.Security;

/// <summary>Public endpoints are limited per participant and per address, with 429, Retry-After and a problem body.</summary>
public abstract class RateLimitTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private DeliberationApp app = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        app = new DeliberationApp(database, new Dictionary<string, string?>
        {
            ["RateLimits:PerParticipantPerMinute"] = "8",
            ["RateLimits:StatementsPerParticipantPerHour"] = "2",
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_participant_who_floods_gets_429_with_retry_after()
    {
        using var facilitator = app.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync(seeds: ["Flood me"])).Id;
        using var participant = app.Anonymous();
        await participant.JoinAsync(id);

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            var response = await participant.GetAsync($"/api/v1/conversations/{id}/next");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.True(problem.GetProperty("retryAfterSeconds").GetInt32() >= 1);

        // Another participant is not affected by the first one's flood.
        using var other = app.Anonymous();
        await other.JoinAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/v1/conversations/{id}/next")).StatusCode);
    }

    [Fact]
    public async Task Writing_statements_has_its_own_stricter_limit()
    {
        using var facilitator = app.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync()).Id;
        using var participant = app.Anonymous();
        await participant.JoinAsync(id);
        Assert.Equal(HttpStatusCode.Created, (await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "First thought" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "Second thought" })).StatusCode);
        await ProblemAssert.IsProblemAsync(
            await participant.PostAsync($"/api/v1/conversations/{id}/statements", new { text = "Third thought" }),
            HttpStatusCode.TooManyRequests,
            "rate-limited");
        var counts = await facilitator.GetOkAsync<Features.Conversations.ConversationCounts>($"/api/v1/manage/conversations/{id}/counts");
        Assert.Equal(2, counts.Statements);
    }
}

public sealed class RateLimitOnSqlite() : RateLimitTests(DatabaseProvider.Sqlite);

public sealed class RateLimitOnPostgres() : RateLimitTests(DatabaseProvider.Postgres);
