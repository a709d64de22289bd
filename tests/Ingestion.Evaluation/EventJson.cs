using System.Text.Json.Nodes;
using Ingestion.Core.Extraction;

namespace Ingestion.Evaluation;

/// <summary>An extracted event whole, for --output: trigger span, CAMEO coding, date, participants, places, modality.</summary>
public static class EventJson
{
    /// <param name="mergedKey">The merged event the pipeline files it under (null: uncoded, not merged).</param>
    public static JsonObject ToJson(ExtractedEvent e, OffsetMap map, string? mergedKey)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(map);
        return new JsonObject
        {
            ["start"] = map.ToCodePoint(e.Start),
            ["end"] = map.ToCodePoint(e.End),
            ["text"] = e.Trigger,
            ["type"] = e.Type?.Code,
            ["eventcode"] = e.EventCode,
            ["coded"] = e.Coded,
            ["source"] = DyadSide(e.Actors),
            ["target"] = DyadSide(e.Targets),
            ["date"] = new JsonObject
            {
                ["value"] = e.Date.Value,
                ["precision"] = e.Date.Precision.ToString().ToLowerInvariant(),
                ["start"] = e.Date.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["end"] = e.Date.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["source"] = JsonNamingPolicyCamel(e.Date.Source.ToString()),
                ["text"] = e.Date.Text,
            },
            ["actors"] = new JsonArray([.. e.Actors.Select(a => Actor(a, map))]),
            ["targets"] = new JsonArray([.. e.Targets.Select(a => Actor(a, map))]),
            ["places"] = new JsonArray([.. e.Places.Select(p => new JsonObject { ["name"] = p.Name, ["country"] = p.CountryCode })]),
            ["modality"] = e.Modality.ToString().ToLowerInvariant(),
            ["negated"] = e.Negated,
            ["mergedKey"] = mergedKey,
        };
    }

    /// <summary>
    /// An actor with its CAMEO code (country alpha-3 or IGO), role code and the span of the mention it was taken from
    /// (code points, like the gold); country is ISO alpha-2 as the extractor keeps it.
    /// </summary>
    private static JsonObject Actor(Actor a, OffsetMap map) => new()
    {
        ["name"] = a.Name,
        ["kind"] = a.Kind.ToString().ToLowerInvariant(),
        ["country"] = a.CountryCode,
        ["code"] = CameoActorCodes.Of(a),
        ["role"] = a.Role,
        ["title"] = a.Title,
        ["mention"] = a.MentionStart is { } start && a.MentionEnd is { } end
            ? new JsonObject { ["start"] = map.ToCodePoint(start), ["end"] = map.ToCodePoint(end) }
            : null,
    };

    /// <summary>The PETRARCH-style side of a dyad: the first actor with a code.</summary>
    private static string? DyadSide(IReadOnlyList<Actor> actors) => actors.Select(CameoActorCodes.Of).FirstOrDefault(c => c is not null);

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
