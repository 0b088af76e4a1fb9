using System.Net;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Features.Votes;

namespace Deliberation.Api.Tests.Infrastructure;

/// <summary>
/// A small conversation with a known shape, built through the API: two camps that vote opposite ways on most
/// statements, and one statement both camps agree with (the bridge).
/// </summary>
public sealed class PolarisedRoom
{
    public const string BridgeText = "Everyone deserves a safe walk home";

    private PolarisedRoom(string id, ApiClient facilitator, IReadOnlyList<ApiClient> participants, IReadOnlyList<StatementView> statements, long lastEventId = 0)
    {
        LastEventId = lastEventId;
        Id = id;
        Facilitator = facilitator;
        Participants = participants;
        Statements = statements;
    }

    public string Id { get; }

    public ApiClient Facilitator { get; }

    /// <summary>Camp A first (even positions), camp B at odd positions.</summary>
    public IReadOnlyList<ApiClient> Participants { get; }

    public IReadOnlyList<StatementView> Statements { get; }

    /// <summary>The last vote of the room: a result with this watermark includes every vote.</summary>
    public long LastEventId { get; }

    public long BridgeId => Statements.Single(s => s.Text == BridgeText).Id;

    public static async Task<PolarisedRoom> CreateAsync(DeliberationApp app, int participants = 24, int statements = 10)
    {
        var facilitator = app.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var texts = Enumerable.Range(1, statements - 1).Select(i => $"Divisive proposal number {i}").Append(BridgeText).ToList();
        var id = (await facilitator.CreateConversationAsync(seeds: texts)).Id;
        var list = await facilitator.GetOkAsync<StatementList>($"/api/v1/conversations/{id}/statements");
        var room = new PolarisedRoom(id, facilitator, [], list.Items);
        var clients = new List<ApiClient>();
        long lastEvent = 0;
        for (var p = 0; p < participants; p++)
        {
            var client = app.Anonymous();
            await client.JoinAsync(id);
            clients.Add(client);
            lastEvent = await room.VoteAllAsync(client, campB: p % 2 == 1);
        }

        return new PolarisedRoom(id, facilitator, clients, list.Items, lastEvent);
    }

    /// <summary>Votes on every statement as a member of one camp would.</summary>
    public async Task<long> VoteAllAsync(ApiClient client, bool campB)
    {
        long lastEvent = 0;
        for (var s = 0; s < Statements.Count; s++)
        {
            var statement = Statements[s];
            var value = statement.Text == BridgeText ? "agree" : (campB ^ (s % 2 == 0)) ? "agree" : "disagree";
            var response = await client.PostAsync($"/api/v1/conversations/{Id}/votes", new { statementId = statement.Id, value });
            lastEvent = (await ApiClient.ReadAsync<VoteResponse>(response, HttpStatusCode.OK)).EventId;
        }

        return lastEvent;
    }
}
