using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction.Syntax;

/// <summary>
/// The dependency tree of one sentence over the extractor's own tokens. The treebank splits clitics ("does" + "n't",
/// "Russia" + "'s"), so such tokens are parsed as two words and the token takes the arc of its first word.
/// Words of names the gazetteer recognized are tagged as it says (PROPN; ADJ for "Polish"), not guessed: the treebank
/// is web text, and a tagger trained on it reads "Polish" as a verb.
/// </summary>
internal sealed class SentenceSyntax
{
    private static readonly string[] Clitics = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];
    private readonly int[] heads;
    private readonly string[] labels;
    private readonly string[] tags;
    private readonly List<int>[] children;

    private SentenceSyntax(int[] heads, string[] labels, string[] tags)
    {
        this.heads = heads;
        this.labels = labels;
        this.tags = tags;
        children = new List<int>[heads.Length];
        for (var i = 0; i < heads.Length; i++)
        {
            children[i] = [];
        }

        for (var i = 0; i < heads.Length; i++)
        {
            if (heads[i] >= 0)
            {
                children[heads[i]].Add(i);
            }
        }
    }

    public int Count => heads.Length;

    /// <summary>The token this one depends on, or -1 for the root.</summary>
    public int Head(int token) => heads[token];

    /// <summary>The Universal Dependencies relation to the head (nsubj, obj, nsubj:pass, obl:agent, ccomp, ...).</summary>
    public string Label(int token) => labels[token];

    /// <summary>The Universal POS tag (NOUN, PROPN, VERB, AUX, PRON, ...).</summary>
    public string Tag(int token) => tags[token];

    public IReadOnlyList<int> Children(int token) => children[token];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SentenceSyntax Parse(List<Token> tokens, SyntaxModel model, IReadOnlyList<string?>? knownTags = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(model);
        var words = new List<string>(tokens.Count + 4);
        var owner = new List<int>(tokens.Count + 4);
        var known = new List<byte>(tokens.Count + 4);
        var first = new int[tokens.Count];
        for (var t = 0; t < tokens.Count; t++)
        {
            first[t] = words.Count;
            var text = Normalize(tokens[t].Text);
            var split = CliticStart(text);
            var tag = knownTags?[t] is { } name ? model.TagIndex(name) : PartOfSpeechTagger.Unknown;
            if (split > 0)
            {
                words.Add(text[..split]);
                owner.Add(t);
                known.Add(tag);
                text = text[split..];
                tag = PartOfSpeechTagger.Unknown;
            }

            words.Add(text);
            owner.Add(t);
            known.Add(tag);
        }

        var parsed = model.Parse(words, [.. known]);
        var heads = new int[tokens.Count];
        var labels = new string[tokens.Count];
        var tags = new string[tokens.Count];
        for (var t = 0; t < tokens.Count; t++)
        {
            var w = first[t];
            var head = parsed.Heads[w];
            // "cannot" style tokens whose first word hangs on its own second word take the second word's arc.
            if (head >= 0 && owner[head] == t)
            {
                w = head;
                head = parsed.Heads[w];
            }

            heads[t] = head < 0 || owner[head] == t ? -1 : owner[head];
            labels[t] = parsed.Labels[w];
            tags[t] = parsed.Tags[first[t]];
        }

        return new SentenceSyntax(heads, labels, tags);
    }

    private static string Normalize(string text) => text switch
    {
        "“" or "”" or "``" or "''" => "\"",
        "‘" or "’" => "'",
        _ => text.Contains('’', StringComparison.Ordinal) ? text.Replace('’', '\'') : text,
    };

    /// <summary>Where a clitic starts in a token ("didn't" at 3, "Russia's" at 6), or 0.</summary>
    private static int CliticStart(string text)
    {
        foreach (var clitic in Clitics)
        {
            if (text.Length > clitic.Length && text.EndsWith(clitic, StringComparison.OrdinalIgnoreCase))
            {
                return text.Length - clitic.Length;
            }
        }

        return 0;
    }
}
