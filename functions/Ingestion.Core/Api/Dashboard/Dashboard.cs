using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Ingestion.Core.Api;

/// <summary>One file of the dashboard: its bytes, content type and entity tag.</summary>
internal sealed record DashboardFile(byte[] Content, string ContentType, EntityTagHeaderValue ETag);

/// <summary>
/// The dashboard's page, modules, styles and vendored libraries, embedded in the assembly (see the Core project
/// file: the libraries come from node_modules at build time) so both hosts serve the same files with no static-file
/// setup and the browser loads nothing from elsewhere.
/// </summary>
internal static class Dashboard
{
    private const string Prefix = "Ingestion.Core.Api.Dashboard.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, DashboardFile> Files = Load();

    public static DashboardFile Page => Files["index.html"];

    /// <summary>A file by its path under the dashboard (<c>app.js</c>, <c>vendor/leaflet.js</c>), or null.</summary>
    public static DashboardFile? Find(string path) => Files.GetValueOrDefault(path);

    private static FrozenDictionary<string, DashboardFile> Load()
    {
        var assembly = typeof(Dashboard).Assembly;
        var files = new Dictionary<string, DashboardFile>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var content = memory.ToArray();
            var path = resource[Prefix.Length..];
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12))}\"");
            files[path] = new DashboardFile(content, ContentTypes[Path.GetExtension(path)], etag);
        }

        return files.ContainsKey("index.html")
            ? files.ToFrozenDictionary(StringComparer.Ordinal)
            : throw new InvalidOperationException("The dashboard page is not embedded in Ingestion.Core.");
    }
}
