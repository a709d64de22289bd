using System.IO.Compression;
using System.Globalization;
using System.Text;
using Ingestion.Core.Extraction;

namespace Ingestion.Core.Geo;

/// <summary>
/// Countries, first-level regions and towns from GeoNames (Geo/Data/geonames.tsv.gz, built by
/// <c>npm run build:gazetteer</c>), with every name folded (case, accents, hyphens) into one lookup. Loaded once per
/// process (<see cref="Shared"/>); immutable and thread-safe.
/// </summary>
public sealed class GeoGazetteer
{
    private const string DataResource = "Ingestion.Core.Geo.Data.geonames.tsv.gz";
    private const string FoldsResource = "Ingestion.Core.Geo.Data.letter-folds.tsv";

    private static readonly Lazy<GeoGazetteer> Instance = new(() => new GeoGazetteer());

    private readonly Dictionary<string, GeoFeature> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _names = new(StringComparer.Ordinal);

    // Folded name to the features it names; the flag marks a feature's own (first) name rather than an alias.
    private readonly Dictionary<string, List<(GeoFeature Feature, bool Primary)>> _byName = new(StringComparer.Ordinal);

    private GeoGazetteer()
    {
        using var stream = typeof(GeoGazetteer).Assembly.GetManifestResourceStream(DataResource)
            ?? throw new InvalidOperationException($"Embedded gazetteer '{DataResource}' is missing.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                Add(line.Split('\t'));
            }
        }

        // The extraction gazetteer's country aliases and demonym-free names ("USA", "Britain") name countries too.
        foreach (var row in ExtractionData.ReadTable("countries.tsv", 4))
        {
            if (_byId.TryGetValue(row[0], out var country))
            {
                AddNames(country, row[1].Split('|', StringSplitOptions.RemoveEmptyEntries), primary: true);
            }
        }

        // A region is also named without its generic word: "Kursk Oblast" is "Kursk", "Łódź Voivodeship" is "Łódź".
        var regionWords = FeatureWords.Value.Where(w => w.Kind == FeatureKind.Admin1).Select(w => " " + w.Word).ToList();
        foreach (var region in _byId.Values.Where(f => f.Kind == FeatureKind.Admin1).ToList())
        {
            var folded = Fold(region.Name);
            if (regionWords.Find(word => folded.EndsWith(word, StringComparison.Ordinal)) is { } word)
            {
                AddNames(region, [region.Name[..^(word.Length)]], primary: false);
            }
        }
    }

    public static GeoGazetteer Shared => Instance.Value;

    /// <summary>Trailing words that say what kind of thing a name is ("region", "airport"), from Extraction/Data/feature-words.tsv.</summary>
    internal static Lazy<IReadOnlyList<(string Word, FeatureKind Kind)>> FeatureWords { get; } = new(() =>
        ExtractionData.ReadTable("feature-words.tsv", 2).Select(row => (Fold(row[0]), Enum.Parse<FeatureKind>(row[1], ignoreCase: true))).ToList());

    public int Count => _byId.Count;

    public bool TryGet(string id, out GeoFeature feature) => _byId.TryGetValue(id, out feature!);

    /// <summary>Features named so (any of their names), with whether it is their own name.</summary>
    public IReadOnlyList<(GeoFeature Feature, bool Primary)> Lookup(string name) =>
        _byName.TryGetValue(Fold(name), out var found) ? found : [];

    /// <summary>Every name of a feature, its own first.</summary>
    public IReadOnlyList<string> NamesOf(GeoFeature feature) => _names.GetValueOrDefault(feature.Id, [feature.Name]);

    /// <summary>The region's name, for a town's admin1.</summary>
    public string? RegionName(GeoFeature feature) =>
        feature.Kind == FeatureKind.City && feature.Admin1Id is { } id && _byId.TryGetValue(id, out var region) ? region.Name : null;

    /// <summary>Lower case, no accents, hyphens and apostrophes as spaces, single spaces: "Rzeszów-Jasionka" is "rzeszow jasionka".</summary>
    public static string Fold(string name)
    {
        var letters = LetterFolds.Value;
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '-' or '‐' or '–' or '\'' or '’' or '.' or ',' || char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (letters.TryGetValue(c, out var folded))
            {
                builder.Append(folded);
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().TrimEnd();
    }

    // Accented letter to its lower-case base letters (Geo/Data/letter-folds.tsv): string.Normalize needs ICU, which
    // InvariantGlobalization leaves out.
    private static readonly Lazy<Dictionary<char, string>> LetterFolds = new(() =>
    {
        using var stream = typeof(GeoGazetteer).Assembly.GetManifestResourceStream(FoldsResource)
            ?? throw new InvalidOperationException($"Embedded letter folds '{FoldsResource}' are missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var folds = new Dictionary<char, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 2 && line[0] != '#' && line[1] == '\t')
            {
                folds[line[0]] = line[2..].ToLowerInvariant();
            }
        }

        return folds;
    });

    private void Add(string[] cells)
    {
        var inv = CultureInfo.InvariantCulture;
        if (cells[0] is "C" or "A")
        {
            var code = cells[1];
            var region = cells[0] == "A";
            var area = new GeoFeature(code, cells[2], region ? FeatureKind.Admin1 : FeatureKind.Country, code[..2], region ? code[3..] : null,
                double.Parse(cells[3], inv), double.Parse(cells[4], inv), long.Parse(cells[5], inv), IsCapital: false);
            _byId[code] = area;
            AddNames(area, [area.Name], primary: true);
            return;
        }

        var names = cells[1].Split('|');
        var town = new GeoFeature(cells[0], names[0], FeatureKind.City, cells[4], cells[5],
            double.Parse(cells[2], inv), double.Parse(cells[3], inv), long.Parse(cells[6], inv), IsCapital: cells[7] == "PPLC");
        _byId[town.Id] = town;
        AddNames(town, names, primary: true);
    }

    private void AddNames(GeoFeature feature, IEnumerable<string> names, bool primary)
    {
        var own = _names.GetValueOrDefault(feature.Id, []);
        foreach (var name in names)
        {
            var key = Fold(name);
            if (!_byName.TryGetValue(key, out var list))
            {
                _byName[key] = list = [];
            }

            if (!list.Exists(entry => entry.Feature.Id == feature.Id))
            {
                // A town's first name is its own; the rest (ASCII spelling, other languages) are aliases.
                list.Add((feature, primary && (own.Length == 0 || feature.Kind == FeatureKind.Country)));
                own = [.. own, name];
            }
        }

        _names[feature.Id] = own;
    }
}
