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

    [Fact]
    public void BlobDeleted_in_the_articles_container_goes_to_the_queue_the_deletion_function_reads_as_the_topics_identity()
    {
        var eventGrid = templates.Main.Module("event-grid");
        var subscription = eventGrid.ResourcesOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").Single().Instances().Single();
        var properties = subscription["properties"]!;
        var delivery = properties["deliveryWithResourceIdentity"]!;
        var destination = delivery["destination"]!;

        Assert.Equal(["Microsoft.Storage.BlobDeleted"], properties["filter"]!["includedEventTypes"]!.AsArray().Select(type => type!.GetValue<string>()));
        Assert.Equal($"/blobServices/default/containers/{IngestionOptions.DefaultContainerName}/", properties["filter"]!["subjectBeginsWith"]!.GetValue<string>());
        Assert.Equal("SystemAssigned", delivery["identity"]!["type"]!.GetValue<string>());
        Assert.Equal("StorageQueue", destination["endpointType"]!.GetValue<string>());
        // The queue main creates and the app reads (a test checks the app setting against Core's default).
        Assert.Equal(IngestionOptions.DefaultDeletedQueueName, destination["properties"]!["queueName"]!.GetValue<string>());
        Assert.Equal(-1, destination["properties"]!["queueMessageTimeToLiveInSeconds"]!.GetValue<int>());

    }

    [Fact]
    public void System_topic_may_only_send_messages_to_the_deleted_blobs_queue()
    {
        var eventGrid = templates.Main.Module("event-grid");
        var topic = eventGrid.ResourcesOfType("Microsoft.EventGrid/systemTopics").Single().Instances().Single();
        var assignment = Assert.Single(eventGrid.ResourcesOfType("Microsoft.Authorization/roleAssignments"));
        var properties = assignment.Instances().Single()["properties"]!;

        Assert.Equal("SystemAssigned", topic["identity"]!["type"]!.GetValue<string>());
        Assert.EndsWith("/c6a89b2d-59bc-44d0-9896-0f6e12d7b80a", properties["roleDefinitionId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.EventGrid/systemTopics", properties["principalId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Storage/storageAccounts/queueServices/queues", (string)assignment.Json["scope"]!, StringComparison.Ordinal);
    }

    private System.Text.Json.Nodes.JsonObject Subscription() =>
        templates.BlobEventSubscription.ResourcesOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").Single().Instances().Single();
}
