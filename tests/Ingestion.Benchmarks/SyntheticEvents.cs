using Azure.Data.Tables;
using Ingestion.Core.Articles;
using Ingestion.Core.Extraction;
using Ingestion.Core.Storage;

namespace Ingestion.Benchmarks;

/// <summary>
/// Made-up events in the Events table's real row shape, numbered so a table can be grown in steps: event n is on
/// day n / <see cref="EventsPerDay"/> from <see cref="FirstDay"/>, ten events per article. Every loaded size holds the
/// same answers to the benchmark's queries: <see cref="EventsPerDay"/> events on any loaded day, and
/// <see cref="RareActorEvents"/> events of <see cref="RareActor"/> among the first 1,000. Each event also gets
/// its actor's EventIndex row; the other dimensions' index rows are left out, which keeps a million-event load
/// within minutes, and no query here reads them.
/// </summary>
public static class SyntheticEvents
{
    public const int EventsPerDay = 100;
    public const int EventsPerArticle = 10;
    public const int RareActorEvents = 10;
    public const string RareActor = "Ada Rare";

    /// <summary>The rare actor's id: the load writes no Actors table to resolve a name by, so the benchmark queries by id.</summary>
    public static readonly string RareActorId = new Actor(RareActor, ActorKind.Person).Id;
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    private static readonly CameoCategory Consult = new("04", "Consult");

    public static DateOnly Day(long n) => FirstDay.AddDays((int)(n / EventsPerDay));

    /// <summary>One event on each of the first ten days.</summary>
    public static bool HasRareActor(long n) => n < RareActorEvents * EventsPerDay && n % EventsPerDay == 7;

    /// <summary>
    /// Adds events [from, to) in parallel, one day per task: its 100 rows (the most one transaction takes) and their
    /// actor index rows, which share a partition too since a day's events share their actor (all but the rare ones).
    /// </summary>
    public static async Task LoadAsync(StorageClients storage, long from, long to, int parallelism, TextWriter output, CancellationToken cancellationToken)
    {
        using var progress = new Progress(output, $"load events {from:N0}..{to:N0}", to - from);
        var days = Enumerable.Range(0, (int)((to - from + EventsPerDay - 1) / EventsPerDay)).Select(d => from + (d * (long)EventsPerDay));
        await Parallel.ForEachAsync(days, PipelineRig.Options(parallelism, cancellationToken), async (start, token) =>
        {
            var rows = new List<TableEntity>(EventsPerDay);
            for (var n = start; n < Math.Min(start + EventsPerDay, to); n++)
            {
                rows.Add(Row(n));
            }

            await TableTransactions.SubmitAsync(storage.EventsTable, rows.Select(Upsert), token);
            var index = rows.Select(row => EventEntityMapper.ToIndexEntity(row, EventIndexKeys.Partition(EventIndexKeys.Actor, EventEntityMapper.FromEntity(row).Actors[0].Id)));
            await TableTransactions.SubmitAsync(storage.EventIndexTable, index.Select(Upsert), token);
            progress.Add(rows.Count);
        });
    }

    public static TableEntity Row(long n)
    {
        var day = Day(n);
        var article = new Article($"synthetic/{n / EventsPerArticle:D8}.txt", day, PublicationDateSource.Header, Title: null, Body: string.Empty);
        Actor actor = HasRareActor(n) ? new(RareActor, ActorKind.Person) : new($"Person {n / EventsPerDay % 500}", ActorKind.Person);
        var extracted = new ExtractedEvent(
            Start: 0,
            End: 4,
            Trigger: "met",
            Type: Consult,
            Date: new EventDate(day.ToString(TableKeys.DateFormat, System.Globalization.CultureInfo.InvariantCulture), DatePrecision.Day, day, day, DateSource.PublicationDate),
            Actors: [actor],
            Targets: [new Actor("Ministry of Examples", ActorKind.Organization, "GB")],
            Places: [new Place("London", "GB")],
            Quantities: [],
            Sentence: $"{actor.Name} met officials of the Ministry of Examples in London on event {n}.");
        return EventEntityMapper.ToEntity(article, TableKeys.ArticleKey(article.Name), (int)(n % EventsPerArticle), extracted, "synthetic-1");
    }

    public static string ActorOf(TableEntity row) => EventEntityMapper.FromEntity(row).Actors[0].Name;

    private static TableTransactionAction Upsert(TableEntity row) => new(TableTransactionActionType.UpsertReplace, row);
}
