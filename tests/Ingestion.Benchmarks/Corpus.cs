using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ingestion.Core.Articles;
using Ingestion.Testing;

namespace Ingestion.Benchmarks;

/// <summary>Real articles: the evaluation corpus the repository carries (tests/eval) and sample-articles/.</summary>
public sealed partial class Corpus(IReadOnlyList<CorpusFile> files)
{
    public IReadOnlyList<CorpusFile> Files => files;

    public long Bytes => files.Sum(f => (long)f.Content.Length);

    public static Corpus Load()
    {
        var eval = Path.Combine(RepositoryPaths.EvalData, "articles");
        if (!Directory.Exists(eval))
        {
            throw new InvalidOperationException($"The evaluation corpus is missing: expected {eval}.");
        }

        var paths = Directory.EnumerateFiles(eval, "*.txt").Concat(Directory.EnumerateFiles(RepositoryPaths.SampleArticles)).Order(StringComparer.Ordinal);
        return new Corpus(paths.Select(path => new CorpusFile(Path.GetFileName(path), File.ReadAllBytes(path))).ToList());
    }

    /// <summary>Every file the reader accepts, read as the pipeline reads it (some samples are deliberately unreadable).</summary>
    public async Task<IReadOnlyList<Article>> ReadAsync(CancellationToken cancellationToken)
    {
        var reader = new ArticleReader(TimeProvider.System);
        var articles = new List<Article>();
        foreach (var file in files)
        {
            try
            {
                articles.Add(await reader.ReadAsync(new MemoryStream(file.Content), new ArticleBlobInfo(file.Name, null, DateTimeOffset.UtcNow), cancellationToken));
            }
            catch (ArticleFormatException)
            {
                // Not an article: the pipeline records it as failed without extracting.
            }
        }

        return articles;
    }

    /// <summary>The files in the text format, whose header date can be rewritten to spread events over many days.</summary>
    public IReadOnlyList<string> DatedTexts() =>
        files.Select(f => Encoding.UTF8.GetString(f.Content)).Where(text => HeaderDate().IsMatch(text)).ToList();

    public static string WithPublicationDate(string text, DateOnly date) =>
        HeaderDate().Replace(text, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 1);

    public static string WithoutHeader(string text) => Header().Replace(text, string.Empty, 1);

    [GeneratedRegex(@"(?<=\A\s*date )\d{4}-\d{2}-\d{2}")]
    private static partial Regex HeaderDate();

    [GeneratedRegex(@"\A\s*date \d{4}-\d{2}-\d{2}")]
    private static partial Regex Header();
}

public sealed record CorpusFile(string Name, byte[] Content);
