using Ingestion.Core.Articles;
using Ingestion.Core.Extraction;
using Ingestion.Tests.Extraction;

namespace Ingestion.Tests.Geo;

/// <summary>The articles the geocoding test set was drawn from (sample-articles and tests/eval/articles), read and extracted once.</summary>
internal static class GeoArticles
{
    private static readonly Dictionary<string, ExtractionResult> Extracted = new(StringComparer.Ordinal);

    public static string PathOf(string name)
    {
        var sample = Path.Combine(RepositoryPaths.Root, "sample-articles", name);
        return File.Exists(sample) ? sample : Path.Combine(RepositoryPaths.EvalData, "articles", name);
    }

    public static ExtractionResult Extract(string name)
    {
        lock (Extracted)
        {
            if (!Extracted.TryGetValue(name, out var result))
            {
                using var stream = File.OpenRead(PathOf(name));
                var article = new ArticleReader(TimeProvider.System)
                    .ReadAsync(stream, new ArticleBlobInfo(name, null, DateTimeOffset.UnixEpoch), CancellationToken.None).GetAwaiter().GetResult();
                Extracted[name] = result = RuleBasedEventExtractor.Shared.Extract(article.Body, article.PublishedOn);
            }

            return result;
        }
    }
}
