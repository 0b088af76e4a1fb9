using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Api.Features.Conversations;
using Deliberation.Api.Features.Participation;

namespace Deliberation.Api.Tests.Infrastructure;

/// <summary>An HTTP client speaking the API's JSON, with helpers for the steps most tests repeat.</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static int accounts;

    public HttpClient Http { get; } = http;

    /// <summary>The bearer token this client sends (a facilitator's access token or a participant token).</summary>
    public string? BearerToken { get; private set; }

    public void UseBearer(string token)
    {
        BearerToken = token;
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null) =>
        Http.PostAsync(url, body is null ? null : JsonContent.Create(body, options: Json));

    public Task<HttpResponseMessage> PatchAsync(string url, object body) => Http.PatchAsync(url, JsonContent.Create(body, options: Json));

    public Task<HttpResponseMessage> PostRawAsync(string url, string body, string contentType = "application/json") =>
        Http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, contentType));

    public async Task<T> GetOkAsync<T>(string url) => await ReadAsync<T>(await GetAsync(url), HttpStatusCode.OK);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException("Empty body.");
    }

    /// <summary>Registers a new facilitator, signs in with a bearer token and keeps it on this client.</summary>
    public async Task<string> SignUpFacilitatorAsync(string? email = null)
    {
        email ??= $"facilitator{Interlocked.Increment(ref accounts)}-{Guid.NewGuid():N}@example.org";
        const string password = "Correct-Horse-42";
        var registered = await PostAsync("/api/v1/account/register", new { email, password });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var login = await ReadAsync<JsonElement>(await PostAsync("/api/v1/account/login", new { email, password }), HttpStatusCode.OK);
        UseBearer(login.GetProperty("accessToken").GetString()!);
        return email;
    }

    public async Task<ConversationDetails> CreateConversationAsync(
        string topic = "How should our town spend its park budget?", object? settings = null, IReadOnlyList<string>? seeds = null) =>
        await ReadAsync<ConversationDetails>(
            await PostAsync("/api/v1/manage/conversations", new { topic, description = "Tell us **what matters** to you.", settings, seedStatements = seeds }),
            HttpStatusCode.Created);

    /// <summary>Joins as a participant and uses the returned token as this client's bearer token.</summary>
    public async Task<JoinResponse> JoinAsync(string conversationId, string? xid = null)
    {
        var response = await PostAsync($"/api/v1/conversations/{conversationId}/participants", xid is null ? new { } : new { xid });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var joined = await ReadAsync<JoinResponse>(response, response.StatusCode);
        UseBearer(joined.Token);
        return joined;
    }

    public void Dispose() => Http.Dispose();
}
