using Ingestion.Core;
using Ingestion.Functions;

namespace Ingestion.Infrastructure.Tests;

[Collection(CompiledTemplatesGroup.Name)]
public sealed class EventSubscriptionTests(CompiledTemplates templates)
{
    [Fact]
    public void Subscription_sends_only_BlobCreated_in_the_articles_container()
    {
        var filter = Subscription()["properties"]!["filter"]!;

        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter["includedEventTypes"]!.AsArray().Select(type => type!.GetValue<string>()));
        Assert.Equal($"/blobServices/default/containers/{IngestionOptions.DefaultContainerName}/", filter["subjectBeginsWith"]!.GetValue<string>());
    }

    [Fact]
    public void Subscription_delivers_to_the_blob_extension_webhook_of_the_blob_trigger()
    {
        var destination = Subscription()["properties"]!["destination"]!;
        var endpointUrl = destination["properties"]!["endpointUrl"]!.GetValue<string>();

        // The URL needs Azure to evaluate (host name, key): check its shape and what fills it.
        Assert.Equal("WebHook", destination["endpointType"]!.GetValue<string>());
        Assert.StartsWith("[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}', ", endpointUrl, StringComparison.Ordinal);
        Assert.Contains(", parameters('functionName'), listKeys(", endpointUrl, StringComparison.Ordinal);
        Assert.EndsWith(".systemKeys.blobs_extension)]", endpointUrl, StringComparison.Ordinal);

        // The hook passes main's output as functionName: it must name the Event Grid blob trigger.
        Assert.Equal(nameof(ReceiveArticle), templates.Main.Outputs["BLOB_TRIGGER_FUNCTION_NAME"]!.GetValue<string>());
    }

    [Fact]
    public void System_topic_publishes_the_storage_accounts_events()
    {
        var topic = templates.Main.Module("event-grid").ResourcesOfType("Microsoft.EventGrid/systemTopics").Single().Instances().Single();

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic["properties"]!["topicType"]!.GetValue<string>());
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", topic["properties"]!["source"]!.GetValue<string>());
    }

    private System.Text.Json.Nodes.JsonObject Subscription() =>
        templates.BlobEventSubscription.ResourcesOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").Single().Instances().Single();
}
