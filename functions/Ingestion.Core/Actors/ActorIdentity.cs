using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ingestion.Core.Extraction;

namespace Ingestion.Core.Actors;

/// <summary>
/// An actor's identity and the one form names are compared in. The id derives from what the extractor made of the
/// actor — kind and canonical name (a country's ISO code), and for a group a role code when it has one — so it is the
/// same in every article and every run: <c>person:emmanuel-macron</c>, <c>organization:nato</c>, <c>country:us</c>,
/// <c>country:fr:gov</c>. A person's role ("President Macron" is GOV) describes the person and is not part of the id.
/// </summary>
public static class ActorIdentity
{
    private const char Separator = ':';

    /// <summary>The longest name part of an id, in characters: keys hold 1 KiB, and an id is part of several.</summary>
    private const int MaxSlug = 200;

    /// <summary>Accented letters' plain spellings, from data (the app runs with invariant globalization: no Unicode normalization).</summary>
    private static readonly Dictionary<char, string> Folded = ExtractionData.ReadTable("folded-letters.tsv", 2)
        .Where(row => row[0].Length == 1)
        .ToDictionary(row => row[0][0], row => row[1]);

    public static string Id(Actor actor)
    {
        var name = actor.Kind == ActorKind.Country && actor.CountryCode is { Length: > 0 } code ? Normalize(code) : Slug(actor.Name);
        var id = $"{Kind(actor.Kind)}{Separator}{name}";
        return actor.Role is { Length: > 0 } role && actor.Kind != ActorKind.Person ? $"{id}{Separator}{Slug(role)}" : id;
    }

    /// <summary>Whether a text has the shape of an id (a kind, a colon, a name), so it is looked up as one.</summary>
    public static bool LooksLikeId(string text) =>
        Enum.GetValues<ActorKind>().Any(kind => text.StartsWith(Kind(kind) + Separator, StringComparison.Ordinal)) && !text.Contains(' ', StringComparison.Ordinal);

    /// <summary>
    /// A name as it is matched: lower case, accents (see folded-letters.tsv) and apostrophes dropped, any other run of
    /// non-letters one space.
    /// "Président  Macron", "president macron" and "PRESIDENT MACRON" are alike; "U.N." is "u n".
    /// </summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark || c is '\'' or '’' or 'ʼ')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                var lower = char.ToLowerInvariant(c);
                if (Folded.TryGetValue(lower, out var plain))
                {
                    builder.Append(plain);
                }
                else
                {
                    builder.Append(lower);
                }
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    private static string Kind(ActorKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>
    /// The normalized name with hyphens for spaces. A name with no letter or digit is a hash of itself, and a very
    /// long one is cut and ends in a hash of the whole, so the id fits in a table key.
    /// </summary>
    private static string Slug(string name)
    {
        var normalized = Normalize(name);
        return normalized.Length is > 0 and <= MaxSlug
            ? normalized.Replace(' ', '-')
            : string.Concat(normalized.AsSpan(0, Math.Min(normalized.Length, MaxSlug - 17)).TrimEnd(' ').ToString().Replace(' ', '-'), normalized.Length > 0 ? "-" : string.Empty, Hash(name));
    }

    private static string Hash(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 8));
}
