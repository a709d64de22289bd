namespace Ingestion.Core.Api;

/// <summary>The dashboard page, embedded in the assembly so both hosts serve the same file with no static-file setup.</summary>
internal static class Dashboard
{
    public static string Html { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(Dashboard).Assembly.GetManifestResourceStream("Ingestion.Core.Api.Dashboard.index.html")
            ?? throw new InvalidOperationException("The dashboard page is not embedded in Ingestion.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
