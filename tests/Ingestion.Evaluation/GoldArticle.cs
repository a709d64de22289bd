using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingestion.Evaluation;

/// <summary>
/// A span annotation in the gold schema. Offsets are Unicode code points, end-exclusive. An event's participants are
/// spans with a PropBank <see cref="Role"/> (Arg0, Arg1, ...).
/// </summary>
public sealed record GoldSpan(
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("type")] string? Type = null,
    [property: JsonPropertyName("value")] string? Value = null,
    [property: JsonPropertyName("role")] string? Role = null);

/// <summary>The date the corpus places an event in: a TimeML value and the relation of the event to it.</summary>
public sealed record GoldAnchor(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("relation")] string Relation);

/// <summary>
/// An event mention with its participants, what the gold says of its date (an anchor, or only before/after the
/// publication) and, where the corpus links it, the real-world event it refers to (<see cref="Instance"/>).
/// </summary>
public sealed record GoldEvent(
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("anchor")] GoldAnchor? Anchor = null,
    [property: JsonPropertyName("tense_vs_dct")] string? TenseVsDct = null,
    [property: JsonPropertyName("participants")] IReadOnlyList<GoldSpan>? Participants = null,
    [property: JsonPropertyName("instance")] string? Instance = null);

/// <summary>A gold CAMEO coding: source and target actor codes (country alpha-3 or group, then roles) and the event code.</summary>
public sealed record GoldCoding(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("eventcode")] string EventCode);

/// <summary>One article of a gold file (see tests/eval/README.md). Only the fields scoring needs are read.</summary>
public sealed record GoldArticle(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("dct")] DateOnly Dct,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("timexes")] IReadOnlyList<GoldSpan>? Timexes,
    [property: JsonPropertyName("events")] IReadOnlyList<GoldEvent>? Events,
    [property: JsonPropertyName("entities")] IReadOnlyList<GoldSpan>? Entities,
    [property: JsonPropertyName("codings")] IReadOnlyList<GoldCoding>? Codings = null)
{
    public static IEnumerable<GoldArticle> ReadAll(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<GoldArticle>(line) ?? throw new InvalidDataException($"Empty article in {path}."));
}

/// <summary>Converts between code-point offsets (the gold schema) and UTF-16 offsets (.NET strings and the extractor).</summary>
public sealed class OffsetMap
{
    private readonly int[] utf16ByCodePoint;
    private readonly int[] codePointByUtf16;

    public OffsetMap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var byCodePoint = new List<int>(text.Length + 1);
        codePointByUtf16 = new int[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
        {
            codePointByUtf16[i] = byCodePoint.Count;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePointByUtf16[i + 1] = byCodePoint.Count;
                byCodePoint.Add(i);
                i++;
                continue;
            }

            byCodePoint.Add(i);
        }

        codePointByUtf16[text.Length] = byCodePoint.Count;
        byCodePoint.Add(text.Length);
        utf16ByCodePoint = [.. byCodePoint];
    }

    public int ToUtf16(int codePoint) => utf16ByCodePoint[codePoint];

    public int ToCodePoint(int utf16) => codePointByUtf16[utf16];
}
