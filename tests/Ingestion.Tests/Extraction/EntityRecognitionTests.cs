using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

/// <summary>One row per naming rule: the sentence and the mention it must yield.</summary>
public class EntityRecognitionTests
{
    [Theory]
    // Gazetteers: countries, demonyms and capitals carry ISO codes; known people and organizations.
    [InlineData("Troops moved into Ukraine overnight.", "Ukraine", EntityType.Location, "Ukraine", "UA")]
    [InlineData("Talks in the U.S. ended.", "U.S.", EntityType.Location, "United States", "US")]
    [InlineData("He met Polish officials.", "Polish", EntityType.Location, "Poland", "PL")]
    [InlineData("He flew to Warsaw for talks.", "Warsaw", EntityType.Location, "Warsaw", "PL")]
    [InlineData("The plant is in Toulouse now.", "Toulouse", EntityType.Location, "Toulouse", "FR")]
    [InlineData("Leaders met at NATO’s headquarters.", "NATO", EntityType.Organization, "NATO", null)]
    [InlineData("A statement came from the White House today.", "White House", EntityType.Organization, "White House", "US")]
    [InlineData("Talks with Macron went well.", "Macron", EntityType.Person, "Emmanuel Macron", "FR")]
    // Other names and acronyms in the gazetteers refer to the canonical name.
    [InlineData("Leaders of the North Atlantic Treaty Organization met.", "North Atlantic Treaty Organization", EntityType.Organization, "NATO", null)]
    [InlineData("Sanctions by the EU began.", "EU", EntityType.Organization, "European Union", null)]
    [InlineData("He spoke to Joseph Biden yesterday.", "Joseph Biden", EntityType.Person, "Joe Biden", "US")]
    [InlineData("Talks with Zelenskyy went well.", "Zelenskyy", EntityType.Person, "Volodymyr Zelensky", "UA")]
    // Titles are stripped from the name; a qualifier before the title gives the country.
    [InlineData("In Warsaw, Polish Defense Minister Mariusz Blasak hailed the move.", "Mariusz Blasak", EntityType.Person, "Mariusz Blasak", "PL")]
    [InlineData("Their commander was Major General Christopher Donahue.", "Christopher Donahue", EntityType.Person, "Christopher Donahue", null)]
    [InlineData("He held talks with US Defense Secretary Lloyd Austin.", "Lloyd Austin", EntityType.Person, "Lloyd Austin", "US")]
    // Shapes: organization suffixes and prefixes, place suffixes, given names, speakers.
    [InlineData("Shares of Apple Computer Inc. rose.", "Apple Computer Inc.", EntityType.Organization, "Apple Computer Inc", "US")]
    [InlineData("The carrier is Singapore Airlines, analysts say.", "Singapore Airlines", EntityType.Organization, "Singapore Airlines", "SG")]
    [InlineData("The order came from Air Canada last week.", "Air Canada", EntityType.Organization, "Air Canada", "CA")]
    [InlineData("It landed at Changi International Airport safely.", "Changi International Airport", EntityType.Location, "Changi International Airport", null)]
    [InlineData("Troops will arrive at the Rzeszow-Jasunka airport today.", "Rzeszow-Jasunka airport", EntityType.Location, "Rzeszow-Jasunka airport", null)]
    [InlineData("The plan was backed by Paul Nesbit of the firm.", "Paul Nesbit", EntityType.Person, "Paul Nesbit", null)]
    [InlineData("\"It works,\" Plasak said.", "Plasak", EntityType.Person, "Plasak", null)]
    [InlineData("The deal went to Ryanair in the end.", "Ryanair", EntityType.Organization, "Ryanair", "IE")]
    [InlineData("It supplies the air force (USAF) with tankers.", "USAF", EntityType.Organization, "USAF", null)]
    public void Recognizes(string sentence, string text, EntityType type, string canonical, string? countryCode)
    {
        var mention = Assert.Single(SampleText.Extract(sentence).Entities, e => e.Text == text);
        Assert.Equal((type, canonical, countryCode), (mention.Type, mention.CanonicalName, mention.CountryCode));
    }

    [Fact]
    public void Surname_refers_to_the_person_named_in_full_earlier()
    {
        var entities = SampleText.Extract("Mariusz Blasak, the minister, arrived. Later Blasak spoke.").Entities;
        Assert.Equal("Mariusz Blasak", Assert.Single(entities, e => e.Text == "Blasak").CanonicalName);
    }

    [Theory]
    [InlineData("President Macron arrived. Later the French President spoke.", "French President", "Emmanuel Macron", "FR")]
    [InlineData("President Biden spoke. Troops left on the orders of the US President.", "US President", "Joe Biden", "US")]
    [InlineData("Polish Defense Minister Mariusz Blasak arrived. The talks pleased the Polish Defense Minister.", "Polish Defense Minister", "Mariusz Blasak", "PL")]
    public void Title_and_country_refer_to_the_person_the_article_gave_them(string text, string mention, string canonical, string countryCode)
    {
        var entity = Assert.Single(SampleText.Extract(text).Entities, e => e.Text == mention);
        Assert.Equal((EntityType.Person, canonical, countryCode), (entity.Type, entity.CanonicalName, entity.CountryCode));
    }

    [Theory]
    [InlineData("Later the French President spoke.")]
    [InlineData("President Biden spoke. Later the French President spoke.")]
    public void Title_and_country_no_one_was_given_name_no_person(string text)
    {
        Assert.DoesNotContain(SampleText.Extract(text).Entities, e => e.Type == EntityType.Person && e.Text.Contains("French", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Ryanair cut fares. The company said demand rose.", "The company", EntityType.Organization, "Ryanair")]
    [InlineData("Troops left Poland. Officials in the country said so.", "the country", EntityType.Location, "Poland")]
    public void Definite_description_refers_to_the_last_name_of_its_kind(string text, string mention, EntityType type, string canonical)
    {
        var entity = Assert.Single(SampleText.Extract(text).Entities, e => e.Text == mention);
        Assert.Equal((type, canonical), (entity.Type, entity.CanonicalName));
    }

    [Fact]
    public void Definite_description_without_antecedent_is_not_a_name()
    {
        Assert.Empty(SampleText.Extract("The company said demand rose.").Entities);
    }

    [Theory]
    [InlineData("Deterrence and solidarity matter.")]
    [InlineData("The Airbus A380 flew.")]
    [InlineData("It costs US$40 billion.")]
    [InlineData("It has 8 GB of memory.")]
    [InlineData("The Boeing C-17 Globemaster landed.")]
    public void Skips_non_names(string sentence)
    {
        Assert.Empty(SampleText.Extract(sentence).Entities);
    }

    /// <summary>The reference article's airport, named before a lower-case "airport", is where the troops arrive, with coordinates.</summary>
    [Fact]
    public void Unknown_name_before_a_facility_word_is_a_geocoded_place_of_the_event()
    {
        var arrive = SampleText.Event("Hundreds of troops of the 82nd Airborne Division are expected to arrive at the Rzeszow-Jasunka airport, located 90 km from Poland’s border with Ukraine.", "arrive");

        var airport = Assert.Single(arrive.Places, p => p.Name.StartsWith("Rzeszow", StringComparison.Ordinal));
        Assert.Equal("PL", airport.CountryCode);
        Assert.NotNull(airport.Latitude);
        Assert.InRange(airport.Latitude!.Value, 49.9, 50.2);
    }
}
