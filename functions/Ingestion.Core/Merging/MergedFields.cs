using Azure.Data.Tables;
using Ingestion.Core.Extraction;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Merging;

/// <summary>
/// The fields of a merged event, chosen from its mentions (or its articles' shares) two at a time: the most certain
/// mention speaks for the event (its type, code, trigger, parties, sentence), with the most precise date and the most
/// precise place any of them gives. Ties keep the earlier, so the result does not depend on how the pairs are taken.
/// </summary>
internal static class MergedFields
{
    private static readonly string[] DateColumns = ["DateValue", "Precision", "DateSource", "DateText"];

    /// <summary>The better of two rows of event columns, <paramref name="earlier"/> first: a new row, neither is changed.</summary>
    public static TableEntity Combine(TableEntity earlier, TableEntity later)
    {
        var (a, b) = (EventEntityMapper.FromEntity(earlier), EventEntityMapper.FromEntity(later));
        var laterSpeaks = Rank(b).CompareTo(Rank(a)) < 0;
        var result = new TableEntity(laterSpeaks ? later : earlier);
        var dated = EventMatcher.Period(b).Days < EventMatcher.Period(a).Days ? later : earlier;
        foreach (var column in DateColumns)
        {
            result[column] = dated.TryGetValue(column, out var value) ? value : null;
        }

        var placed = PlaceRank(b) > PlaceRank(a) ? later : PlaceRank(a) > PlaceRank(b) ? earlier : laterSpeaks ? later : earlier;
        result["Locations"] = placed.GetString("Locations");
        return result;
    }

    /// <summary>Lower speaks first: asserted before planned before possible, then the more precise date, then the deeper code.</summary>
    private static (int Certainty, int Days, int Code) Rank(EventRecord record) => (
        record.Modality switch { Modality.Asserted => 0, Modality.Planned => 1, Modality.Possible => 2, _ => 3 },
        EventMatcher.Period(record).Days,
        -(record.EventCode?.Length ?? 0));

    /// <summary>How exactly the mention's best place is known: a point over a town over a region over a country over a name only.</summary>
    private static int PlaceRank(EventRecord record) =>
        record.Locations.Count == 0 ? -2 : record.Locations.Max(place => place.Precision is { } precision ? (int)precision : -1);
}
