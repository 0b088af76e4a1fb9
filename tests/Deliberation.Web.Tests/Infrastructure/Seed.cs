using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>Sets the scene through the API (faster than clicking), as a facilitator with a bearer token.</summary>
public sealed class Seed(WebApp app) : IDisposable
{
    public const string Password = "Correct-Horse-42";

    private readonly HttpClient http = new() { BaseAddress = app.BaseAddress };

    public static string NewEmail() => $"facilitator-{Guid.NewGuid():N}@example.org";

    public async Task<string> SignUpAsync(string? email = null)
    {
        email ??= NewEmail();
        (await http.PostAsJsonAsync("/api/v1/account/register", new { email, password = Password })).EnsureSuccessStatusCode();
        var login = await http.PostAsJsonAsync("/api/v1/account/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return email;
    }

    public async Task<string> CreateConversationAsync(string topic, IReadOnlyList<string> seeds, object? settings = null, string description = "Tell us **what matters** to you.")
    {
        var response = await http.PostAsJsonAsync("/api/v1/manage/conversations", new { topic, description, settings, seedStatements = seeds });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task PostAsync(string url, object? body = null) =>
        (await http.PostAsJsonAsync(url, body ?? new { })).EnsureSuccessStatusCode();

    public async Task PatchAsync(string url, object body) =>
        (await http.PatchAsJsonAsync(url, body)).EnsureSuccessStatusCode();

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A participant of its own (a fresh client) joins and writes a statement.</summary>
    public async Task WriteAsParticipantAsync(string conversationId, string text)
    {
        using var participant = new HttpClient { BaseAddress = app.BaseAddress };
        var join = await participant.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/participants", new { });
        join.EnsureSuccessStatusCode();
        var token = (await join.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        participant.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await participant.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/statements", new { text })).EnsureSuccessStatusCode();
    }

    public void Dispose() => http.Dispose();
}
