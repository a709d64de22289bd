using Ingestion.Core.Extraction;

namespace Ingestion.Core.Actors;

/// <summary>
/// The names an actor goes by, which <c>actor=</c> and the actor search match: its canonical name, every other name
/// the gazetteers give it (NATO: North Atlantic Treaty Organization; the United States: US, USA, America,
/// Washington), a person's surname, and the person's titles with the name ("President Macron").
/// </summary>
public sealed class ActorAliases
{
    private readonly Gazetteer gazetteer = new();

    /// <summary>One loaded instance to share; it holds no per-call state.</summary>
    public static ActorAliases Shared { get; } = new();

    /// <param name="titles">Titles the actor was given in articles ("President").</param>
    public IReadOnlyList<string> Of(Actor actor, IEnumerable<string> titles)
    {
        var names = gazetteer.AliasesOf(actor.Name) is { Count: > 0 } known ? known : [actor.Name];
        var aliases = new List<string>(names);
        if (actor.Kind == ActorKind.Person)
        {
            var surnames = names.Where(name => name.Contains(' ', StringComparison.Ordinal)).Select(name => name[(name.LastIndexOf(' ') + 1)..]).ToList();
            aliases.AddRange(surnames);
            foreach (var title in titles)
            {
                aliases.Add($"{title} {actor.Name}");
                aliases.AddRange(surnames.Select(surname => $"{title} {surname}"));
            }
        }

        // One of each normalized form, the first spelling kept.
        return aliases.DistinctBy(ActorIdentity.Normalize, StringComparer.Ordinal).Where(alias => ActorIdentity.Normalize(alias).Length > 0).ToList();
    }
}
