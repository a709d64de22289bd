using Ingestion.Core.Extraction;
using Ingestion.Core.Extraction.Syntax;

namespace Ingestion.Tests.Extraction;

/// <summary>The embedded tagger and dependency parser on clear sentences.</summary>
public class SyntaxTests
{
    private static (SentenceSyntax Tree, List<Token> Tokens) Parse(string sentence)
    {
        var tokens = Tokenizer.Tokenize(sentence, 0, sentence.Length);
        return (SentenceSyntax.Parse(tokens, SyntaxModel.Shared), tokens);
    }

    /// <summary>The head word and label of a word of the sentence.</summary>
    private static (string Head, string Label) Arc(string sentence, string word)
    {
        var (tree, tokens) = Parse(sentence);
        var i = tokens.FindIndex(t => t.Text == word);
        return (tree.Head(i) < 0 ? "ROOT" : tokens[tree.Head(i)].Text, tree.Label(i));
    }

    [Fact]
    public void Model_loads_with_the_universal_tags_and_labels()
    {
        var model = SyntaxModel.Shared;
        Assert.Contains("PROPN", model.Tags);
        Assert.Contains("nsubj:pass", model.Labels);
        Assert.Contains("obl:agent", model.Labels);
        Assert.True(model.Parser.FeatureCount > 10_000);
    }

    [Fact]
    public void Model_stays_compact()
    {
        using var stream = typeof(SyntaxModel).Assembly.GetManifestResourceStream(SyntaxModel.ResourceName);
        Assert.NotNull(stream);
        Assert.InRange(stream.Length, 1_000_000, 8_000_000);
    }

    [Fact]
    public void Tags_parts_of_speech()
    {
        var (tree, _) = Parse("The army attacked the city on Monday.");
        Assert.Equal(["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"], Enumerable.Range(0, tree.Count).Select(tree.Tag));
    }

    [Fact]
    public void Active_clause_has_subject_and_object()
    {
        const string Sentence = "The rebels attacked the convoy.";
        Assert.Equal(("attacked", "nsubj"), Arc(Sentence, "rebels"));
        Assert.Equal(("attacked", "obj"), Arc(Sentence, "convoy"));
        Assert.Equal(("ROOT", "root"), Arc(Sentence, "attacked"));
    }

    [Fact]
    public void Passive_clause_has_passive_subject_and_agent()
    {
        const string Sentence = "The convoy was attacked by the rebels.";
        Assert.Equal(("attacked", "nsubj:pass"), Arc(Sentence, "convoy"));
        Assert.Equal(("attacked", "obl:agent"), Arc(Sentence, "rebels"));
    }

    [Fact]
    public void What_was_said_is_the_complement_of_said()
    {
        const string Sentence = "The minister said that the talks had failed.";
        Assert.Equal(("said", "nsubj"), Arc(Sentence, "minister"));
        Assert.Equal(("said", "ccomp"), Arc(Sentence, "failed"));
    }

    [Fact]
    public void Clitics_are_parsed_as_the_treebank_splits_them()
    {
        const string Sentence = "Russia's army didn't attack.";
        Assert.Equal(("army", "nmod:poss"), Arc(Sentence, "Russia's"));
        Assert.Equal(("attack", "aux"), Arc(Sentence, "didn't"));
    }
}
