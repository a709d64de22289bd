using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction.Syntax;

/// <summary>
/// Greedy left-to-right Universal POS tagger: an averaged perceptron over the word, its affixes and shape, its
/// neighbours and the two tags already given (the feature set of Collins 2002 as used by Honnibal's tagger).
/// Frequent words seen with a single tag in training skip the classifier.
/// </summary>
internal sealed class PartOfSpeechTagger(WeightTable weights, IReadOnlyDictionary<ulong, byte> unambiguous)
{
    /// <summary>The most features one word produces.</summary>
    public const int MaxFeatures = 20;

    public int FeatureCount => weights.FeatureCount;

    public int UnambiguousWords => unambiguous.Count;

    /// <summary>Marks a word whose tag is not known before tagging.</summary>
    public const byte Unknown = byte.MaxValue;

    /// <summary>Tag indexes for every word of a sentence; words with a known tag (a name the gazetteer found) keep it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] Tag(WordFeatures words, byte[]? known = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        var tags = new byte[words.Count];
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<int> scores = stackalloc int[weights.ClassCount];
        for (var i = 0; i < words.Count; i++)
        {
            if (known is not null && known[i] != Unknown)
            {
                tags[i] = known[i];
                continue;
            }

            if (unambiguous.TryGetValue(words.Word[i], out var frequent))
            {
                tags[i] = frequent;
                continue;
            }

            var count = Features(words, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, features);
            weights.Score(features[..count], scores);
            tags[i] = (byte)ArgMax(scores);
        }

        return tags;
    }

    /// <summary>The features of word <paramref name="i"/> given the two tags before it (-1 before the sentence).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Features(WordFeatures words, int i, int previousTag, int previousTag2, Span<ulong> features)
    {
        ArgumentNullException.ThrowIfNull(words);
        var p1 = FeatureHash.Number(previousTag);
        var p2 = FeatureHash.Number(previousTag2);
        var w = words.Word[i];
        var n = 0;
        features[n++] = FeatureHash.Of(1, FeatureHash.None);
        features[n++] = FeatureHash.Of(2, w);
        features[n++] = FeatureHash.Of(3, words.Suffix[i]);
        features[n++] = FeatureHash.Of(4, words.Prefix[i]);
        features[n++] = FeatureHash.Of(5, words.Shape[i]);
        features[n++] = FeatureHash.Of(6, p1);
        features[n++] = FeatureHash.Of(7, p1, p2);
        features[n++] = FeatureHash.Of(8, p1, w);
        features[n++] = FeatureHash.Of(9, p1, words.Shape[i]);
        features[n++] = FeatureHash.Of(10, At(words.Word, i - 1));
        features[n++] = FeatureHash.Of(11, At(words.Suffix, i - 1));
        features[n++] = FeatureHash.Of(12, At(words.Word, i - 2));
        features[n++] = FeatureHash.Of(13, At(words.Word, i + 1));
        features[n++] = FeatureHash.Of(14, At(words.Suffix, i + 1));
        features[n++] = FeatureHash.Of(15, At(words.Word, i + 2));
        features[n++] = FeatureHash.Of(16, At(words.Shape, i + 1));
        features[n++] = FeatureHash.Of(17, w, At(words.Word, i + 1));
        features[n++] = FeatureHash.Of(18, At(words.Word, i - 1), w);
        features[n++] = FeatureHash.Of(19, p1, At(words.Word, i + 1));
        features[n++] = FeatureHash.Of(20, FeatureHash.Number(i == 0 ? 1 : 0), words.Shape[i]);
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong At(ulong[] values, int i) => i >= 0 && i < values.Length ? values[i] : FeatureHash.None;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ArgMax(ReadOnlySpan<int> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }
}
