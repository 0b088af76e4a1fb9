using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Api.Features.Live;
using Deliberation.Api.Features.Moderation;
using Deliberation.Api.Features.Results;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Api.Tests.Infrastructure;

/// <summary>
/// A SignalR client of the hub through the test server (no socket), recording every push so tests can wait for the
/// one they expect. Waiting is on a condition with a generous deadline, never a fixed sleep.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<ResultsView> results = new();
    private readonly ConcurrentQueue<ModerationItem> queued = new();
    private readonly ConcurrentQueue<StatementAddedPush> added = new();
    private readonly ConcurrentQueue<VoteTalliesPush> tallies = new();
    private readonly ConcurrentQueue<SeriesPointPush> series = new();
    private readonly ConcurrentQueue<StatementModeratedPush> moderated = new();
    private readonly SemaphoreSlim signal = new(0);

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        Record<ResultsView>(nameof(IDeliberationClient.ResultsUpdated), results);
        Record<ModerationItem>(nameof(IDeliberationClient.ModerationQueued), queued);
        Record<StatementAddedPush>(nameof(IDeliberationClient.StatementAdded), added);
        Record<VoteTalliesPush>(nameof(IDeliberationClient.VoteTallies), tallies);
        Record<SeriesPointPush>(nameof(IDeliberationClient.SeriesPoint), series);
        Record<StatementModeratedPush>(nameof(IDeliberationClient.StatementModerated), moderated);
    }

    public HubConnection Connection { get; }

    public IReadOnlyCollection<ResultsView> Results => results;

    public IReadOnlyCollection<VoteTalliesPush> Tallies => tallies;

    public IReadOnlyCollection<StatementAddedPush> Added => added;

    public IReadOnlyCollection<StatementModeratedPush> Moderated => moderated;

    /// <summary>Connects with WebSockets through the test server; a bearer token (facilitator) travels as the hub expects.</summary>
    public static async Task<HubClient> ConnectAsync(DeliberationApp app, string? bearer = null)
    {
        var server = app.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, DeliberationHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    if (bearer is not null)
                    {
                        client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + bearer;
                    }

                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task<JoinedView> JoinAsync(string conversationId, string? participantToken = null) =>
        Connection.InvokeAsync<JoinedView>(nameof(DeliberationHub.JoinConversation), conversationId, participantToken);

    public Task<JoinedView> JoinAsFacilitatorAsync(string conversationId) =>
        Connection.InvokeAsync<JoinedView>(nameof(DeliberationHub.JoinAsFacilitator), conversationId);

    public Task<ResultsView> ResultAsync(Func<ResultsView, bool> condition) => WaitAsync(results, condition);

    public Task<ModerationItem> QueuedAsync(Func<ModerationItem, bool> condition) => WaitAsync(queued, condition);

    public Task<SeriesPointPush> SeriesPointAsync(Func<SeriesPointPush, bool> condition) => WaitAsync(series, condition);

    public Task<VoteTalliesPush> TalliesAsync(Func<VoteTalliesPush, bool> condition) => WaitAsync(tallies, condition);

    public Task<StatementAddedPush> AddedAsync(Func<StatementAddedPush, bool> condition) => WaitAsync(added, condition);

    public Task<StatementModeratedPush> ModeratedAsync(Func<StatementModeratedPush, bool> condition) => WaitAsync(moderated, condition);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void Record<T>(string method, ConcurrentQueue<T> into) =>
        Connection.On<T>(method, item =>
        {
            into.Enqueue(item);
            signal.Release();
        });

    private async Task<T> WaitAsync<T>(ConcurrentQueue<T> queue, Func<T, bool> condition)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var match = queue.FirstOrDefault(condition);
            if (match is not null)
            {
                return match;
            }

            try
            {
                await signal.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching {typeof(T).Name} push within {Deadline.TotalSeconds} s ({queue.Count} received).");
            }
        }
    }
}
