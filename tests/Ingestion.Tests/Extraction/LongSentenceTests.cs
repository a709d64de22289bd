using System.Text;
using Ingestion.Core.Extraction;

namespace Ingestion.Tests.Extraction;

/// <summary>Text with no sentence boundary for megabytes: cut into bounded sentences so extraction stays linear.</summary>
public class LongSentenceTests
{
    private const string Clause = "Officials met in Geneva on Tuesday and troops attacked the town while President Biden called Macron, ";

    private static string Line(int length)
    {
        var builder = new StringBuilder(length + Clause.Length);
        while (builder.Length < length)
        {
            builder.Append(Clause);
        }

        return builder.ToString(0, length);
    }

    [Fact]
    public void Run_without_a_boundary_is_cut_at_spaces_into_bounded_sentences()
    {
        var text = Line(50_000);

        var sentences = new SentenceSplitter().Split(text);

        Assert.All(sentences, s => Assert.InRange(s.End - s.Start, 1, SentenceSplitter.MaxSentenceLength));
        Assert.All(sentences.Skip(1), s => Assert.Equal(' ', text[s.Start - 1]));
        Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(sentences.Select(s => text[s.Start..s.End].Replace(" ", string.Empty, StringComparison.Ordinal))));
    }

    [Fact]
    public void Run_without_spaces_is_cut_at_the_limit_but_never_inside_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 3_000));

        var sentences = new SentenceSplitter().Split(text);

        Assert.True(sentences.Count >= 6);
        Assert.All(sentences, s => Assert.False(char.IsLowSurrogate(text[s.Start]), $"sentence at {s.Start} starts inside a surrogate pair"));
        Assert.Equal(text.Length, sentences.Sum(s => s.End - s.Start));
    }

    [Fact]
    public void Ten_megabyte_line_is_extracted_in_bounded_sentences()
    {
        // That this takes linear time is measured side by side in the extraction benchmark ("long line").
        var result = RuleBasedEventExtractor.Shared.Extract(Line(10_000_000), new DateOnly(2022, 2, 6));

        Assert.NotEmpty(result.Events);
        Assert.All(result.Events, e => Assert.True(e.Sentence.Length <= SentenceSplitter.MaxSentenceLength));
    }
}
