using System.Text.Json.Nodes;
using Ingestion.Core;

namespace Ingestion.Infrastructure.Tests;

[Collection(CompiledTemplatesGroup.Name)]
public sealed class StorageTests(CompiledTemplates templates)
{
    private ArmTemplate Storage => templates.Main.Module("storage");

    [Fact]
    public void Account_accepts_only_Entra_ID_over_TLS_1_2_and_no_anonymous_reads()
    {
        var account = Storage.ResourcesOfType("Microsoft.Storage/storageAccounts").Single().Instances().Single();
        var properties = account["properties"]!;

        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
    }

    [Fact]
    public void Creates_the_container_queue_and_tables_Core_uses()
    {
        Assert.Contains(IngestionOptions.DefaultContainerName, ChildNames("Microsoft.Storage/storageAccounts/blobServices/containers"));
        Assert.Equal([IngestionOptions.DefaultParseQueueName, IngestionOptions.DefaultDeletedQueueName], ChildNames("Microsoft.Storage/storageAccounts/queueServices/queues"));
        Assert.Equal(
            [IngestionOptions.DefaultEventsTableName, IngestionOptions.DefaultArticlesTableName, "EventIndex", IngestionOptions.DefaultActorsTableName, IngestionOptions.DefaultMergedEventsTableName],
            ChildNames("Microsoft.Storage/storageAccounts/tableServices/tables"));
    }

    /// <summary>The last segment of each instance's name: account/default/child.</summary>
    private List<string> ChildNames(string type) =>
        [.. Storage.ResourcesOfType(type).SelectMany(resource => resource.Instances()).Select(instance => instance["name"]!.GetValue<string>().Split('/')[^1])];
}
