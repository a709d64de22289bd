using Ingestion.Core.Extraction;
using Ingestion.Core.Storage;

namespace Ingestion.Core.Actors;

/// <summary>What one article contributes to an actor: its events with the actor as a party, their date span, and the titles it gave the actor.</summary>
/// <param name="FirstDate">The earliest event date (yyyy-MM-dd, the first day of the event's period).</param>
public sealed record ActorContribution(Actor Actor, int Count, string FirstDate, string LastDate, IReadOnlyCollection<string> Titles);

/// <summary>
/// An article's contributions to actors, added to event by event (an event counts once for each of its parties,
/// actor or target): one entry per distinct actor, so a long article's contributions fit in memory.
/// </summary>
public sealed class ActorContributions
{
    private readonly Dictionary<string, Entry> _actors = new(StringComparer.Ordinal);

    public IEnumerable<ActorContribution> All => _actors.Values.Select(entry => new ActorContribution(entry.Actor, entry.Count, entry.First, entry.Last, entry.Titles));

    public void Add(EventRecord record)
    {
        foreach (var actor in record.Actors.Concat(record.Targets).DistinctBy(actor => actor.Id, StringComparer.Ordinal))
        {
            if (!_actors.TryGetValue(actor.Id, out var entry))
            {
                _actors[actor.Id] = entry = new Entry(actor with { Title = null }, record.Date);
            }

            entry.Count++;
            entry.First = string.CompareOrdinal(record.Date, entry.First) < 0 ? record.Date : entry.First;
            entry.Last = string.CompareOrdinal(record.Date, entry.Last) > 0 ? record.Date : entry.Last;
            if (actor.Title is { Length: > 0 } title)
            {
                entry.Titles.Add(title);
            }
        }
    }

    private sealed class Entry(Actor actor, string date)
    {
        public Actor Actor { get; } = actor;

        public int Count { get; set; }

        public string First { get; set; } = date;

        public string Last { get; set; } = date;

        public SortedSet<string> Titles { get; } = new(StringComparer.Ordinal);
    }
}
