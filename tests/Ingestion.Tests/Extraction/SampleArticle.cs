using System.Globalization;

namespace Ingestion.Tests.Extraction;

/// <summary>An article in the project format: " date YYYY-MM-DD " then the body.</summary>
internal sealed record SampleArticle(DateOnly PublicationDate, string Text)
{
    private const string Marker = " date ";

    public static SampleArticle Read(string fileName)
    {
        var raw = File.ReadAllText(Path.Combine(RepositoryPaths.SampleArticles, fileName)).TrimStart('\uFEFF');
        var start = raw.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        var date = DateOnly.ParseExact(raw.AsSpan(start, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new SampleArticle(date, raw[(start + 11)..]);
    }
}
