namespace Ingestion.Core.Extraction;

/// <summary>
/// CAMEO actor codes as PETRARCH writes them: the ISO 3166-1 alpha-3 country (USA, RUS, PSE) or IGO for an
/// international body of organizations.tsv ("-"), from Data/country-alpha3.tsv.
/// </summary>
public static class CameoActorCodes
{
    private const string Intergovernmental = "IGO";

    private static readonly Dictionary<string, string> Alpha3 = ExtractionData.ReadMap("country-alpha3.tsv");

    private static readonly HashSet<string> InternationalBodies = new(
        ExtractionData.ReadTable("organizations.tsv", 2).Where(row => row[1] == "-").Select(row => row[0]),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The actor's code, or null when neither its country nor an international body is known.</summary>
    public static string? Of(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Country(actor.CountryCode) ?? (actor.Kind == ActorKind.Organization && InternationalBodies.Contains(actor.Name) ? Intergovernmental : null);
    }

    /// <summary>The alpha-3 code of an alpha-2 country code, or null.</summary>
    public static string? Country(string? alpha2) => alpha2 is not null && Alpha3.TryGetValue(alpha2, out var code) ? code : null;
}
