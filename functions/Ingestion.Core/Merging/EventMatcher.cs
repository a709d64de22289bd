using Ingestion.Core.Extraction;
using Ingestion.Core.Geo;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Merging;

/// <summary>
/// When two event mentions report the same happening: one rule per method, all of which must hold. Only coded
/// mentions (a CAMEO code and an actor) are merged; see the README beside this file.
/// </summary>
public static class EventMatcher
{
    /// <summary>Whether two mentions report one happening.</summary>
    public static bool SameEvent(EventRecord a, EventRecord b) =>
        Mergeable(a) && Mergeable(b)
        && Signature(a) == Signature(b)
        && DatesCompatible(Period(a), Period(b))
        && PlacesCompatible(a.Locations, b.Locations);

    /// <summary>Only coded mentions are merged: an uncoded one says too little (no type, or nobody) to tell two happenings apart.</summary>
    public static bool Mergeable(EventRecord record) => record.Coded && record.Type is not null && Parties(record.Actors).Count > 0;

    /// <summary>
    /// What two mentions of one happening share exactly: the code family, whether it is denied, and the parties —
    /// as one set for a symmetric family (meetings), else who acts and who is acted on. A merged event's key derives from it.
    /// </summary>
    public static string Signature(EventRecord record)
    {
        var (family, symmetric) = MergeFamilies.Of(record.EventCode ?? record.Type?.Code ?? string.Empty);
        var polarity = record.Negated || record.Modality == Modality.Denied ? "not" : "yes";
        var actors = Parties(record.Actors);
        var targets = Parties(record.Targets);
        var parties = symmetric
            ? string.Join(',', actors.Union(targets).Order(StringComparer.Ordinal))
            : $"{string.Join(',', actors)}>{string.Join(',', targets)}";
        return $"{family}|{polarity}|{parties}";
    }

    /// <summary>Compatible dates: the same period, or one inside the other (7 February inside its week, or inside "before 8 February").</summary>
    public static bool DatesCompatible(DatePeriod a, DatePeriod b) =>
        (a.Start >= b.Start && a.End <= b.End) || (b.Start >= a.Start && b.End <= a.End);

    /// <summary>
    /// Compatible places: either mention names none, or some place of one is a place of the other (by gazetteer id,
    /// else by name), or lies in the other's country.
    /// </summary>
    public static bool PlacesCompatible(IReadOnlyList<Place> a, IReadOnlyList<Place> b) =>
        a.Count == 0 || b.Count == 0 || a.Any(x => b.Any(y => SamePlace(x, y) || Inside(x, y) || Inside(y, x)));

    /// <summary>The days a mention's date covers; a date only known to be before the publication covers every day up to it.</summary>
    public static DatePeriod Period(EventRecord record)
    {
        var start = TableKeys.TryParseDate(record.Date, out var day) ? day : DateOnly.MinValue;
        if (record.DateSource == DateSource.BeforePublication)
        {
            return new DatePeriod(DateOnly.MinValue, start);
        }

        return CalendarPeriod.FromValue(record.DateValue) is { } period ? new DatePeriod(period.Start, period.End) : new DatePeriod(start, start);
    }

    private static bool SamePlace(Place a, Place b) =>
        a.Id is { } id ? id == b.Id : b.Id is null && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="inner"/> lies in the country <paramref name="country"/> stands for.</summary>
    private static bool Inside(Place inner, Place country) =>
        country.Precision == GeoPrecision.Country && country.CountryCode is { Length: > 0 } code && inner.CountryCode == code;

    /// <summary>The actor ids of the parties, in order; things ("the aircraft") are not parties.</summary>
    private static List<string> Parties(IReadOnlyList<Actor> actors) =>
        [.. actors.Where(actor => actor.Kind != ActorKind.Thing).Select(actor => actor.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}

/// <summary>The first and last day a date covers.</summary>
public readonly record struct DatePeriod(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber;
}
