using Azure.Data.Tables;
using Ingestion.Core.Articles;
using Ingestion.Core.Extraction;
using Ingestion.Core.Geo;
using Ingestion.Core.Storage;

namespace Ingestion.Tests.Merging;

/// <summary>Event mentions as the extractor and the Events table give them, for the merging tests.</summary>
internal static class MergeSamples
{
    public static readonly Actor Macron = new("Emmanuel Macron", ActorKind.Person, "FR");
    public static readonly Actor Putin = new("Vladimir Putin", ActorKind.Person, "RU");
    public static readonly Actor Scholz = new("Olaf Scholz", ActorKind.Person, "DE");
    public static readonly Actor Russia = new("Russia", ActorKind.Country, "RU");
    public static readonly Actor Ukraine = new("Ukraine", ActorKind.Country, "UA");

    public static readonly Place Moscow = new("Moscow", "RU") { Id = "524901", Precision = GeoPrecision.City };
    public static readonly Place Kremlin = new("Kremlin", "RU") { Id = "6255148", Precision = GeoPrecision.Point };
    public static readonly Place Paris = new("Paris", "FR") { Id = "2988507", Precision = GeoPrecision.City };
    public static readonly Place RussiaPlace = new("Russia", "RU") { Id = "RU", Precision = GeoPrecision.Country };

    /// <summary>A mention's Events row: <paramref name="date"/> is a TimeML value (2022-02-07, 2022-W06, PAST_REF).</summary>
    public static TableEntity Row(
        string date,
        string code,
        IReadOnlyList<Actor> actors,
        IReadOnlyList<Actor>? targets = null,
        IReadOnlyList<Place>? places = null,
        Modality modality = Modality.Asserted,
        string article = "a.txt",
        string published = "2022-02-08",
        int index = 0,
        bool negated = false,
        string sentence = "Macron and Putin talked for five hours in the Kremlin.")
    {
        var publishedOn = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture);
        var eventDate = date == "PAST_REF"
            ? new EventDate(date, DatePrecision.Day, publishedOn, publishedOn, DateSource.BeforePublication)
            : CalendarPeriod.FromValue(date) is { } period
                ? new EventDate(date, period.Precision, period.Start, period.End, DateSource.Explicit, date)
                : throw new ArgumentException($"Not a date value: {date}", nameof(date));
        var type = CameoCategories.ByCode[code[..2]];
        var extracted = new ExtractedEvent(0, 1, "met", type, eventDate, actors, targets ?? [], places ?? [], [], sentence, modality, negated, code);
        return EventEntityMapper.ToEntity(new Article(article, publishedOn, PublicationDateSource.Header, null, string.Empty), TableKeys.ArticleKey(article), index, extracted, "test");
    }

    public static EventRecord Record(
        string date,
        string code,
        IReadOnlyList<Actor> actors,
        IReadOnlyList<Actor>? targets = null,
        IReadOnlyList<Place>? places = null,
        Modality modality = Modality.Asserted,
        bool negated = false) =>
        EventEntityMapper.FromEntity(Row(date, code, actors, targets, places, modality, negated: negated));
}
