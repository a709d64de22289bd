using System.Text.Json.Nodes;

namespace Ingestion.Infrastructure.Tests;

[Collection(CompiledTemplatesGroup.Name)]
public sealed class SecretTests(CompiledTemplates templates)
{
    [Fact]
    public void No_output_of_any_template_or_module_carries_a_key_or_connection_string()
    {
        var outputs = AllTemplates(templates.Main.Json).Append(templates.BlobEventSubscription.Json)
            .SelectMany(template => template["outputs"]?.AsObject() ?? [])
            .ToList();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
        {
            var value = output.Value!["value"]!.ToJsonString();
            Assert.DoesNotContain("key", output.Key, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("connectionString", output.Key, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("connectionString", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("key", value, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Provisioning_reads_no_keys_and_writes_no_storage_connection_string()
    {
        Assert.DoesNotContain("listKeys", templates.MainText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", templates.MainText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature", templates.MainText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_subscription_reads_the_blobs_extension_key_only_into_its_webhook_url()
    {
        var listKeysCount = templates.BlobEventSubscriptionText.Split("listKeys(").Length - 1;
        var subscription = templates.BlobEventSubscription.ResourcesOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").Single();

        Assert.Equal(1, listKeysCount);
        Assert.Contains("listKeys(", subscription.Json["properties"]!["destination"]!["properties"]!["endpointUrl"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static IEnumerable<JsonObject> AllTemplates(JsonObject template) =>
        ArmTemplate.ResourcesOf(template)
            .Where(resource => (string?)resource["type"] == "Microsoft.Resources/deployments")
            .SelectMany(resource => AllTemplates(resource["properties"]!["template"]!.AsObject()))
            .Prepend(template);
}
