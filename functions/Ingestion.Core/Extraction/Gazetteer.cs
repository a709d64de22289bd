using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction;

/// <summary>What a gazetteer name stands for.</summary>
internal enum NameKind
{
    Person,
    Organization,
    Country,
    Demonym,
    Capital,
    Place,
}

/// <summary>A gazetteer hit: its kind, canonical name and country.</summary>
internal sealed record GazetteerEntry(NameKind Kind, string Canonical, string? CountryCode);

/// <summary>Countries, demonyms, capitals, places, organizations, people, titles and name cues from the data files.</summary>
internal sealed class Gazetteer
{
    private readonly Dictionary<string, GazetteerEntry> names = new(StringComparer.Ordinal);
    private readonly HashSet<string> titles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> aliasesOf = new(StringComparer.Ordinal);

    // First words of names and titles: most capitalized words start neither, and need no longer lookups.
    private readonly HashSet<string> nameHeads = new(StringComparer.Ordinal);
    private readonly HashSet<string> titleHeads = new(StringComparer.OrdinalIgnoreCase);

    public Gazetteer()
    {
        foreach (var row in ExtractionData.ReadTable("countries.tsv", 4))
        {
            var aliases = row[1].Split('|');
            var code = row[0];
            var canonical = aliases[0];
            CountryNames.TryAdd(code, canonical);
            Add(aliases, NameKind.Country, _ => canonical, code);
            // "Washington says" stands for the United States: the capital is one of the country's names as an actor.
            AddAliases(canonical, [.. aliases, .. row[3].Split('|', StringSplitOptions.RemoveEmptyEntries)]);
            Add(row[2].Split('|', StringSplitOptions.RemoveEmptyEntries), NameKind.Demonym, _ => canonical, code);
            Add(row[3].Split('|', StringSplitOptions.RemoveEmptyEntries), NameKind.Capital, n => n, code);
        }

        foreach (var row in ExtractionData.ReadTable("places.tsv", 2))
        {
            Add([row[0]], NameKind.Place, n => n, row[1]);
        }

        foreach (var row in ExtractionData.ReadTable("organizations.tsv", 3))
        {
            var canonical = row[0];
            string[] aliases = [canonical, .. row[2].Split('|', StringSplitOptions.RemoveEmptyEntries)];
            Add(aliases, NameKind.Organization, _ => canonical, row[1]);
            AddAliases(canonical, aliases);
        }

        foreach (var row in ExtractionData.ReadTable("people.tsv", 3))
        {
            var canonical = row[0];
            string[] aliases = [canonical, .. row[2].Split('|', StringSplitOptions.RemoveEmptyEntries)];
            Add(aliases, NameKind.Person, _ => canonical, row[1]);
            AddAliases(canonical, aliases);
            foreach (var alias in aliases)
            {
                Surnames.TryAdd(alias[(alias.LastIndexOf(' ') + 1)..], new GazetteerEntry(NameKind.Person, canonical, row[1] == "-" ? null : row[1]));
            }
        }

        foreach (var title in ExtractionData.ReadLines("titles.txt"))
        {
            titles.Add(title);
            titleHeads.Add(title.Split(' ')[0]);
            MaxTitleWords = Math.Max(MaxTitleWords, title.Split(' ').Length);
        }

        FirstNames = new HashSet<string>(ExtractionData.ReadWords("first-names.txt"), StringComparer.Ordinal);
        Stopwords = new HashSet<string>(ExtractionData.ReadWords("name-stopwords.txt"), StringComparer.Ordinal);
        OrganizationSuffixes = new HashSet<string>(ExtractionData.ReadLines("organization-suffixes.txt"), StringComparer.Ordinal);
        OrganizationPrefixes = new HashSet<string>(ExtractionData.ReadLines("organization-prefixes.txt"), StringComparer.Ordinal);
        LocationSuffixes = new HashSet<string>(ExtractionData.ReadLines("location-suffixes.txt"), StringComparer.Ordinal);
    }

    /// <summary>The longest gazetteer name, in words.</summary>
    public int MaxNameWords { get; private set; }

    public int MaxTitleWords { get; }

    /// <summary>Surnames of the people in people.tsv, so "Macron" alone is Emmanuel Macron.</summary>
    public Dictionary<string, GazetteerEntry> Surnames { get; } = new(StringComparer.Ordinal);

    /// <summary>ISO code to the country's canonical name, for capitals standing for their country ("Moscow denies").</summary>
    public Dictionary<string, string> CountryNames { get; } = new(StringComparer.Ordinal);

    public HashSet<string> FirstNames { get; }

    public HashSet<string> Stopwords { get; }

    public HashSet<string> OrganizationSuffixes { get; }

    public HashSet<string> OrganizationPrefixes { get; }

    public HashSet<string> LocationSuffixes { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetName(string name, out GazetteerEntry entry) => names.TryGetValue(name, out entry!);

    public bool IsTitle(string words) => titles.Contains(words);

    /// <summary>Every name the gazetteers give a person, organization or country by its canonical name, the canonical one first; none for others.</summary>
    public IReadOnlyList<string> AliasesOf(string canonical) => aliasesOf.TryGetValue(canonical, out var aliases) ? aliases : [];

    public bool MayStartName(string word) => nameHeads.Contains(word);

    public bool MayStartTitle(string word) => titleHeads.Contains(word);

    private void AddAliases(string canonical, IEnumerable<string> aliases)
    {
        if (!aliasesOf.TryGetValue(canonical, out var known))
        {
            aliasesOf[canonical] = known = [canonical];
        }

        known.AddRange(aliases.Where(alias => !known.Contains(alias)));
    }

    private void Add(IEnumerable<string> aliases, NameKind kind, Func<string, string> canonical, string code)
    {
        foreach (var alias in aliases)
        {
            // The first list to name something wins: "Singapore" stays a country, not a capital.
            names.TryAdd(alias, new GazetteerEntry(kind, canonical(alias), code is "-" or "" ? null : code));
            nameHeads.Add(alias.Split(' ')[0]);
            MaxNameWords = Math.Max(MaxNameWords, alias.Split(' ').Length);
        }
    }
}
