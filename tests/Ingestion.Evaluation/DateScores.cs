using Ingestion.Core.Extraction;

namespace Ingestion.Evaluation;

/// <summary>
/// Event dates against the gold anchors. Each gold event is compared with the first system event whose trigger
/// overlaps it; events the system does not find count only in <see cref="Recall"/>.
/// </summary>
public sealed class DateScores
{
    /// <summary>Gold events with an anchor.</summary>
    public int Anchored { get; private set; }

    /// <summary>Anchored gold events the system finds.</summary>
    public int Found { get; private set; }

    /// <summary>Found anchored events whose date value equals the anchor's.</summary>
    public int Exact { get; private set; }

    /// <summary>Found events anchored on a day.</summary>
    public int DayAnchored { get; private set; }

    /// <summary>Found day-anchored events that the system dates on that very day (whatever the value's finer part).</summary>
    public int SameDay { get; private set; }

    /// <summary>Found events whose system period and gold period overlap.</summary>
    public int Compatible { get; private set; }

    /// <summary>Gold events without an anchor that the gold places before the publication, and that the system finds.</summary>
    public int BeforeFound { get; private set; }

    /// <summary>Of those, the ones the system files on the publication day as if they happened then.</summary>
    public int BeforeOnPublication { get; private set; }

    public double ExactRate => Rate(Exact, Found);

    public double SameDayRate => Rate(SameDay, DayAnchored);

    public double CompatibleRate => Rate(Compatible, Found);

    /// <summary>Anchored gold events found and dated exactly, over all anchored gold events.</summary>
    public double Recall => Rate(Exact, Anchored);

    public double BeforeOnPublicationRate => Rate(BeforeOnPublication, BeforeFound);

    public static DateScores Score(GoldArticle article, ExtractionResult system, OffsetMap map)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(map);
        var scores = new DateScores();
        foreach (var gold in article.Events ?? [])
        {
            var (start, end) = (map.ToUtf16(gold.Start), map.ToUtf16(gold.End));
            var found = system.Events.FirstOrDefault(e => e.Start < end && start < e.End);
            if (gold.Anchor is { } anchor)
            {
                scores.Anchored++;
                if (found is not null)
                {
                    scores.AddAnchored(anchor, found.Date);
                }
            }
            else if (gold.TenseVsDct == "before" && found is not null)
            {
                scores.BeforeFound++;
                scores.BeforeOnPublication += IsOnPublicationDay(found.Date, article.Dct) ? 1 : 0;
            }
        }

        return scores;
    }

    /// <summary>Filed on the publication day as a dated event: a day period on that date, not marked as before the publication.</summary>
    public static bool IsOnPublicationDay(EventDate date, DateOnly publication)
    {
        ArgumentNullException.ThrowIfNull(date);
        return date.Source != DateSource.BeforePublication && date.Precision == DatePrecision.Day && date.Start == publication;
    }

    public void Add(DateScores other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Anchored += other.Anchored;
        Found += other.Found;
        Exact += other.Exact;
        DayAnchored += other.DayAnchored;
        SameDay += other.SameDay;
        Compatible += other.Compatible;
        BeforeFound += other.BeforeFound;
        BeforeOnPublication += other.BeforeOnPublication;
    }

    public void AddMetrics(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics["dates.exact"] = Math.Round(ExactRate, 4);
        metrics["dates.day"] = Math.Round(SameDayRate, 4);
        metrics["dates.compatible"] = Math.Round(CompatibleRate, 4);
        metrics["dates.recall"] = Math.Round(Recall, 4);
        metrics["dates.before_on_publication"] = Math.Round(BeforeOnPublicationRate, 4);
    }

    private void AddAnchored(GoldAnchor anchor, EventDate date)
    {
        Found++;
        Exact += string.Equals(anchor.Value, date.Value, StringComparison.Ordinal) ? 1 : 0;
        if (CalendarPeriod.FromValue(anchor.Value) is not { } gold)
        {
            return;
        }

        var undated = date.Source == DateSource.BeforePublication;
        if (gold.Precision == DatePrecision.Day)
        {
            DayAnchored++;
            SameDay += !undated && date.Start == gold.Start && date.End == gold.Start ? 1 : 0;
        }

        // "Before the publication" (filed under the publication day) is compatible with any period that starts earlier.
        Compatible += (undated ? gold.Start < date.Start : date.Start <= gold.End && gold.Start <= date.End) ? 1 : 0;
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
