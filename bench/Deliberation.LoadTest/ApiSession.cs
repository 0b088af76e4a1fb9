using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Deliberation.LoadTest;

/// <summary>Thin HTTP calls of the public API, shared by every simulated participant (one connection pool).</summary>
public sealed class ApiSession(HttpClient http)
{
    public async Task<string> SignUpFacilitatorAsync()
    {
        var email = $"load-{Guid.NewGuid():N}@example.org";
        const string password = "Load-Test-Password-1";
        (await http.PostAsJsonAsync("/api/v1/account/register", new { email, password })).EnsureSuccessStatusCode();
        var login = await (await http.PostAsJsonAsync("/api/v1/account/login", new { email, password })).Content.ReadFromJsonAsync<JsonElement>();
        return login.GetProperty("accessToken").GetString()!;
    }

    public async Task<(string Id, long[] Statements)> CreateConversationAsync(string facilitatorToken, int statements)
    {
        var seeds = Enumerable.Range(1, statements).Select(i => $"Load test proposal number {i}: we should do thing {i}").ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/manage/conversations")
        {
            Content = JsonContent.Create(new { topic = "Load test", seedStatements = seeds }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", facilitatorToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var ids = new List<long>();
        long? after = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}/statements?limit=1000{(after is null ? "" : $"&after={after}")}");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Number ? page.GetProperty("nextAfter").GetInt64() : null;
        }
        while (after is not null);
        return (id, ids.ToArray());
    }

    public async Task<string> JoinAsync(string conversationId)
    {
        using var response = await http.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/participants", new { });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<VoteAck> VoteAsync(string conversationId, string token, long statementId, string value, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversationId}/votes")
        {
            Content = JsonContent.Create(new { statementId, value }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new VoteAck(false, (int)response.StatusCode, 0, null);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var next = body.GetProperty("next");
        return new VoteAck(true, 200, body.GetProperty("eventId").GetInt64(), next.ValueKind == JsonValueKind.Object ? next.GetProperty("id").GetInt64() : null);
    }

    public async Task<bool> WriteAsync(string conversationId, string token, string text, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversationId}/statements")
        {
            Content = JsonContent.Create(new { text }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public async Task<long> FirstStatementAsync(string conversationId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/conversations/{conversationId}/next");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var next = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("next");
        return next.ValueKind == JsonValueKind.Object ? next.GetProperty("id").GetInt64() : 0;
    }

    /// <summary>Size in bytes of what a results push carries now (the REST view without its statement table).</summary>
    public async Task<(long Tick, int Bytes)> PushSizeAsync(string conversationId)
    {
        var view = await http.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}/results");
        var compact = JsonSerializer.SerializeToNode(view)!.AsObject();
        compact["statements"] = null;
        return (view.GetProperty("tick").GetInt64(), System.Text.Encoding.UTF8.GetByteCount(compact.ToJsonString()));
    }
}

public readonly record struct VoteAck(bool Ok, int Status, long EventId, long? Next);
