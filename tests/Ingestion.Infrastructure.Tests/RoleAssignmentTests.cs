namespace Ingestion.Infrastructure.Tests;

[Collection(CompiledTemplatesGroup.Name)]
public sealed class RoleAssignmentTests(CompiledTemplates templates)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [Fact]
    public void App_identity_gets_exactly_the_storage_data_and_metrics_publisher_roles_on_their_resources()
    {
        var appAssignments = Assignments().Where(assignment => assignment.PrincipalType == "ServicePrincipal").ToList();

        (string, string)[] expected =
        [
            (StorageBlobDataOwner, "Microsoft.Storage/storageAccounts"),
            (StorageQueueDataContributor, "Microsoft.Storage/storageAccounts"),
            (StorageTableDataContributor, "Microsoft.Storage/storageAccounts"),
            (MonitoringMetricsPublisher, "Microsoft.Insights/components"),
        ];
        Assert.Equal(
            expected.Order(),
            appAssignments.Select(assignment => (assignment.RoleDefinitionId, assignment.ScopeType)).Order());

        // One principal, the user-assigned identity's.
        var principal = Assert.Single(appAssignments.Select(assignment => assignment.PrincipalId).Distinct());
        Assert.Contains("'identity'", principal, StringComparison.Ordinal);
        Assert.Contains(".outputs.principalId.value", principal, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_deploying_user_gets_a_role_besides_the_app_and_only_blob_data_contributor()
    {
        var userAssignment = Assert.Single(Assignments(), assignment => assignment.PrincipalType != "ServicePrincipal");

        Assert.Equal("User", userAssignment.PrincipalType);
        Assert.Equal("ba92f5b4-2d11-453d-a403-e96b0029c9fe", userAssignment.RoleDefinitionId);
    }

    private IEnumerable<Assignment> Assignments() =>
        templates.Main.Module("rbac").ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .SelectMany(resource => resource.Instances().Select(instance => new Assignment(
                RoleDefinitionId(instance["properties"]!["roleDefinitionId"]!.GetValue<string>()),
                ScopeType((string)resource.Json["scope"]!),
                instance["properties"]!["principalId"]!.GetValue<string>(),
                instance["properties"]!["principalType"]!.GetValue<string>())));

    /// <summary>The built-in role's GUID from its subscription-level resource id.</summary>
    private static string RoleDefinitionId(string resourceId)
    {
        const string prefix = "/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/";
        Assert.StartsWith(prefix, resourceId, StringComparison.Ordinal);
        return resourceId[prefix.Length..];
    }

    /// <summary>The resource type a scope expression names; a role assignment without scope applies to the resource group.</summary>
    private static string ScopeType(string? scope) =>
        scope is null ? "resourceGroup" : System.Text.RegularExpressions.Regex.Match(scope, @"resourceId\('([^']+)'").Groups[1].Value;

    private sealed record Assignment(string RoleDefinitionId, string ScopeType, string PrincipalId, string PrincipalType);
}
