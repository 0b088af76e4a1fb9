using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Deliberation.Api.Features.Exchange;
using Deliberation.Api.Tests.Infrastructure;
using Deliberation.Data;
using Deliberation.Tests.Shared;

namespace Deliberation.Api.Tests.Exchange;

/// <summary>An import may be far larger than an ordinary request body, up to its own limit.</summary>
public sealed class ImportLimitTests(ImportLimitTests.SmallImportLimit small, SqliteAppFixture normal)
    : IClassFixture<ImportLimitTests.SmallImportLimit>, IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task An_export_larger_than_the_ordinary_body_limit_imports()
    {
        var zip = ZipOf(Fixtures.Polis("vtaiwan.uberx"));
        Assert.True(zip.Length > 262_144, $"the zip has {zip.Length} bytes");
        using var facilitator = normal.App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();

        var imported = await ApiClient.ReadAsync<ImportResponse>(await facilitator.Http.PostAsync("/api/v1/manage/conversations/import", Body(zip)), HttpStatusCode.Created);
        Assert.Equal(49_997, imported.VoteEvents);
    }

    [Fact]
    public async Task An_export_over_the_import_limit_is_a_413()
    {
        using var facilitator = small.App.Anonymous();
        await facilitator.SignUpFacilitatorAsync();
        var response = await facilitator.Http.PostAsync("/api/v1/manage/conversations/import", Body(ZipOf(Fixtures.Polis("brexit-consensus"))));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    private static ByteArrayContent Body(byte[] zip)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
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

    public sealed class SmallImportLimit() : AppFixture(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Limits:MaxImportBytes"] = "10000" });
}
