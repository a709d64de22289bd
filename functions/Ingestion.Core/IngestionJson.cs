using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingestion.Core;

/// <summary>The one JSON shape used for API responses, queue messages and JSON columns: camelCase, enums as camelCase strings.</summary>
public static class IngestionJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the shape to options a host owns (ASP.NET Core's JSON options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
