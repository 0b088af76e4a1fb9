using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Deliberation.Api.Configuration;

/// <summary>
/// The repository's single appsettings.json is linked into the build output, so the app finds it next to its
/// binaries whether started from source (<c>dotnet run</c>) or from a published folder. It goes first, so that
/// environment-specific files, environment variables and the command line override it as usual in ASP.NET Core.
/// </summary>
public static class RootSettingsFile
{
    public const string FileName = "appsettings.json";

    public static IHostApplicationBuilder AddRootSettingsFile(this IHostApplicationBuilder builder)
    {
        var folder = AppContext.BaseDirectory;
        if (!File.Exists(Path.Combine(folder, FileName)))
        {
            return builder;
        }

        var sources = builder.Configuration.Sources;

        // The content root may hold its own appsettings.json (a published folder is both); don't read it twice.
        var contentRootCopy = sources.OfType<JsonConfigurationSource>()
            .FirstOrDefault(s => s.Path == FileName && s.FileProvider is PhysicalFileProvider p
                && Path.GetFullPath(p.Root) == Path.GetFullPath(folder + Path.DirectorySeparatorChar));
        if (contentRootCopy is not null)
        {
            return builder;
        }

        var source = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = false,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(folder),
        };
        sources.Insert(0, source);
        return builder;
    }
}
