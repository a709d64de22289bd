using System.Runtime.CompilerServices;
using Ingestion.Core.Extraction.Syntax;

namespace Ingestion.Core.Extraction;

/// <summary>The people, organizations and countries taking part in an event, and where it happened.</summary>
internal sealed record Participants(IReadOnlyList<Actor> Actors, IReadOnlyList<Actor> Targets, IReadOnlyList<Place> Places);

/// <summary>What the article has named so far, which a later "he" or "it" refers back to.</summary>
internal sealed class ArticleParties
{
    public NamedEntity? LastPerson { get; set; }

    public NamedEntity? LastGroup { get; set; }
}

/// <summary>
/// Assigns an event its participants from the sentence's dependency tree: the active subject and the passive
/// by-agent are actors; the object and the passive subject are targets. A verb without a subject of its own takes
/// it from the verb it is coordinated with ("Russia massed troops ... but insists"), from the clause that controls
/// it ("ordered them to deploy"), or from the noun a relative or participle clause hangs on ("Russia, which has
/// amassed troops"). "according to X" names the source of a statement, never a participant. Pronouns take the
/// subject of an enclosing clause or the last compatible name; nouns naming a role ("Polish soldiers", "the
/// police") become actors with a role code from actor-roles.tsv. Places are locations after a locative preposition
/// within the trigger's clause.
/// </summary>
internal sealed class ParticipantAssigner
{
    // Where a participant's clause ends: punctuation, relative pronouns and conjunctions (wider than the modality scope).
    private static readonly HashSet<string> ParticipantClauseBreaks = new(StringComparer.OrdinalIgnoreCase)
    {
        ";", ":", "\"", "“", "”", "that", "which", "who", "while", "but", "whereas", "because", "although", "amid",
    };

    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "near", "to", "into", "from", "across", "inside", "outside", "toward", "towards", "around" };

    // Meeting, cooperation and intent events: "spoke with X" makes X a participant on the same side.
    private static readonly HashSet<string> JointCodes = new(StringComparer.Ordinal) { "03", "04", "05", "06" };

    // Prepositions whose object an event noun is directed at: "sanctions against Russia", "invasion of Ukraine".
    // After a verb only "against" is: "on", "of" there mostly give a time, a topic or a part.
    private static readonly HashSet<string> NounTargetCases = new(StringComparer.OrdinalIgnoreCase) { "against", "of", "on", "upon" };

    private static readonly HashSet<string> PersonPronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "him", "his", "she", "her", "hers" };

    private static readonly HashSet<string> GroupPronouns = new(StringComparer.OrdinalIgnoreCase) { "it", "its", "they", "them", "their" };

    private static readonly HashSet<string> RelativePronouns = new(StringComparer.OrdinalIgnoreCase) { "which", "who", "whom", "that", "whose" };

    // Modifiers that stay with a noun phrase when it is quoted as a mention.
    private static readonly HashSet<string> PhraseLabels = new(StringComparer.Ordinal) { "det", "amod", "compound", "nummod", "nmod:poss", "flat", "det:predet" };

    private const int MaxDepth = 4;

    private readonly Gazetteer gazetteer;
    private readonly Dictionary<string, (string Role, ActorKind Kind)> roles;
    private readonly int maxRoleWords;
    private readonly HashSet<string> lightVerbs = new(ExtractionData.ReadWords("light-verbs.txt"), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> partitives = new(ExtractionData.ReadWords("partitive-nouns.txt"), StringComparer.OrdinalIgnoreCase);

    public ParticipantAssigner(Gazetteer gazetteer)
    {
        this.gazetteer = gazetteer;
        roles = ExtractionData.ReadTable("actor-roles.tsv", 3)
            .ToDictionary(row => row[0], row => (row[1], Enum.Parse<ActorKind>(row[2])), StringComparer.OrdinalIgnoreCase);
        maxRoleWords = roles.Keys.Max(k => k.Split(' ').Length);
    }

    /// <summary>
    /// The tag each token of a name must have: PROPN for the capitalized words of people, organizations and places,
    /// ADJ for a nationality before a noun ("Polish soldiers"). Other tokens are left to the tagger (null).
    /// </summary>
    public static string?[] NameTags(List<Token> tokens, IReadOnlyList<NamedEntity> entities)
    {
        var tags = new string?[tokens.Count];
        foreach (var entity in entities)
        {
            for (var t = TokenIndex(tokens, entity.Start); t < tokens.Count && tokens[t].Start < entity.End; t++)
            {
                if (tokens[t].IsCapitalized)
                {
                    tags[t] = entity.Kind != NameKind.Demonym ? "PROPN" : t + 1 < tokens.Count && tokens[t + 1].IsWord ? "ADJ" : null;
                }
            }
        }

        return tags;
    }

    /// <summary>A name in its sentence: where it starts in tokens and whether a locative preposition governs it.</summary>
    public readonly record struct PlacedName(NamedEntity Entity, int FirstToken, bool Locative);

    /// <summary>A sentence's tree and names, positioned once for all of its events; tokens of dates are never parties.</summary>
    public sealed record ParsedSentence(string Text, List<Token> Tokens, SentenceSyntax Syntax, List<PlacedName> Names, int[] NameAt, bool[] InTimex, int[] ClauseStart, int[] ClauseEnd);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ParsedSentence Place(string text, List<Token> tokens, IReadOnlyList<NamedEntity> entities, IReadOnlyList<TemporalExpression> timexes, SentenceSyntax syntax)
    {
        var inTimex = new bool[tokens.Count];
        foreach (var timex in timexes)
        {
            for (var t = TokenIndex(tokens, timex.Start); t < tokens.Count && tokens[t].Start < timex.End; t++)
            {
                inTimex[t] = true;
            }
        }

        var placed = new List<PlacedName>(entities.Count);
        var nameAt = new int[tokens.Count];
        Array.Fill(nameAt, -1);
        foreach (var entity in entities)
        {
            var first = TokenIndex(tokens, entity.Start);
            for (var t = first; t < tokens.Count && tokens[t].Start < entity.End; t++)
            {
                nameAt[t] = placed.Count;
            }

            // "Defense Minister Mariusz Blasak": the title before a name is part of its mention.
            if (entity.Title is { } title)
            {
                for (var t = first - 1; t >= 0 && nameAt[t] < 0 && title.Contains(tokens[t].Text, StringComparison.Ordinal); t--)
                {
                    nameAt[t] = placed.Count;
                }
            }

            placed.Add(new PlacedName(entity, first, IsLocative(tokens, first)));
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

        return new ParsedSentence(text, tokens, syntax, placed, nameAt, inTimex, clauseStart, clauseEnd);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Participants Assign(ParsedSentence sentence, Trigger trigger, ArticleParties parties)
    {
        var predicate = Predicate(sentence.Syntax, trigger);
        var joint = trigger.Entry.Code is { } code && JointCodes.Contains(code);
        var actorNodes = new List<int>();
        var targetNodes = new List<int>();
        Arguments(sentence, predicate, joint, actorNodes, targetNodes, 0, trigger.Entry.IsNoun);

        var actors = ToActors(sentence, actorNodes, parties, trigger);
        var targets = ToActors(sentence, targetNodes, parties, trigger);
        targets.RemoveAll(t => actors.Exists(a => a.Name == t.Name));
        return new Participants(actors, targets, Places(sentence, trigger));
    }

    /// <summary>After a sentence: its last person and last organization or country are what a later pronoun may mean.</summary>
    public static void Remember(ParsedSentence sentence, ArticleParties parties)
    {
        foreach (var name in sentence.Names)
        {
            switch (name.Entity.Kind)
            {
                case NameKind.Person:
                    parties.LastPerson = name.Entity;
                    break;
                case NameKind.Organization or NameKind.Country or NameKind.Capital when !name.Locative:
                    parties.LastGroup = name.Entity;
                    break;
            }
        }
    }

    /// <summary>The trigger token that heads the others ("phone call" is headed by "call").</summary>
    private static int Predicate(SentenceSyntax syntax, Trigger trigger)
    {
        for (var t = trigger.FirstToken; t <= trigger.LastToken; t++)
        {
            var head = syntax.Head(t);
            if (head < trigger.FirstToken || head > trigger.LastToken)
            {
                return t;
            }
        }

        return trigger.FirstToken;
    }

    /// <summary>The actor and target nodes of the predicate's own arguments, or of the clause it takes its subject from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Arguments(ParsedSentence sentence, int p, bool joint, List<int> actors, List<int> targets, int depth, bool? lexiconNoun = null)
    {
        var syntax = sentence.Syntax;
        // The trigger lexicon knows "spoke" is a verb better than a tagger trained on web text.
        var isNoun = lexiconNoun ?? syntax.Tag(p) is "NOUN" or "PROPN";
        // "are arriving" is progressive, whatever the labeler made of "are".
        var passive = syntax.Children(p).Any(c => syntax.Label(c) == "aux:pass") && !sentence.Tokens[p].Text.EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        var transitive = syntax.Children(p).Any(c => syntax.Label(c) is "obj" or "iobj" or "ccomp" or "xcomp");
        var hasSubject = false;
        foreach (var c in syntax.Children(p))
        {
            switch (syntax.Label(c))
            {
                case "nsubj":
                    hasSubject = true;
                    // "The plane crashed", "the new phone comes": a thing that undergoes an intransitive event is its theme.
                    AddWithConjuncts(sentence, p, c, transitive || IsParty(sentence, c) ? actors : targets);
                    break;
                case "nsubj:pass":
                    hasSubject = true;
                    // Without a passive auxiliary ("forces are arriving") the label is a parser slip for an active subject.
                    AddWithConjuncts(sentence, p, c, passive || transitive ? targets : actors);
                    break;
                case "obl:agent":
                    AddWithConjuncts(sentence, p, c, actors);
                    break;
                case "obj" or "iobj":
                    AddWithConjuncts(sentence, p, c, targets);
                    break;
                case "obl" or "nmod":
                    var preposition = CaseWord(sentence, c);
                    if ((preposition == "by" && (passive || isNoun)) || (preposition == "with" && joint) || (preposition == "from" && isNoun))
                    {
                        AddWithConjuncts(sentence, p, c, actors);
                    }
                    else if (preposition is not null && (isNoun ? NounTargetCases.Contains(preposition) : preposition == "against"))
                    {
                        AddWithConjuncts(sentence, p, c, targets);
                    }

                    break;
                case "nmod:poss" or "amod" or "compound" when isNoun && IsNamedModifier(sentence, c):
                    AddWithConjuncts(sentence, p, c, actors);
                    break;
            }
        }

        if (hasSubject || depth >= MaxDepth || actors.Count > 0)
        {
            return;
        }

        // No subject of its own: take it from the clause or the noun the predicate depends on.
        var head = syntax.Head(p);
        if (head < 0 || (!isNoun && syntax.Label(p) is "parataxis" or "appos" or "dep" or "vocative" or "list"))
        {
            // A main verb the tree left without subject, mostly after a long apposition ("Ryanair, the Irish airline, announced").
            if (!isNoun && !passive && depth == 0 && NearestPartyBefore(sentence, p) is var before and >= 0)
            {
                actors.Add(before);
            }

            return;
        }

        var word = sentence.Tokens[p].Text;
        switch (syntax.Label(p))
        {
            case "conj" or "advcl" when !isNoun && AdjacentName(sentence, p) is var adjacent and >= 0:
                // "Russia attacked Ukraine and Joe Biden condemned": a name right before the verb is its subject,
                // however the tree attached it.
                actors.Add(adjacent);
                break;
            case "acl" when !isNoun && syntax.Head(head) < 0 && syntax.Tag(head) is "NOUN" or "PROPN":
                // "Polish soldiers served in Iraq" read as a noun phrase: the verb is the sentence's, the noun its subject.
                actors.Add(head);
                break;
            case "conj" or "advcl" or "xcomp" when !isNoun:
                // "ordered them to deploy": the object of the controlling verb is the subject of the infinitive.
                var controller = syntax.Label(p) == "xcomp" ? syntax.Children(head).FirstOrDefault(c => syntax.Label(c) is "obj" or "iobj", -1) : -1;
                if (controller >= 0)
                {
                    actors.Add(controller);
                }
                else
                {
                    Arguments(sentence, head, joint, actors, [], depth + 1);
                }

                if (actors.Count == 0 && depth == 0 && NearestPartyBefore(sentence, p) is var nearest and >= 0)
                {
                    actors.Add(nearest);
                }

                break;
            case "acl:relcl":
                actors.Add(head);
                break;
            case "acl" when word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("en", StringComparison.OrdinalIgnoreCase):
                if (targets.Count == 0)
                {
                    targets.Add(head);
                }

                break;
            case "acl" when IsParty(sentence, head):
                // "the last soldier to leave": the person described acts.
                actors.Add(head);
                break;
            case "acl":
                // "its intention to invade", "has no intention of invading": the owner of the intention acts.
                var owner = syntax.Children(head).FirstOrDefault(c => syntax.Label(c) == "nmod:poss", -1);
                if (owner >= 0)
                {
                    actors.Add(owner);
                }
                else if (syntax.Head(head) >= 0)
                {
                    Arguments(sentence, syntax.Head(head), joint, actors, [], depth + 1);
                }

                break;
            case "obj" when isNoun && lightVerbs.Contains(sentence.Tokens[head].Text):
            case "obl" when isNoun && syntax.Tag(head) is "VERB":
                // "held talks", "made a visit", "during a phone call, they affirmed": the event noun's parties are its verb's subject.
                Arguments(sentence, head, joint, actors, [], depth + 1);
                break;
            case "appos" when isNoun && IsParty(sentence, head):
                // "Biden and Macron, during a phone call,": an event set beside its parties.
                AddWithConjuncts(sentence, p, head, actors);
                break;
        }
    }

    /// <summary>Adds a node and the nodes coordinated with it ("Biden and Macron"), a relative pronoun as the noun it stands for.</summary>
    private static void AddWithConjuncts(ParsedSentence sentence, int predicate, int node, List<int> nodes)
    {
        var syntax = sentence.Syntax;
        if (RelativePronouns.Contains(sentence.Tokens[node].Text) && syntax.Tag(node) == "PRON")
        {
            node = syntax.Label(predicate) == "acl:relcl" && syntax.Head(predicate) >= 0 ? syntax.Head(predicate) : NominalBefore(sentence, node);
            if (node < 0)
            {
                return;
            }
        }

        nodes.Add(node);
        foreach (var c in syntax.Children(node))
        {
            if (syntax.Label(c) == "conj" && syntax.Tag(c) is "NOUN" or "PROPN" or "PRON")
            {
                nodes.Add(c);
            }
        }
    }

    /// <summary>The last token of a name standing right before a token (not after a preposition), or -1.</summary>
    private static int AdjacentName(ParsedSentence sentence, int token)
    {
        var t = token - 1;
        while (t >= 0 && sentence.Syntax.Tag(t) is "AUX" or "ADV")
        {
            t--;
        }

        return t >= 0 && sentence.NameAt[t] is >= 0 and var n && !sentence.Names[n].Locative && sentence.Names[n].Entity.Kind is not NameKind.Place
            && !sentence.InTimex[t] && (t == 0 || sentence.Tokens[t - 1].Text is not ("with" or "by" or "of" or "to" or "for" or "from"))
            ? t : -1;
    }

    /// <summary>"Russia, which ...": the nearest noun before a relative pronoun, when the tree did not attach its clause.</summary>
    private static int NominalBefore(ParsedSentence sentence, int node)
    {
        for (var t = node - 1; t >= 0; t--)
        {
            if (sentence.Syntax.Tag(t) is "NOUN" or "PROPN")
            {
                return t;
            }

            if (sentence.Syntax.Tag(t) != "PUNCT")
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The preposition of a nominal ("by" in "by the army"; "according" in "according to").</summary>
    private static string? CaseWord(ParsedSentence sentence, int node)
    {
        foreach (var c in sentence.Syntax.Children(node))
        {
            if (sentence.Syntax.Label(c) == "case")
            {
                return sentence.Tokens[c].Text.ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>A name, a pronoun or a role noun: someone who can act, unlike "the plane" or "the deal".</summary>
    private bool IsParty(ParsedSentence sentence, int node) =>
        (sentence.NameAt[node] >= 0 && sentence.Names[sentence.NameAt[node]].Entity.Kind is not NameKind.Place)
        || sentence.Syntax.Tag(node) == "PRON"
        || RoleAt(sentence, node) is not null
        || (partitives.Contains(sentence.Tokens[node].Text) && sentence.Syntax.Children(node).Any(c => sentence.Syntax.Label(c) == "nmod" && IsParty(sentence, c)));

    /// <summary>The nearest name or role noun before a token that no preposition governs, outside dates.</summary>
    private int NearestPartyBefore(ParsedSentence sentence, int token)
    {
        for (var t = token - 1; t >= 0; t--)
        {
            if (sentence.Tokens[t].Text is ";" or "\"" or "“" or "”")
            {
                return -1;
            }

            if (!sentence.InTimex[t] && sentence.Syntax.Tag(t) is "NOUN" or "PROPN" && CaseWord(sentence, t) is null && IsParty(sentence, t)
                && (sentence.NameAt[t] < 0 || !sentence.Names[sentence.NameAt[t]].Locative))
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>A modifier of an event noun that names a party: "Moscow's policy", "a Russian invasion", "US forces".</summary>
    private static bool IsNamedModifier(ParsedSentence sentence, int node) =>
        sentence.NameAt[node] is >= 0 and var n && sentence.Names[n].Entity.Kind is not NameKind.Place && !sentence.Names[n].Locative
        || (sentence.Syntax.Label(node) == "nmod:poss" && sentence.Syntax.Tag(node) == "PRON");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<Actor> ToActors(ParsedSentence sentence, List<int> nodes, ArticleParties parties, Trigger trigger)
    {
        var actors = new List<Actor>(nodes.Count);
        foreach (var node in nodes)
        {
            if ((node >= trigger.FirstToken && node <= trigger.LastToken) || sentence.InTimex[node])
            {
                continue;
            }

            if (Resolve(sentence, node, parties) is { } actor && !actors.Exists(a => a.Name == actor.Name))
            {
                actors.Add(actor);
            }
        }

        // "Polish Defense Minister Mariusz Blasak": the nationality only qualifies the person.
        actors.RemoveAll(a => a.Kind == ActorKind.Country && a.MentionStart is { } s && actors.Exists(p => p.Kind == ActorKind.Person && p.CountryCode == a.CountryCode && p.MentionStart <= s && s < p.MentionEnd));
        return actors;
    }

    /// <summary>The actor a node stands for: a name, a pronoun's antecedent, a role noun, or the thing a noun phrase names.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Actor? Resolve(ParsedSentence sentence, int node, ArticleParties parties)
    {
        var syntax = sentence.Syntax;
        var token = sentence.Tokens[node];
        if (sentence.NameAt[node] is >= 0 and var n)
        {
            var name = sentence.Names[n];
            return name.Entity.Kind == NameKind.Place ? null : ToActor(name.Entity, name.Entity.Start, name.Entity.End);
        }

        if (syntax.Tag(node) == "PRON")
        {
            var person = PersonPronouns.Contains(token.Text);
            return person || GroupPronouns.Contains(token.Text)
                ? Antecedent(sentence, node, person, parties) is { } antecedent ? ToActor(antecedent, token.Start, token.End) : null
                : null;
        }

        if (syntax.Tag(node) is not ("NOUN" or "PROPN" or "NUM"))
        {
            return null;
        }

        // "hundreds of US forces" are the forces; "Donahue, the last US soldier" is Donahue.
        foreach (var c in syntax.Children(node))
        {
            if (syntax.Label(c) == "nmod" && (partitives.Contains(token.Text) || syntax.Tag(node) == "NUM") && CaseWord(sentence, c) == "of")
            {
                return Resolve(sentence, c, parties);
            }
        }

        if (syntax.Label(node) == "appos" && syntax.Head(node) is var named and >= 0 && sentence.NameAt[named] is >= 0 and var a && sentence.Names[a].Entity.Kind is NameKind.Person or NameKind.Organization)
        {
            return ToActor(sentence.Names[a].Entity, token.Start, token.End);
        }

        var (start, end) = PhraseSpan(sentence, node);
        var mention = Mention(sentence, start, end);
        if (RoleAt(sentence, node) is { } role)
        {
            return new Actor(mention, role.Kind, CountryOf(sentence, node), Role: role.Role, MentionStart: sentence.Tokens[start].Start, MentionEnd: sentence.Tokens[end].End);
        }

        // "Apple products", "the Airbus A380", "Defense Minister Mariusz Blasak" read as a noun phrase: a name in it is the party.
        foreach (var c in syntax.Children(node))
        {
            if (syntax.Label(c) is "compound" or "nmod:poss" or "flat" or "appos" or "nmod:desc" && sentence.NameAt[c] is >= 0 and var m && sentence.Names[m].Entity.Kind is NameKind.Organization or NameKind.Person)
            {
                return ToActor(sentence.Names[m].Entity, sentence.Tokens[start].Start, sentence.Tokens[end].End);
            }
        }

        return new Actor(mention, ActorKind.Thing, MentionStart: sentence.Tokens[start].Start, MentionEnd: sentence.Tokens[end].End);
    }

    /// <summary>"it", "he": the subject of an enclosing clause if it fits, else the nearest fitting name before, else the article's last.</summary>
    private NamedEntity? Antecedent(ParsedSentence sentence, int pronoun, bool person, ArticleParties parties)
    {
        var syntax = sentence.Syntax;
        var clause = syntax.Head(pronoun);
        for (var depth = 0; clause >= 0 && depth < MaxDepth; depth++, clause = syntax.Head(clause))
        {
            var up = syntax.Head(clause);
            if (up < 0)
            {
                break;
            }

            // The actor of the enclosing clause, found as for its own event: "Russia ... insists it has".
            var actors = new List<int>();
            Arguments(sentence, up, false, actors, [], 1);
            foreach (var a in actors)
            {
                if (a != pronoun && sentence.NameAt[a] is >= 0 and var n && Fits(sentence.Names[n].Entity, person))
                {
                    return sentence.Names[n].Entity;
                }
            }
        }

        // Else the nearest fitting name before that is no object of a preposition.
        for (var i = sentence.Names.Count - 1; i >= 0; i--)
        {
            var name = sentence.Names[i];
            var first = name.FirstToken;
            if (first < pronoun && !name.Locative && Fits(name.Entity, person) && (first == 0 || sentence.Tokens[first - 1].Text is not ("with" or "by" or "of" or "to" or "for" or "from")))
            {
                return name.Entity;
            }
        }

        return person ? parties.LastPerson : parties.LastGroup;
    }

    private static bool Fits(NamedEntity entity, bool person) =>
        person ? entity.Kind == NameKind.Person : entity.Kind is NameKind.Organization or NameKind.Country or NameKind.Capital;

    /// <summary>The longest phrase of the role lexicon ending at the noun: "bank chief", "opposition councillors", "police".</summary>
    private (string Role, ActorKind Kind)? RoleAt(ParsedSentence sentence, int node)
    {
        for (var words = Math.Min(maxRoleWords, node + 1); words >= 1; words--)
        {
            var phrase = words == 1 ? sentence.Tokens[node].Text : string.Join(' ', sentence.Tokens.GetRange(node - words + 1, words).Select(t => t.Text));
            if (roles.TryGetValue(phrase, out var role))
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>The country a role noun belongs to: "Polish soldiers", "US forces", "Poland's army".</summary>
    private static string? CountryOf(ParsedSentence sentence, int node)
    {
        foreach (var c in sentence.Syntax.Children(node))
        {
            if (sentence.NameAt[c] is >= 0 and var n && sentence.Names[n].Entity.CountryCode is { } country && sentence.Syntax.Label(c) is "amod" or "compound" or "nmod:poss" or "nmod")
            {
                return country;
            }
        }

        return null;
    }

    /// <summary>The tokens of a noun with its determiners, numbers, adjectives and compounds, without clauses or appositions.</summary>
    private static (int Start, int End) PhraseSpan(ParsedSentence sentence, int node)
    {
        var start = node;
        var end = node;
        foreach (var c in sentence.Syntax.Children(node))
        {
            if (PhraseLabels.Contains(sentence.Syntax.Label(c)))
            {
                var (s, e) = PhraseSpan(sentence, c);
                start = Math.Min(start, s);
                end = Math.Max(end, e);
            }
        }

        return (start, end);
    }

    /// <summary>The phrase as written, without a leading article ("the aircraft" is "aircraft").</summary>
    private static string Mention(ParsedSentence sentence, int start, int end)
    {
        if (start < end && sentence.Tokens[start].Text is "the" or "The" or "a" or "A" or "an" or "An")
        {
            start++;
        }

        return sentence.Text[sentence.Tokens[start].Start..sentence.Tokens[end].End];
    }

    private List<Place> Places(ParsedSentence sentence, Trigger trigger)
    {
        var clauseStart = sentence.ClauseStart[trigger.FirstToken];
        var clauseEnd = sentence.ClauseEnd[trigger.LastToken];
        var places = new List<Place>();
        var sentencePlaces = new List<Place>();
        foreach (var (entity, first, locative) in sentence.Names)
        {
            if (locative && entity.Kind is NameKind.Country or NameKind.Capital or NameKind.Place)
            {
                var place = new Place(entity.Kind == NameKind.Country ? CountryName(entity) : entity.Canonical, entity.CountryCode);
                var list = first >= clauseStart && first < clauseEnd ? places : sentencePlaces;
                if (!list.Contains(place))
                {
                    list.Add(place);
                }
            }
        }

        return places.Count > 0 ? places : sentencePlaces;
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
    private Actor ToActor(NamedEntity entity, int mentionStart, int mentionEnd) => entity.Kind switch
    {
        NameKind.Person => new Actor(entity.Canonical, ActorKind.Person, entity.CountryCode, entity.Title, TitleRole(entity.Title), mentionStart, mentionEnd),
        NameKind.Organization => new Actor(entity.Canonical, ActorKind.Organization, entity.CountryCode, MentionStart: mentionStart, MentionEnd: mentionEnd),
        _ => new Actor(CountryName(entity), ActorKind.Country, entity.CountryCode, MentionStart: mentionStart, MentionEnd: mentionEnd),
    };

    /// <summary>"Defense Minister" is GOV, "Major General" MIL: the title's last words in the role lexicon.</summary>
    private string? TitleRole(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var words = title.Split(' ');
        for (var take = Math.Min(maxRoleWords, words.Length); take >= 1; take--)
        {
            if (roles.TryGetValue(string.Join(' ', words[^take..]), out var role))
            {
                return role.Role;
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string CountryName(NamedEntity entity) =>
        entity.CountryCode is { } code && gazetteer.CountryNames.TryGetValue(code, out var name) ? name : entity.Canonical;
}
