using System.Text;
using Azure.Storage.Blobs.Models;
using Ingestion.Core.Pipeline;
using Ingestion.Testing;

namespace Ingestion.Benchmarks;

/// <summary>
/// Core's services on their own container and tables in the run's Azurite, with real articles uploaded under
/// publication dates spread over ten years, so their events land in many partitions.
/// </summary>
public sealed class PipelineRig(CoreServices core, TestStorage storage) : IAsyncDisposable
{
    private static readonly DateOnly FirstDate = new(2015, 1, 1);

    public CoreServices Core => core;

    public TestStorage Storage => storage;

    /// <param name="settings">Settings over the test defaults, such as a raised article size limit.</param>
    public static async Task<PipelineRig> CreateAsync(BenchmarkContext context, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var storage = new TestStorage(await context.AzuriteAsync());
        storage.Settings["Logging:LogLevel:Default"] = "Warning"; // a log line per article would be timed too
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            storage.Settings[key] = value;
        }

        return new PipelineRig(await CoreServices.CreateAsync(storage), storage);
    }

    /// <summary>Uploads <paramref name="count"/> articles cycled from the corpus, each with its own publication date, and records them as received.</summary>
    public async Task<IReadOnlyList<ParseRequest>> UploadAsync(IReadOnlyList<string> texts, int count, int parallelism, TextWriter output, CancellationToken cancellationToken)
    {
        var requests = new ParseRequest[count];
        using var progress = new Progress(output, "upload", count);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options(parallelism, cancellationToken), async (i, token) =>
        {
            var name = $"bench-{i:D7}.txt";
            var text = Corpus.WithPublicationDate(texts[i % texts.Count], FirstDate.AddDays(i * 7 % 3653));
            var response = await core.Get<Core.Storage.StorageClients>().Articles.GetBlobClient(name)
                .UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(text)), new BlobUploadOptions(), token);
            // What the intake records before it enqueues; the parse stage reads it when it claims the article.
            await core.Get<Core.Storage.ArticleRepository>().TryRecordReceivedAsync(name, response.Value.ETag.ToString(), seen: null, token);
            requests[i] = new ParseRequest(name, response.Value.ETag.ToString());
            progress.Add(1);
        });
        return requests;
    }

    /// <summary>Parses and writes the articles as the queue trigger would, several at once.</summary>
    public async Task ProcessAsync(IEnumerable<ParseRequest> requests, int parallelism, Progress? progress, CancellationToken cancellationToken)
    {
        var processor = core.Get<ArticleProcessor>();
        await Parallel.ForEachAsync(requests, Options(parallelism, cancellationToken), async (request, token) =>
        {
            await processor.ProcessAsync(request, dequeueCount: 1, token);
            progress?.Add(1);
        });
    }

    public static ParallelOptions Options(int parallelism, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };

    public ValueTask DisposeAsync() => core.DisposeAsync();
}
