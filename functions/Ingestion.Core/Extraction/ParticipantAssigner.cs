using System.Runtime.CompilerServices;

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
    // Where a participant's clause ends: punctuation, relative pronouns and conjunctions (wider than the modality scope).
    private static readonly HashSet<string> ParticipantClauseBreaks = new(StringComparer.OrdinalIgnoreCase)
    {
        ";", ":", "\"", "“", "”", "that", "which", "who", "while", "but", "whereas", "because", "although", "amid",
    };

    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "near", "to", "into", "from", "across", "inside", "outside", "toward", "towards", "around" };

    // Meeting, cooperation and intent events: "spoke with X" makes X a participant on the same side.
    private static readonly HashSet<string> JointCodes = new(StringComparer.Ordinal) { "03", "04", "05", "06" };

    /// <summary>A name in its sentence: where it starts in tokens, the word before it, and whether a locative preposition governs it.</summary>
    public readonly record struct PlacedName(NamedEntity Entity, int FirstToken, string Previous, bool Locative);

    /// <summary>A sentence's names positioned once for all of its events, and where each token's clause starts and ends.</summary>
    public sealed record PlacedSentence(List<PlacedName> Names, int[] ClauseStart, int[] ClauseEnd);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PlacedSentence Place(List<Token> tokens, IReadOnlyList<NamedEntity> entities)
    {
        var placed = new List<PlacedName>(entities.Count);
        foreach (var entity in entities)
        {
            var first = TokenIndex(tokens, entity.Start);
            placed.Add(new PlacedName(entity, first, first > 0 ? tokens[first - 1].Text : string.Empty, IsLocative(tokens, first)));
        }

        var clauseStart = new int[tokens.Count];
        var clauseEnd = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            clauseStart[i] = i > 0 && !ParticipantClauseBreaks.Contains(tokens[i - 1].Text) ? clauseStart[i - 1] : i;
        }

        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            clauseEnd[i] = i + 1 < tokens.Count && !ParticipantClauseBreaks.Contains(tokens[i + 1].Text) ? clauseEnd[i + 1] : i + 1;
        }

        return new PlacedSentence(placed, clauseStart, clauseEnd);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Participants Assign(PlacedSentence sentence, IReadOnlyList<Trigger> triggers, int triggerIndex)
    {
        var trigger = triggers[triggerIndex];
        var clauseStart = sentence.ClauseStart[trigger.FirstToken];
        var clauseEnd = sentence.ClauseEnd[trigger.LastToken];

        // Targets stop at the next verb: "Biden ordered the deployment ... to demonstrate to allies".
        var objectEnd = clauseEnd;
        for (var t = triggerIndex + 1; t < triggers.Count; t++)
        {
            if (!triggers[t].Entry.IsNoun)
            {
                objectEnd = Math.Min(objectEnd, triggers[t].FirstToken);
                break;
            }
        }

        var actors = new List<NamedEntity>();
        var targets = new List<NamedEntity>();
        var places = new List<NamedEntity>();
        var sentencePlaces = new List<NamedEntity>();
        NamedEntity? nearestBefore = null;
        foreach (var (entity, first, previous, locative) in sentence.Names)
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

        return new Participants(ToActors(actors), ToActors(targets), ToPlaces(places.Count > 0 ? places : sentencePlaces));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private IReadOnlyList<Place> ToPlaces(List<NamedEntity> entities)
    {
        if (entities.Count == 0)
        {
            return Array.Empty<Place>();
        }

        var result = new List<Place>(entities.Count);
        foreach (var entity in entities)
        {
            var place = ToPlace(entity);
            if (!result.Exists(p => p.Name == place.Name))
            {
                result.Add(place);
            }
        }

        return result;
    }

    // "in Poland", "in southeastern Poland", "in the United States".
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsLocative(List<Token> tokens, int first) =>
        (first > 0 && Locatives.Contains(tokens[first - 1].Text))
        || (first > 1 && tokens[first - 1].IsWord && !tokens[first - 1].IsCapitalized && Locatives.Contains(tokens[first - 2].Text));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TokenIndex(List<Token> tokens, int start)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private IReadOnlyList<Actor> ToActors(List<NamedEntity> entities)
    {
        if (entities.Count == 0)
        {
            return Array.Empty<Actor>();
        }

        var actors = new List<Actor>(entities.Count);
        foreach (var entity in entities)
        {
            // "Polish Defense Minister Mariusz Blasak": the demonym only qualifies the person.
            if (entity.Kind == NameKind.Demonym && entities.Exists(e => e.Kind == NameKind.Person && e.CountryCode == entity.CountryCode))
            {
                continue;
            }

            var actor = ToActor(entity);
            if (!actors.Exists(a => a.Name == actor.Name))
            {
                actors.Add(actor);
            }
        }

        return actors;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Actor ToActor(NamedEntity entity) => entity.Kind switch
    {
        NameKind.Person => new Actor(entity.Canonical, ActorKind.Person, entity.CountryCode, entity.Title),
        NameKind.Organization => new Actor(entity.Canonical, ActorKind.Organization, entity.CountryCode),
        _ => new Actor(CountryName(entity), ActorKind.Country, entity.CountryCode),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Place ToPlace(NamedEntity entity) => new(entity.Kind == NameKind.Country ? CountryName(entity) : entity.Canonical, entity.CountryCode);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string CountryName(NamedEntity entity) =>
        entity.CountryCode is { } code && gazetteer.CountryNames.TryGetValue(code, out var name) ? name : entity.Canonical;
}
