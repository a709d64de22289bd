using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Ingestion.Core;
using Ingestion.Functions;

namespace Ingestion.Infrastructure.Tests;

[Collection(CompiledTemplatesGroup.Name)]
public sealed class FunctionAppTests(CompiledTemplates templates)
{
    private ArmTemplate Functions => templates.Main.Module("functions");

    [Fact]
    public void Plan_is_Flex_Consumption()
    {
        var plan = Functions.ResourcesOfType("Microsoft.Web/serverfarms").Single().Instances().Single();

        Assert.Equal("FC1", plan["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan["sku"]!["tier"]!.GetValue<string>());
        Assert.True(plan["properties"]!["reserved"]!.GetValue<bool>());
    }

    [Fact]
    public void Runtime_is_the_isolated_worker_on_the_framework_the_app_targets()
    {
        var config = Site()["properties"]!["functionAppConfig"]!;
        var targetFramework = new FrameworkName(typeof(ReceiveArticle).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);

        Assert.Equal("dotnet-isolated", config["runtime"]!["name"]!.GetValue<string>());
        Assert.Equal(".NETCoreApp", targetFramework.Identifier);
        Assert.Equal(targetFramework.Version.ToString(2), config["runtime"]!["version"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", config["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Cors_origins_come_from_the_deployment_parameter_and_default_to_none()
    {
        var module = templates.Main.ResourcesOfType("Microsoft.Resources/deployments").Single(deployment => (string?)deployment.Json["name"] == "functions");

        Assert.Equal("[parameters('allowedOrigins')]", module.Json["properties"]!["parameters"]!["allowedOrigins"]!["value"]!.GetValue<string>());
        Assert.Equal("[]", Site()["properties"]!["siteConfig"]!["cors"]!["allowedOrigins"]!.ToJsonString());
    }

    [Fact]
    public void Runs_as_the_user_assigned_identity_over_HTTPS_only_tagged_for_azd()
    {
        var site = Site();

        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        Assert.True(site["properties"]!["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("ingestion", site["tags"]!["azd-service-name"]!.GetValue<string>());
    }

    [Fact]
    public void Settings_name_every_Ingestion_setting_Core_reads_with_the_values_the_storage_module_creates()
    {
        var settings = AppSettings();
        var expected = IngestionSettingNames.Defaults
            .Where(setting => setting.Key.StartsWith(IngestionSettingNames.Section + ":", StringComparison.Ordinal))
            .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value);

        Assert.NotEmpty(expected);
        var actual = settings
            .Where(setting => setting.Key.StartsWith(IngestionSettingNames.Section + "__", StringComparison.Ordinal))
            .ToDictionary(setting => setting.Key, setting => setting.Value?.GetValue<string>());
        Assert.Equal(expected.OrderBy(pair => pair.Key), actual.OrderBy(pair => pair.Key));
    }

    [Fact]
    public void Storage_connection_is_identity_based_with_every_service_uri()
    {
        var settings = AppSettings();
        var prefix = IngestionSettingNames.StorageConnection + "__";

        Assert.Equal("managedidentity", settings[prefix + "credential"]!.GetValue<string>());
        Assert.Contains(".outputs.clientId.value", settings[prefix + "clientId"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Contains($"primaryEndpoints.{service}", settings[$"{prefix}{service}ServiceUri"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // No plain AzureWebJobsStorage: that would be a connection string.
        Assert.DoesNotContain(IngestionSettingNames.StorageConnection, settings.Keys);
    }

    [Fact]
    public void Telemetry_authenticates_with_the_app_identity()
    {
        var settings = AppSettings();

        var authentication = settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]!.GetValue<string>();
        Assert.StartsWith("ClientId=[reference(", authentication, StringComparison.Ordinal);
        Assert.EndsWith("'identity'), '2025-04-01').outputs.clientId.value];Authorization=AAD", authentication, StringComparison.Ordinal);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings.Keys);

        var component = templates.Main.Module("monitoring").ResourcesOfType("Microsoft.Insights/components").Single().Instances().Single();
        Assert.True(component["properties"]!["DisableLocalAuth"]!.GetValue<bool>());
    }

    [Fact]
    public void Entra_sign_in_is_a_parameter_off_by_default_that_requires_sign_in_on_every_route()
    {
        var module = templates.Main.ResourcesOfType("Microsoft.Resources/deployments").Single(deployment => (string?)deployment.Json["name"] == "functions");
        var auth = Functions.ResourcesOfType("Microsoft.Web/sites/config").Single(resource => resource.Json["condition"] is not null).Json;
        var properties = auth["properties"]!;
        var entra = properties["identityProviders"]!["azureActiveDirectory"]!;

        Assert.Equal("[parameters('entraClientId')]", module.Json["properties"]!["parameters"]!["entraClientId"]!["value"]!.GetValue<string>());
        Assert.Equal("", templates.Main.Json["parameters"]!["entraClientId"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("[not(empty(parameters('entraClientId')))]", auth["condition"]!.GetValue<string>());
        Assert.EndsWith("'authsettingsV2')]", auth["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(properties["platform"]!["enabled"]!.GetValue<bool>());
        Assert.True(properties["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("azureactivedirectory", properties["globalValidation"]!["redirectToProvider"]!.GetValue<string>());
        Assert.Equal("[parameters('entraClientId')]", entra["registration"]!["clientId"]!.GetValue<string>());
        Assert.Contains("parameters('entraTenantId')", entra["registration"]!["openIdIssuer"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private JsonObject Site() => Functions.ResourcesOfType("Microsoft.Web/sites").Single().Instances().Single();

    private Dictionary<string, JsonNode?> AppSettings()
    {
        var config = Functions.ResourcesOfType("Microsoft.Web/sites/config").Single(resource => resource.Json["condition"] is null).Instances().Single();
        Assert.EndsWith("/appsettings", config["name"]!.GetValue<string>(), StringComparison.Ordinal);
        return config["properties"]!.AsObject().ToDictionary(setting => setting.Key, setting => setting.Value);
    }
}
