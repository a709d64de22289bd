namespace Ingestion.Core.Extraction;

/// <summary>
/// Tells English text from other languages by stopword profiles (Data/language-stopwords.tsv): the extractor's rules and
/// word lists are English, and other languages would only yield junk events. A profile is enough to name the common
/// languages of news; a text too short to judge, or that matches no other profile better than English, passes.
/// </summary>
internal sealed class LanguageIdentifier
{
    /// <summary>Texts with fewer words are not judged: a headline-sized article is read as English.</summary>
    internal const int MinWords = 12;

    /// <summary>Enough words to judge a language; the rest of a long text is not looked at.</summary>
    private const int MaxWords = 2_000;

    /// <summary>The share of its words a language's profile must cover: real text is about a third function words.</summary>
    private const double MinShare = 0.1;

    public const string English = "en";

    private readonly Dictionary<string, List<string>> _languagesByWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public LanguageIdentifier()
    {
        foreach (var row in ExtractionData.ReadTable("language-stopwords.tsv", 3))
        {
            _names[row[0]] = row[1];
            foreach (var word in row[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!_languagesByWord.TryGetValue(word, out var languages))
                {
                    _languagesByWord[word] = languages = [];
                }

                languages.Add(row[0]);
            }
        }
    }

    public static LanguageIdentifier Shared { get; } = new();

    /// <summary>The ISO 639-1 code of the language the text is in, when it is clearly not English; otherwise <see cref="English"/>.</summary>
    public string Identify(string text)
    {
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = 0;
        foreach (var range in WordRanges(text))
        {
            words++;
            var word = text.AsSpan(range).ToString().ToLowerInvariant();
            foreach (var language in _languagesByWord.GetValueOrDefault(word) ?? [])
            {
                hits[language] = hits.GetValueOrDefault(language) + 1;
            }

            if (words == MaxWords)
            {
                break;
            }
        }

        if (words < MinWords || hits.Count == 0)
        {
            return English;
        }

        var (best, count) = hits.MaxBy(pair => pair.Value);
        return best != English && count >= MinShare * words && count > hits.GetValueOrDefault(English) ? best : English;
    }

    /// <summary>The language's name in English ("French" for fr).</summary>
    public string NameOf(string code) => _names.GetValueOrDefault(code, code);

    /// <summary>Runs of letters (an apostrophe ends a word, so "l'accord" gives "l" and "accord").</summary>
    private static IEnumerable<Range> WordRanges(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && char.IsLetter(text[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                yield return start..i;
                start = -1;
            }
        }
    }
}
