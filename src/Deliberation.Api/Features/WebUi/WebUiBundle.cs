using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;

namespace Deliberation.Api.Features.WebUi;

/// <summary>The built front end in wwwroot/app (next to the app when published, in the project when run from source).</summary>
public sealed class WebUiBundle : IDisposable
{
    private readonly PhysicalFileProvider? provider;

    public WebUiBundle(IWebHostEnvironment environment)
    {
        Folder = Path.Combine(environment.ContentRootPath, "wwwroot", "app");
        provider = Directory.Exists(Folder) ? new PhysicalFileProvider(Folder) : null;
    }

    public string Folder { get; }

    public IFileProvider Files => (IFileProvider?)provider ?? new NullFileProvider();

    /// <summary>One of the bundle's top-level files, by a name of ours (never from the request).</summary>
    public IFileInfo Get(string name) => new PhysicalFileInfo(new FileInfo(Path.Combine(Folder, name)));

    public void Dispose() => provider?.Dispose();
}
