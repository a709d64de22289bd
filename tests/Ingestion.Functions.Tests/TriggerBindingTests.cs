using System.Reflection;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Ingestion.Core;
using Ingestion.Core.Api;
using Ingestion.Core.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Ingestion.Functions.Tests;

/// <summary>What the host reads from the attributes: names, trigger sources, setting expressions, routes.</summary>
public sealed partial class TriggerBindingTests
{
    private static IReadOnlyList<Type> FunctionClasses => FunctionsHost.FunctionClasses;

    /// <summary>The routes Core's API declares (its <c>…Route</c> constants), which the local host maps too.</summary>
    private static readonly string[] CoreRoutes = typeof(IngestionApi).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.Name.EndsWith("Route", StringComparison.Ordinal))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    /// <summary>Every HTTP function but the dashboard's static files, which need no key (their own test says why).</summary>
    public static TheoryData<Type> KeyedHttpFunctions => [.. FunctionClasses.Where(IsHttpFunction).Where(type => type != typeof(GetDashboardFile))];

    [Fact]
    public void ReceiveArticle_is_an_Event_Grid_blob_trigger_on_the_configured_container_binding_a_client()
    {
        var (parameter, trigger) = Trigger<BlobTriggerAttribute>(typeof(ReceiveArticle));

        Assert.Equal(BlobTriggerSource.EventGrid, trigger.Source);
        Assert.Equal("%Ingestion:ContainerName%/{name}", trigger.BlobPath);
        Assert.Equal(IngestionSettingNames.StorageConnection, trigger.Connection);
        // A client reads nothing: the content is left to the parse stage.
        Assert.Equal(typeof(BlobClient), parameter.ParameterType);
    }

    [Fact]
    public void ParseArticle_is_a_queue_trigger_on_the_configured_queue_with_the_dequeue_count()
    {
        var (parameter, trigger) = Trigger<QueueTriggerAttribute>(typeof(ParseArticle));
        var parameters = RunMethod(typeof(ParseArticle)).GetParameters();

        Assert.Equal("%Ingestion:ParseQueueName%", trigger.QueueName);
        Assert.Equal(IngestionSettingNames.StorageConnection, trigger.Connection);
        Assert.Equal(typeof(ParseRequest), parameter.ParameterType);
        // Bound by name from the queue trigger's binding data.
        Assert.Contains(parameters, p => p.Name == "dequeueCount" && p.ParameterType == typeof(long));
    }

    [Fact]
    public void RemoveDeletedArticle_is_a_queue_trigger_on_the_queue_Event_Grid_delivers_BlobDeleted_to_binding_its_text()
    {
        var (parameter, trigger) = Trigger<QueueTriggerAttribute>(typeof(RemoveDeletedArticle));

        Assert.Equal("%Ingestion:DeletedQueueName%", trigger.QueueName);
        Assert.Equal(IngestionSettingNames.StorageConnection, trigger.Connection);
        Assert.Equal(typeof(string), parameter.ParameterType);
    }

    [Fact]
    public void SweepStalledArticles_runs_every_five_minutes_but_not_on_start()
    {
        var (parameter, trigger) = Trigger<TimerTriggerAttribute>(typeof(SweepStalledArticles));

        Assert.Equal("0 */5 * * * *", trigger.Schedule);
        // A start-up run on every scale-out instance would only repeat the same sweep.
        Assert.False(trigger.RunOnStartup);
        Assert.Equal(typeof(TimerInfo), parameter.ParameterType);
    }

    [Fact]
    public void Every_function_class_is_found()
    {
        Assert.Equal(
            ["GetArticle", "GetDashboard", "GetDashboardFile", "GetEventSummary", "GetEvents", "GetHealth", "GetLatestEventDate", "GetMergedEvent", "GetOpenApiDocument", "ListArticles", "ParseArticle", "ReceiveArticle", "RemoveDeletedArticle", "SearchActors", "SearchPlaces", "SweepStalledArticles"],
            FunctionClasses.Select(type => type.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(KeyedHttpFunctions))]
    public void Http_functions_serve_a_Core_route_with_GET_behind_a_function_key(Type function)
    {
        var (parameter, trigger) = Trigger<HttpTriggerAttribute>(function);

        Assert.Equal(AuthorizationLevel.Function, trigger.AuthLevel);
        Assert.Equal(["get"], trigger.Methods!);
        Assert.Contains(trigger.Route, CoreRoutes);
        Assert.Equal(typeof(HttpRequest), parameter.ParameterType);
    }

    [Fact]
    public void Every_Core_route_is_served_by_one_http_function()
    {
        Assert.NotEmpty(CoreRoutes);
        Assert.Equal(
            CoreRoutes.Order(StringComparer.Ordinal),
            FunctionClasses.Where(IsHttpFunction).Select(type => Trigger<HttpTriggerAttribute>(type).Trigger.Route).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dashboard_files_need_no_key_because_module_imports_cannot_carry_one()
    {
        var (_, trigger) = Trigger<HttpTriggerAttribute>(typeof(GetDashboardFile));

        Assert.Equal(AuthorizationLevel.Anonymous, trigger.AuthLevel);
        Assert.Equal(["get"], trigger.Methods!);
        Assert.Equal(IngestionApi.DashboardFileRoute, trigger.Route);
    }

    [Fact]
    public void Every_function_is_named_after_its_class_and_takes_a_cancellation_token_unless_it_serves_content_from_memory()
    {
        Type[] fromMemory = [typeof(GetDashboard), typeof(GetDashboardFile), typeof(GetOpenApiDocument)];
        Assert.All(FunctionClasses, type =>
        {
            var method = RunMethod(type);
            Assert.Equal(type.Name, method.GetCustomAttribute<FunctionAttribute>()!.Name);
            Assert.Equal(!fromMemory.Contains(type), method.GetParameters()[^1].ParameterType == typeof(CancellationToken));
        });
    }

    [Fact]
    public void Every_setting_a_binding_expression_names_has_a_default_in_Core()
    {
        var expressions = FunctionClasses
            .SelectMany(type => RunMethod(type).GetParameters())
            .SelectMany(parameter => parameter.GetCustomAttributes().OfType<BindingAttribute>())
            .SelectMany(attribute => attribute.GetType().GetProperties().Where(property => property.PropertyType == typeof(string)).Select(property => (string?)property.GetValue(attribute)))
            .SelectMany(value => SettingExpression().Matches(value ?? "").Select(match => match.Groups[1].Value))
            .ToList();

        Assert.Equal([IngestionSettingNames.ContainerName, IngestionSettingNames.DeletedQueueName, IngestionSettingNames.ParseQueueName], expressions.Order(StringComparer.Ordinal));
        Assert.All(expressions, setting => Assert.Contains(setting, IngestionSettingNames.Defaults.Keys));
    }

    private static bool IsHttpFunction(Type type) => RunMethod(type).GetParameters().Any(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null);

    private static MethodInfo RunMethod(Type type) => Assert.Single(type.GetMethods(), method => method.GetCustomAttribute<FunctionAttribute>() is not null);

    private static (ParameterInfo Parameter, TAttribute Trigger) Trigger<TAttribute>(Type type)
        where TAttribute : Attribute
    {
        var parameter = Assert.Single(RunMethod(type).GetParameters(), parameter => parameter.GetCustomAttribute<TAttribute>() is not null);
        return (parameter, parameter.GetCustomAttribute<TAttribute>()!);
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingExpression();
}
