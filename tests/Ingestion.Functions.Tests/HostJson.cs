using System.Text.Json.Nodes;

namespace Ingestion.Functions.Tests;

/// <summary>The app's host.json, copied next to the tests.</summary>
internal static class HostJson
{
    private static readonly JsonNode Root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))!;

    public static JsonNode Queues => Root["extensions"]!["queues"]!;
}
