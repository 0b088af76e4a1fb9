using System.Text.Json;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Tests.Infrastructure;

namespace Deliberation.Api.Tests.Exchange;

/// <summary>The researcher endpoints are described in the OpenAPI document, and their error kinds in docs/api.md.</summary>
public sealed class ResearchDocumentationTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Theory]
    [InlineData("/api/v1/manage/conversations/{conversationId}/export")]
    [InlineData("/api/v1/manage/conversations/{conversationId}/export/{file}")]
    [InlineData("/api/v1/conversations/{conversationId}/export")]
    [InlineData("/api/v1/manage/conversations/import")]
    [InlineData("/api/v1/manage/conversations/{conversationId}/data/votes")]
    [InlineData("/api/v1/conversations/{conversationId}/data/statements")]
    [InlineData("/api/v1/conversations/{conversationId}/statements/similar")]
    [InlineData("/api/v1/manage/conversations/{conversationId}/statements/near-duplicates")]
    [InlineData("/api/v1/conversations/{conversationId}/topics")]
    public async Task The_route_is_in_the_openapi_document(string route)
    {
        using var client = fixture.App.Anonymous();
        using var document = JsonDocument.Parse(await client.Http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty(route, out _) || paths.TryGetProperty(route.TrimEnd('/') + "/", out _), $"{route} is not in the OpenAPI document");
    }

    [Fact]
    public void The_new_problem_types_are_documented()
    {
        string docs = File.ReadAllText(Path.Combine(Deliberation.Tests.Shared.Fixtures.PolisRoot, "..", "..", "..", "docs", "api.md"));
        foreach (var type in new[] { ProblemType.InvalidExport, ProblemType.NotOpenData })
        {
            Assert.Contains($"`{type.Uri}`", docs, StringComparison.Ordinal);
        }
    }
}
