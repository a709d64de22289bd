using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction;

/// <summary>A recognized name with what the gazetteer or the rules made of it.</summary>
internal sealed record NamedEntity(int Start, int End, string Text, NameKind Kind, string Canonical, string? CountryCode = null, string? Title = null)
{
    public EntityMention ToMention() => new(Start, End, Text, Kind switch
    {
        NameKind.Person => EntityType.Person,
        NameKind.Organization => EntityType.Organization,
        _ => EntityType.Location,
    }, Canonical, CountryCode);
}

/// <summary>
/// Finds names as runs of capitalized words and classifies them with the gazetteers:
/// "Polish Defense Minister Mariusz Blasak" is a demonym (PL), a title and a person; a run ending in an organization
/// suffix is an organization; a run starting with a known given name is a person. People seen in full are remembered
/// so a later surname alone gets the full canonical name.
/// </summary>
internal sealed class EntityRecognizer(Gazetteer gazetteer, VerbLexicon lexicon)
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "de", "du", "von", "van", "der", "bin", "al", "la", "&", "for" };
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase) { "said", "says", "told", "added", "stated", "explained", "wrote" };
    private static readonly HashSet<string> AbbreviationSuffixes = new(StringComparer.Ordinal) { "Inc", "Corp", "Co", "Ltd", "Jr", "Sr" };

    /// <summary>Surname to the person first seen in full in this article.</summary>
    public sealed class ArticleMemory
    {
        public Dictionary<string, NamedEntity> People { get; } = new(StringComparer.Ordinal);

        /// <summary>The last name of each kind, which "the company" or "the country" refers back to.</summary>
        public Dictionary<NameKind, NamedEntity> Last { get; } = [];

        /// <summary>A title and country to the person the article last gave them: "President Macron" makes "the French President" Macron.</summary>
        public Dictionary<(string Title, string CountryCode), NamedEntity> Titled { get; } = [];
    }

    private readonly Dictionary<string, NameKind> nominals = ExtractionData.ReadTable("nominal-mentions.tsv", 2)
        .ToDictionary(row => row[0], row => Enum.Parse<NameKind>(row[1]), StringComparer.OrdinalIgnoreCase);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<NamedEntity> Recognize(string text, List<Token> tokens, ArticleMemory memory)
    {
        var found = new List<NamedEntity>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsNameWord(tokens[i]))
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < tokens.Count && !IsPossessive(tokens[end - 1])
                && (IsNameWord(tokens[end]) || (Connectors.Contains(tokens[end].Text) && end + 1 < tokens.Count && IsNameWord(tokens[end + 1]))))
            {
                end++;
            }

            var before = found.Count;
            Classify(tokens, i, end, memory, found);
            for (var k = before; k < found.Count; k++)
            {
                memory.Last[found[k].Kind == NameKind.Capital ? NameKind.Place : found[k].Kind] = found[k];
            }

            i = end;
        }

        AddNominals(tokens, memory, found);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found.ConvertAll(e => e with { Text = text[e.Start..e.End] });
    }

    /// <summary>"the company", "the country": a definite description of a kind already named refers to the last such name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddNominals(List<Token> tokens, ArticleMemory memory, List<NamedEntity> found)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i - 1].Text.Equals("the", StringComparison.OrdinalIgnoreCase) && nominals.TryGetValue(tokens[i].Text, out var kind)
                && memory.Last.TryGetValue(kind, out var antecedent) && (i + 1 == tokens.Count || !tokens[i + 1].IsCapitalized))
            {
                found.Add(antecedent with { Start = tokens[i - 1].Start, End = tokens[i].End, Title = null });
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsNameWord(Token token) =>
        token.Text.Length > 0 && char.IsUpper(token.Text[0]) && (token.Text.Length == 1 || char.IsLetterOrDigit(token.Text[1]) || token.Text[1] is '.' or '-' or '&');

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPossessive(Token token) => token.Text.EndsWith("'s", StringComparison.Ordinal) || token.Text.EndsWith("’s", StringComparison.Ordinal);

    /// <summary>The token's text without a possessive ending ("NATO’s" is NATO).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Word(Token token) => IsPossessive(token) ? token.Text[..^2] : token.Text;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Join(List<Token> tokens, int start, int end)
    {
        if (end - start == 1)
        {
            return Word(tokens[start]);
        }

        var words = new string[end - start];
        for (var k = start; k < end; k++)
        {
            words[k - start] = Word(tokens[k]);
        }

        return string.Join(' ', words);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Classify(List<Token> tokens, int start, int end, ArticleMemory memory, List<NamedEntity> found)
    {
        // "Shares of Apple rose": a sentence-initial event word is capitalized only by position.
        if (start == 0 && end > 1 && lexicon.TryGet(tokens[0].Text, out _))
        {
            start++;
        }

        while (start < end && (gazetteer.Stopwords.Contains(tokens[start].Text) || Connectors.Contains(tokens[start].Text)))
        {
            start++;
        }

        if (start >= end)
        {
            return;
        }

        // A leading country, demonym or organization may qualify a title: "US Defense Secretary", "Apple CEO".
        var prefix = LongestName(tokens, start, end);
        var titleStart = prefix is { } p && p.Entry.Kind != NameKind.Person ? p.End : start;
        if (LongestTitle(tokens, titleStart, end) is { } titleEnd)
        {
            var title = Join(tokens, titleStart, titleEnd);
            if (TitleHolder(tokens, start, titleStart, titleEnd, end, title, prefix, memory) is { } holder)
            {
                found.Add(holder);
                return;
            }

            if (prefix is { } qualifier && titleStart > start)
            {
                found.Add(Entity(tokens, start, qualifier.End, qualifier.Entry.Kind, qualifier.Entry.Canonical, qualifier.Entry.CountryCode));
            }

            if (titleEnd < end && tokens[titleEnd].Text != "of")
            {
                var code = prefix?.Entry.CountryCode;
                found.Add(Person(tokens, titleEnd, end, memory, title, code));
            }
            else
            {
                TitleApposition(tokens, start, title, memory, found);
                if (titleEnd + 1 < end)
                {
                    Classify(tokens, titleEnd + 1, end, memory, found);
                }
            }

            return;
        }

        ClassifyName(tokens, start, end, memory, found);
    }

    /// <summary>
    /// "the French President", "the US Defense Secretary" with no name: the person this article gave that title and
    /// country to, when it did ("President Macron" earlier, Macron being French).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NamedEntity? TitleHolder(
        List<Token> tokens, int start, int titleStart, int titleEnd, int end, string title, (int End, GazetteerEntry Entry)? qualifier, ArticleMemory memory)
    {
        if (titleEnd != end || titleStart == start || start == 0 || !tokens[start - 1].Text.Equals("the", StringComparison.OrdinalIgnoreCase)
            || qualifier?.Entry.CountryCode is not { } country || !memory.Titled.TryGetValue((title, country), out var holder))
        {
            return null;
        }

        return Entity(tokens, start, end, NameKind.Person, holder.Canonical, holder.CountryCode) with { Title = title };
    }

    /// <summary>"Jens Stoltenberg, Secretary-General of NATO": a title set off after a person's name is that person's title.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TitleApposition(List<Token> tokens, int titleStart, string title, ArticleMemory memory, List<NamedEntity> found)
    {
        var comma = titleStart - 1;
        if (comma > 0 && tokens[comma - 1].Text is "the" or "a" or "an")
        {
            comma--;
        }

        if (comma < 1 || tokens[comma].Text != "," || found.Count == 0 || found[^1] is not { Kind: NameKind.Person, Title: null } person
            || person.End != tokens[comma - 1].End)
        {
            return;
        }

        found[^1] = person with { Title = title };
        memory.People[Word(tokens[comma - 1])] = found[^1];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ClassifyName(List<Token> tokens, int start, int end, ArticleMemory memory, List<NamedEntity> found)
    {
        var last = Word(tokens[end - 1]);
        var name = LongestName(tokens, start, end);
        var next = end < tokens.Count ? tokens[end].Text : string.Empty;

        // "Airbus A380", "Boeing C-17 Globemaster" name products; "US$40" is a currency.
        if (name is { Entry.Kind: NameKind.Organization } maker && (HasDigit(tokens, maker.End, end) || (maker.End == end && next.Any(char.IsDigit))))
        {
            return;
        }

        if (next == "$")
        {
            return;
        }

        if (name is { } whole && whole.End == end)
        {
            found.Add(whole.Entry.Kind == NameKind.Person
                ? Person(tokens, start, end, memory, null, whole.Entry.CountryCode)
                : Entity(tokens, start, end, whole.Entry.Kind, whole.Entry.Canonical, whole.Entry.CountryCode));
            return;
        }

        // "the Rzeszow-Jasionka airport": an unknown name before a lower-case facility word (location-suffixes.txt)
        // names that facility, a place.
        if (name is null && next.Length > 1 && char.IsLower(next[0]) && gazetteer.LocationSuffixes.Contains(char.ToUpperInvariant(next[0]) + next[1..]))
        {
            found.Add(Entity(tokens, start, end + 1, NameKind.Place, Join(tokens, start, end + 1), CountryIn(tokens, start, end)));
            return;
        }

        if (end - start > 1 && gazetteer.LocationSuffixes.Contains(last))
        {
            found.Add(Entity(tokens, start, end, NameKind.Place, Join(tokens, start, end), CountryIn(tokens, start, end)));
            return;
        }

        if (end - start > 1 && (gazetteer.OrganizationSuffixes.Contains(last) || gazetteer.OrganizationPrefixes.Contains(tokens[start].Text)))
        {
            found.Add(Entity(tokens, start, end, NameKind.Organization, Join(tokens, start, end), CountryIn(tokens, start, end)));
            return;
        }

        if (name is { Entry.Kind: NameKind.Organization } company)
        {
            // "Boeing Commercial Airplanes", "Apple Corps": a known company heads a longer organization name.
            found.Add(Entity(tokens, start, end, NameKind.Organization, Join(tokens, start, end), company.Entry.CountryCode));
            return;
        }

        if (name is { } head)
        {
            // "Russian Empire": keep the known name, look at the rest on its own.
            found.Add(head.Entry.Kind == NameKind.Person
                ? Person(tokens, start, head.End, memory, null, head.Entry.CountryCode)
                : Entity(tokens, start, head.End, head.Entry.Kind, head.Entry.Canonical, head.Entry.CountryCode));
            Classify(tokens, head.End, end, memory, found);
            return;
        }

        if (HasDigit(tokens, start, end))
        {
            return;
        }

        if (gazetteer.FirstNames.Contains(tokens[start].Text) && end - start > 1)
        {
            found.Add(Person(tokens, start, end, memory, null, null));
            return;
        }

        if (end - start == 1)
        {
            ClassifySingleWord(tokens, start, memory, found);
            return;
        }

        // An unknown two- or three-word name is a person when it speaks ("Mariusz Blasak said") or is set off by a comma
        // ("Mariusz Blasak, the minister"); otherwise it is more often a company or a product line.
        var looksLikePerson = end - start <= 3 && (SpeechVerbs.Contains(next) || next == ",")
            && Enumerable.Range(start, end - start).All(k => !Connectors.Contains(tokens[k].Text) && !IsAllCaps(tokens[k].Text));
        found.Add(looksLikePerson
            ? Person(tokens, start, end, memory, null, null)
            : Entity(tokens, start, end, NameKind.Organization, Join(tokens, start, end), null));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ClassifySingleWord(List<Token> tokens, int index, ArticleMemory memory, List<NamedEntity> found)
    {
        var word = Word(tokens[index]);
        if (memory.People.ContainsKey(word) || gazetteer.Surnames.ContainsKey(word)
            || (index + 1 < tokens.Count && SpeechVerbs.Contains(tokens[index + 1].Text)))
        {
            found.Add(Person(tokens, index, index + 1, memory, null, null));
            return;
        }

        // A lone capitalized word opening a sentence is usually just the first word, but an acronym ("(USAF)") is a name; "8 GB" is a unit.
        var sentenceInitial = index == 0 || tokens[index - 1].Text is "\"" or "“" or "‘" or "(" or ":";
        var afterNumber = index > 0 && tokens[index - 1].Text.Any(char.IsDigit);
        if (IsAllCaps(word) ? !afterNumber : !sentenceInitial && word.Length > 2)
        {
            found.Add(Entity(tokens, index, index + 1, NameKind.Organization, word, null));
        }
    }

    /// <summary>The country of the first gazetteer name inside a name ("Polish Army" is PL).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? CountryIn(List<Token> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (gazetteer.TryGetName(Word(tokens[k]), out var entry) && entry.CountryCode is { } code)
            {
                return code;
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasDigit(List<Token> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (tokens[k].Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsAllCaps(string word) => word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private NamedEntity Person(List<Token> tokens, int start, int end, ArticleMemory memory, string? title, string? countryCode)
    {
        var full = Join(tokens, start, end);
        var surname = Word(tokens[end - 1]);
        NamedEntity? known = null;
        if (end - start == 1 && (memory.People.TryGetValue(surname, out var remembered) || TryKnownSurname(surname, tokens[start], out remembered)))
        {
            known = remembered;
        }

        // "Joseph R. Biden" is one of Joe Biden's names in the gazetteer: the person takes its canonical name.
        var canonical = known?.Canonical ?? (gazetteer.TryGetName(full, out var entry) && entry.Kind == NameKind.Person ? entry.Canonical : full);
        countryCode ??= known?.CountryCode ?? (gazetteer.TryGetName(canonical, out entry) ? entry.CountryCode : null);
        title ??= known?.Title;
        var person = Entity(tokens, start, end, NameKind.Person, canonical, countryCode) with { Title = title };
        if (end - start > 1 || known is null)
        {
            memory.People[surname] = person;
        }

        if (title is not null && countryCode is not null)
        {
            memory.Titled[(title, countryCode)] = person;
        }

        return person;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryKnownSurname(string surname, Token token, out NamedEntity person)
    {
        var found = gazetteer.Surnames.TryGetValue(surname, out var entry);
        person = new NamedEntity(token.Start, token.End, token.Text, NameKind.Person, entry?.Canonical ?? surname, entry?.CountryCode);
        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NamedEntity Entity(List<Token> tokens, int start, int end, NameKind kind, string canonical, string? countryCode)
    {
        var last = tokens[end - 1];
        var stop = IsPossessive(last) ? last.End - 2 : last.End;
        // "Apple Inc." keeps its abbreviation's period.
        if (AbbreviationSuffixes.Contains(last.Text) && end < tokens.Count && tokens[end].Text == "." && tokens[end].Start == last.End)
        {
            stop++;
        }

        return new NamedEntity(tokens[start].Start, stop, Join(tokens, start, end), kind, canonical, countryCode);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int End, GazetteerEntry Entry)? LongestName(List<Token> tokens, int start, int end)
    {
        if (start >= end || !gazetteer.MayStartName(Word(tokens[start])))
        {
            return null;
        }

        for (var stop = Math.Min(end, start + gazetteer.MaxNameWords); stop > start; stop--)
        {
            if (gazetteer.TryGetName(Join(tokens, start, stop), out var entry))
            {
                return (stop, entry);
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int? LongestTitle(List<Token> tokens, int start, int end)
    {
        if (start >= end || !gazetteer.MayStartTitle(tokens[start].Text))
        {
            return null;
        }

        for (var stop = Math.Min(end, start + gazetteer.MaxTitleWords); stop > start; stop--)
        {
            if (gazetteer.IsTitle(Join(tokens, start, stop)))
            {
                return stop;
            }
        }

        return null;
    }
}
