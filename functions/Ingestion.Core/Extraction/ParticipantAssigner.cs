namespace Ingestion.Core.Extraction;

/// <summary>The people, organizations and countries taking part in an event, and where it happened.</summary>
internal sealed record Participants(IReadOnlyList<Actor> Actors, IReadOnlyList<Actor> Targets, IReadOnlyList<Place> Places);

/// <summary>
/// Assigns names to an event by position within its clause: names before the trigger are actors, names after it
/// targets, "with X" joins X to the actors of meeting and cooperation events, and locations after "in", "at", "to",
/// "near" are places. Clauses end at semicolons, quotes and relative pronouns ("that", "which").
/// </summary>
internal sealed class ParticipantAssigner(Gazetteer gazetteer)
{
    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.OrdinalIgnoreCase)
    {
        ";", ":", "\"", "“", "”", "that", "which", "who", "while", "but", "whereas", "because", "although", "amid",
    };

    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "near", "to", "into", "from", "across", "inside", "outside", "toward", "towards", "around" };

    // Meeting, cooperation and intent events: "spoke with X" makes X a participant on the same side.
    private static readonly HashSet<string> JointCodes = new(StringComparer.Ordinal) { "03", "04", "05", "06" };

    /// <summary>A name in its sentence: where it starts in tokens, the word before it, and whether a locative preposition governs it.</summary>
    public readonly record struct PlacedName(NamedEntity Entity, int FirstToken, string Previous, bool Locative);

    /// <summary>Positions the sentence's names once, for all of its events.</summary>
    public static List<PlacedName> Place(IReadOnlyList<Token> tokens, IReadOnlyList<NamedEntity> entities)
    {
        var placed = new List<PlacedName>(entities.Count);
        foreach (var entity in entities)
        {
            var first = TokenIndex(tokens, entity.Start);
            placed.Add(new PlacedName(entity, first, first > 0 ? tokens[first - 1].Text : string.Empty, IsLocative(tokens, first)));
        }

        return placed;
    }

    public Participants Assign(IReadOnlyList<Token> tokens, List<PlacedName> names, IReadOnlyList<Trigger> triggers, int triggerIndex)
    {
        var trigger = triggers[triggerIndex];
        var clauseStart = trigger.FirstToken;
        while (clauseStart > 0 && !ClauseBreaks.Contains(tokens[clauseStart - 1].Text))
        {
            clauseStart--;
        }

        var clauseEnd = trigger.LastToken + 1;
        while (clauseEnd < tokens.Count && !ClauseBreaks.Contains(tokens[clauseEnd].Text))
        {
            clauseEnd++;
        }

        // Targets stop at the next verb: "Biden ordered the deployment ... to demonstrate to allies".
        var objectEnd = triggers.Skip(triggerIndex + 1).Where(t => !t.Entry.IsNoun).Select(t => t.FirstToken).Where(f => f < clauseEnd).DefaultIfEmpty(clauseEnd).First();

        var actors = new List<NamedEntity>();
        var targets = new List<NamedEntity>();
        var places = new List<NamedEntity>();
        var sentencePlaces = new List<NamedEntity>();
        NamedEntity? nearestBefore = null;
        foreach (var (entity, first, previous, locative) in names)
        {
            if (locative && entity.Kind is NameKind.Country or NameKind.Capital or NameKind.Place)
            {
                (first >= clauseStart && first < clauseEnd ? places : sentencePlaces).Add(entity);
                continue;
            }

            if (entity.Kind == NameKind.Place || locative)
            {
                continue;
            }

            if (first < trigger.FirstToken)
            {
                nearestBefore = entity;
                if (first >= clauseStart)
                {
                    actors.Add(entity);
                }
            }
            else if (first > trigger.LastToken && first < objectEnd)
            {
                var partner = previous.Equals("with", StringComparison.OrdinalIgnoreCase) && trigger.Entry.Code is { } code && JointCodes.Contains(code);
                (partner ? actors : targets).Add(entity);
            }
        }

        if (actors.Count == 0 && nearestBefore is not null)
        {
            actors.Add(nearestBefore);
        }

        return new Participants(
            ToActors(actors),
            ToActors(targets),
            [.. (places.Count > 0 ? places : sentencePlaces).Select(ToPlace).DistinctBy(p => p.Name)]);
    }

    // "in Poland", "in southeastern Poland", "in the United States".
    private static bool IsLocative(IReadOnlyList<Token> tokens, int first) =>
        (first > 0 && Locatives.Contains(tokens[first - 1].Text))
        || (first > 1 && tokens[first - 1].IsWord && !tokens[first - 1].IsCapitalized && Locatives.Contains(tokens[first - 2].Text));

    private static int TokenIndex(IReadOnlyList<Token> tokens, int start)
    {
        var lo = 0;
        var hi = tokens.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].End <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private List<Actor> ToActors(List<NamedEntity> entities)
    {
        // "Polish Defense Minister Mariusz Blasak": the demonym only qualifies the person.
        var personCountries = entities.Where(e => e.Kind == NameKind.Person && e.CountryCode is not null).Select(e => e.CountryCode).ToHashSet();
        return
        [
            .. entities
                .Where(e => !(e.Kind == NameKind.Demonym && personCountries.Contains(e.CountryCode)))
                .Select(ToActor)
                .DistinctBy(a => a.Name),
        ];
    }

    private Actor ToActor(NamedEntity entity) => entity.Kind switch
    {
        NameKind.Person => new Actor(entity.Canonical, ActorKind.Person, entity.CountryCode, entity.Title),
        NameKind.Organization => new Actor(entity.Canonical, ActorKind.Organization, entity.CountryCode),
        _ => new Actor(CountryName(entity), ActorKind.Country, entity.CountryCode),
    };

    private Place ToPlace(NamedEntity entity) => new(entity.Kind == NameKind.Country ? CountryName(entity) : entity.Canonical, entity.CountryCode);

    private string CountryName(NamedEntity entity) =>
        entity.CountryCode is { } code && gazetteer.CountryNames.TryGetValue(code, out var name) ? name : entity.Canonical;
}
