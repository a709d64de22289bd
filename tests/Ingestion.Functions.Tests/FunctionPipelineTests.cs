using System.Text;
using Azure.Storage.Queues;
using Ingestion.Core;
using Ingestion.Core.Api;
using Ingestion.Core.Pipeline;
using Ingestion.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Functions.Tests;

/// <summary>
/// The four functions called as the worker calls them, against Azurite: each one's effect is Core's, so this shows
/// they delegate, with the arguments the bindings give them, and that the queue message between them round-trips.
/// </summary>
public sealed class FunctionPipelineTests : IAsyncLifetime
{
    private const string ArticleName = "000_40f01add132810ba.txt";

    private readonly AzuriteFixture azurite = new();
    private FunctionsHost host = null!;

    private StorageClients Storage => host.Services.GetRequiredService<StorageClients>();

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        host = FunctionsHost.Create(new Dictionary<string, string?>(IngestionSettingNames.Defaults)
        {
            [IngestionSettingNames.StorageConnection] = azurite.ConnectionString,
        });
        await Storage.EnsureCreatedAsync(CancellationToken.None);
        await Storage.Articles.UploadBlobAsync(ArticleName, BinaryData.FromString(File.ReadAllText(Path.Combine(RepositoryPaths.SampleArticles, ArticleName))));
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Blob_trigger_queue_trigger_and_HTTP_functions_carry_an_article_through_Core()
    {
        await host.Function<ReceiveArticle>().RunAsync(Storage.Articles.GetBlobClient(ArticleName), CancellationToken.None);

        // Read the message as the host does: base64 per host.json, then bound by the worker's serializer.
        var message = (await new QueueClient(azurite.ConnectionString, Storage.ParseQueue.Name).ReceiveMessageAsync()).Value;
        Assert.Equal("base64", HostJson.Queues["messageEncoding"]!.GetValue<string>());
        var request = host.BindQueueMessage<ParseRequest>(BinaryData.FromBytes(Convert.FromBase64String(message.Body.ToString())));
        Assert.Equal(ArticleName, request.BlobName);

        await host.Function<ParseArticle>().RunAsync(request, message.DequeueCount, CancellationToken.None);

        var article = await host.Function<GetArticle>().RunAsync(Request(), ArticleName, CancellationToken.None);
        var details = Assert.IsType<Ok<ArticleDetails>>(article.Result).Value!;
        var record = details.Article;
        Assert.Equal(ArticleStatus.Processed, record.Status);
        Assert.Equal(record.EventCount, details.Events.Count);

        var events = await host.Function<GetEvents>().RunAsync(Request($"?from={record.Published}&to={record.Published}"), CancellationToken.None);
        var page = Assert.IsType<Ok<EventsResponse>>(events.Result).Value!;
        Assert.Contains(page.Events, e => e.Article.Name == ArticleName);
    }

    [Fact]
    public async Task Blob_deleted_event_from_the_queue_removes_the_articles_events()
    {
        var eTag = (await Storage.Articles.GetBlobClient(ArticleName).GetPropertiesAsync()).Value.ETag.ToString();
        await host.Function<ParseArticle>().RunAsync(new ParseRequest(ArticleName, eTag), 1, CancellationToken.None);
        await Storage.Articles.DeleteBlobAsync(ArticleName);

        // Event Grid writes one event per message, base64-encoded, in its own schema; the trigger binds its text.
        await Storage.DeletedQueue.SendMessageAsync($$"""
            {"id":"1","topic":"/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st","subject":"/blobServices/default/containers/{{IngestionOptions.DefaultContainerName}}/blobs/{{ArticleName}}","eventType":"Microsoft.Storage.BlobDeleted","eventTime":"2026-12-02T12:00:00Z","data":{"api":"DeleteBlob","blobType":"BlockBlob"},"dataVersion":"","metadataVersion":"1"}
            """);
        var message = (await new QueueClient(azurite.ConnectionString, Storage.DeletedQueue.Name).ReceiveMessageAsync()).Value;
        await host.Function<RemoveDeletedArticle>().RunAsync(Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString())), CancellationToken.None);

        var article = await host.Function<GetArticle>().RunAsync(Request(), ArticleName, CancellationToken.None);
        var details = Assert.IsType<Ok<ArticleDetails>>(article.Result).Value!;
        Assert.Equal(ArticleStatus.Deleted, details.Article.Status);
        Assert.Empty(details.Events);
        await foreach (var _ in Storage.EventsTable.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            Assert.Fail("An event of the deleted article is left.");
        }
    }

    [Fact]
    public async Task GetArticle_answers_404_for_an_article_never_received()
    {
        var result = await host.Function<GetArticle>().RunAsync(Request(), "never-uploaded.txt", CancellationToken.None);

        Assert.IsType<NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>(result.Result);
    }

    private static HttpRequest Request(string query = "") =>
        new DefaultHttpContext { Request = { QueryString = new QueryString(query) } }.Request;
}
