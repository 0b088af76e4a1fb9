using System.Net;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Features.Votes;
using Deliberation.Api.Tests.Infrastructure;
using Deliberation.Data;
using Deliberation.Data.Votes;
using Deliberation.Domain.Votes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Api.Tests.Live;

/// <summary>
/// Votes arriving together are written together (on PostgreSQL, one statement and one commit per batch), yet each
/// caller gets its own outcome, exactly as if its vote had been written alone: recorded with its own event, refused by
/// the rules, or failed.
/// </summary>
public abstract class VoteBatchingTests(AppFixture fixture)
{
    private DeliberationApp App => fixture.App;

    [Fact]
    public async Task Many_votes_at_once_are_each_recorded_with_their_own_event()
    {
        var room = await RoomAsync(participants: 30, statements: 10);
        var batcher = App.Services.GetRequiredService<VoteBatcher>();
        var votes = (from p in room.Participants from s in room.Statements select Vote(room, p, s, (p + s) % 2 == 0 ? VoteValue.Agree : VoteValue.Disagree)).ToList();

        var outcomes = await Task.WhenAll(votes.Select(v => RecordAsync(batcher, v)));

        Assert.All(outcomes, o => Assert.NotNull(o));
        Assert.Equal(votes.Count, outcomes.Select(o => o!.Value.EventId).Distinct().Count());
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeliberationDbContext>();
        var stored = await db.Votes.AsNoTracking().Where(v => v.ConversationId == room.ConversationId).ToListAsync();
        Assert.Equal(votes.Count, stored.Count);
        Assert.Equal(votes.Count, await db.VoteEvents.CountAsync(e => e.ConversationId == room.ConversationId));
        for (var i = 0; i < votes.Count; i++)
        {
            var row = stored.Single(v => v.ParticipantId == votes[i].ParticipantId && v.StatementId == votes[i].StatementId);
            Assert.Equal(votes[i].Value, row.Value);
            Assert.Equal(outcomes[i]!.Value.EventId, row.LastEventId);
            Assert.True(outcomes[i]!.Value.FirstOnStatement is null or true);
        }
    }

    [Fact]
    public async Task Two_votes_of_one_participant_on_one_statement_at_the_same_moment_both_count_in_order()
    {
        var room = await RoomAsync(participants: 1, statements: 1);
        var batcher = App.Services.GetRequiredService<VoteBatcher>();
        var first = Vote(room, 0, 0, VoteValue.Agree);
        var second = first with { Value = VoteValue.Disagree };

        var outcomes = await Task.WhenAll(RecordAsync(batcher, first), RecordAsync(batcher, second));

        Assert.True(outcomes[1]!.Value.EventId > outcomes[0]!.Value.EventId);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeliberationDbContext>();
        var row = await db.Votes.AsNoTracking().SingleAsync(v => v.ConversationId == room.ConversationId);
        Assert.Equal(VoteValue.Disagree, row.Value);
        Assert.Equal(outcomes[1]!.Value.EventId, row.LastEventId);
        Assert.Equal(2, await db.VoteEvents.CountAsync(e => e.ConversationId == room.ConversationId));
        if (fixture.Provider == DatabaseProvider.Postgres)
        {
            Assert.Equal([true, false], outcomes.Select(o => o!.Value.FirstOnStatement));
        }
    }

    [Fact]
    public async Task A_refused_vote_and_a_failing_vote_do_not_take_the_others_down_with_them()
    {
        var room = await RoomAsync(participants: 6, statements: 3);
        using var facilitator = room.Facilitator;
        var rejected = room.StatementIds[2];
        Assert.Equal(HttpStatusCode.OK, (await facilitator.PatchAsync($"/api/v1/manage/conversations/{room.PublicId}/statements/{rejected}", new { moderation = "rejected" })).StatusCode);
        var batcher = App.Services.GetRequiredService<VoteBatcher>();
        var good = (from p in Enumerable.Range(0, 6) from s in new[] { 0, 1 } select Vote(room, p, s, VoteValue.Agree)).ToList();
        var refused = Vote(room, 0, 2, VoteValue.Agree);
        var noSuchParticipant = Vote(room, 0, 0, VoteValue.Agree) with { ParticipantId = long.MaxValue - 7 };

        var goodTasks = good.Select(v => RecordAsync(batcher, v)).ToList();
        var refusedTask = RecordAsync(batcher, refused);
        var failingTask = RecordAsync(batcher, noSuchParticipant);

        Assert.All(await Task.WhenAll(goodTasks), o => Assert.NotNull(o));
        Assert.Null(await refusedTask);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => failingTask);
        Assert.True(failure.IsForeignKeyViolation(), failure.ToString());
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeliberationDbContext>();
        Assert.Equal(good.Count, await db.Votes.CountAsync(v => v.ConversationId == room.ConversationId));
        Assert.Equal(good.Count, await db.VoteEvents.CountAsync(e => e.ConversationId == room.ConversationId));
    }

    [Fact]
    public async Task Participants_voting_at_once_over_http_are_never_routed_to_a_statement_they_voted_on()
    {
        using var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var id = (await facilitator.CreateConversationAsync(seeds: Enumerable.Range(1, 12).Select(i => $"Proposal number {i} for the park").ToList())).Id;

        var voters = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var client = App.Anonymous();
            await client.JoinAsync(id);
            return client;
        }));
        var routes = await Task.WhenAll(voters.Select(async client =>
        {
            var seen = new List<long>();
            var next = (await client.GetOkAsync<NextResponse>($"/api/v1/conversations/{id}/next")).Next;
            while (next is not null)
            {
                seen.Add(next.Id);
                var vote = await ApiClient.ReadAsync<VoteResponse>(
                    await client.PostAsync($"/api/v1/conversations/{id}/votes", new { statementId = next.Id, value = "pass" }), HttpStatusCode.OK);
                Assert.Equal(seen.Count, vote.Progress.Voted);
                next = vote.Next;
            }

            return seen;
        }));

        Assert.All(routes, seen => Assert.Equal(12, seen.Distinct().Count()));
        Assert.All(routes, seen => Assert.Equal(12, seen.Count));
        foreach (var client in voters)
        {
            client.Dispose();
        }
    }

    private async Task<Room> RoomAsync(int participants, int statements)
    {
        var facilitator = App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var publicId = (await facilitator.CreateConversationAsync(seeds: Enumerable.Range(1, statements).Select(i => $"Statement {i} about the square").ToList())).Id;
        for (var i = 0; i < participants; i++)
        {
            using var participant = App.Anonymous();
            await participant.JoinAsync(publicId);
        }

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeliberationDbContext>();
        var conversationId = await db.Conversations.Where(c => c.PublicId == publicId).Select(c => c.Id).SingleAsync();
        var participantIds = await db.Participants.Where(p => p.ConversationId == conversationId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var statementIds = await db.Statements.Where(s => s.ConversationId == conversationId).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        return new Room(publicId, conversationId, participantIds, statementIds, facilitator);
    }

    private static VoteToRecord Vote(Room room, int participant, int statement, VoteValue value) =>
        new(room.ConversationId, room.ParticipantIds[participant], room.StatementIds[statement], value, DateTimeOffset.UtcNow);

    private async Task<RecordedVote?> RecordAsync(VoteBatcher batcher, VoteToRecord vote)
    {
        // Each caller has its own request scope and database context, as each HTTP request does.
        await using var scope = App.Services.CreateAsyncScope();
        return await batcher.RecordAsync(scope.ServiceProvider.GetRequiredService<DeliberationDbContext>(), vote, CancellationToken.None);
    }

    private sealed record Room(string PublicId, long ConversationId, IReadOnlyList<long> ParticipantIds, IReadOnlyList<long> StatementIds, ApiClient Facilitator)
    {
        public IEnumerable<int> Participants => Enumerable.Range(0, ParticipantIds.Count);

        public IEnumerable<int> Statements => Enumerable.Range(0, StatementIds.Count);
    }
}

public sealed class VoteBatchSettingsTests
{
    [Theory]
    [InlineData("Database:VoteBatch:MaxSize", "0")]
    [InlineData("Database:VoteBatch:Writers", "0")]
    [InlineData("Database:VoteBatch:QueueCapacity", "-1")]
    public async Task An_impossible_batch_setting_stops_the_start_with_a_message_that_names_it(string key, string value)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DeliberationApp(database, new Dictionary<string, string?> { [key] = value });

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => app.Server);
        Assert.Contains("Database:VoteBatch", failure.Message, StringComparison.Ordinal);
    }
}

public sealed class VoteBatchingOnSqlite(SqliteAppFixture fixture) : VoteBatchingTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class VoteBatchingOnPostgres(PostgresAppFixture fixture) : VoteBatchingTests(fixture), IClassFixture<PostgresAppFixture>;
