using System.Text.Json;
using Azure.Data.Tables;
using Ingestion.Core.Extraction;

namespace Ingestion.Core.Actors;

/// <summary>An actor as the Actors table holds it and the API serves it.</summary>
/// <param name="Count">Events with the actor as a party: in the asked date range where there is one, otherwise in all.</param>
/// <param name="FirstDate">The date of its first event (yyyy-MM-dd), over all time; null once it has none.</param>
public sealed record ActorRecord(
    string Id,
    string Name,
    ActorKind Kind,
    string? CountryCode,
    string? Role,
    IReadOnlyList<string> Aliases,
    int Count,
    string? FirstDate,
    string? LastDate);

/// <summary>An actor an <c>actor=</c> value resolved to.</summary>
public sealed record ActorReference(string Id, string Name);

/// <summary>
/// The Actors table's layout (see README.md beside this file). An actor's partition is its id: the actor row and one
/// contribution row per article mentioning it, so a contribution and the totals change in one transaction. Other
/// partitions list an article's actors and index the aliases.
/// </summary>
public static class ActorKeys
{
    /// <summary>The row key of an actor's own row in its partition.</summary>
    public const string ActorRow = "actor";

    private const string ArticlePrefix = "article|";
    private const string NamePrefix = "name|";
    private const string WordPrefix = "word|";

    /// <summary>An article's contribution to an actor, in the actor's partition.</summary>
    public static string ContributionRow(string articleKey) => ArticlePrefix + articleKey;

    /// <summary>Row keys of every contribution row: [article|, article}), since '}' follows '|'.</summary>
    public static (string From, string To) ContributionRows => (ArticlePrefix, "article}");

    /// <summary>The article's listing of the actors it contributes to (row key: the actor id).</summary>
    public static string ArticlePartition(string articleKey) => ArticlePrefix + articleKey;

    /// <summary>A whole alias, normalized, to the actors it names (row key: the actor id): what <c>actor=</c> resolves by.</summary>
    public static string NamePartition(string normalizedAlias) => NamePrefix + Cut(normalizedAlias);

    /// <summary>An alias from one of its words on, normalized ("macron" of "emmanuel macron"): what the search reads by prefix.</summary>
    public static string WordPartition(string normalizedSuffix) => WordPrefix + Cut(normalizedSuffix);

    /// <summary>The word partitions whose text starts with a normalized prefix: [word|prefix, word|prefix\uffff).</summary>
    public static (string From, string To) WordRange(string normalizedPrefix) => (WordPartition(normalizedPrefix), WordPartition(normalizedPrefix) + char.MaxValue);

    /// <summary>Each suffix of a normalized alias that starts a word: "emmanuel macron", "macron".</summary>
    public static IEnumerable<string> WordSuffixes(string normalizedAlias)
    {
        for (var start = 0; start >= 0; start = normalizedAlias.IndexOf(' ', start) is var space and >= 0 ? space + 1 : -1)
        {
            yield return normalizedAlias[start..];
        }
    }

    internal static ActorRecord FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetString("Name") ?? entity.PartitionKey,
        Enum.TryParse<ActorKind>(entity.GetString("Kind"), out var kind) ? kind : ActorKind.Organization,
        entity.GetString("CountryCode"),
        entity.GetString("Role"),
        entity.GetString("Aliases") is { Length: > 0 } aliases ? JsonSerializer.Deserialize<List<string>>(aliases) ?? [] : [],
        entity.GetInt32("Count") ?? 0,
        entity.GetString("FirstDate"),
        entity.GetString("LastDate"));

    /// <summary>Aliases are key text: long ones are cut (a search by their start still finds them).</summary>
    private static string Cut(string text) => text.Length <= 256 ? text : text[..256];
}
