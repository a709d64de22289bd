using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction.Syntax;

/// <summary>
/// Names each arc of a finished tree (nsubj, obj, nsubj:pass, obl:agent, ccomp ...) with an averaged perceptron over
/// the head and dependent words and tags, their distance and direction, and the function words hanging from both:
/// "by" under the dependent makes an agent, "was" under the head a passive subject.
/// </summary>
internal sealed class ArcLabeler(WeightTable weights, bool[] functionTags)
{
    public const int MaxFeatures = 40;
    private const int MaxChildren = 6;

    public int FeatureCount => weights.FeatureCount;

    /// <summary>Label indexes for every word, from its head node (0 for the root).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] Label(WordFeatures words, byte[] tags, int[] heads)
    {
        var labels = new byte[words.Count];
        var children = Children(heads);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<int> scores = stackalloc int[weights.ClassCount];
        for (var d = 0; d < words.Count; d++)
        {
            var count = Features(words, tags, heads, children, functionTags, d, features);
            weights.Score(features[..count], scores);
            labels[d] = (byte)PartOfSpeechTagger.ArgMax(scores);
        }

        return labels;
    }

    /// <summary>The dependents of every word in order (index = word, heads are nodes: word + 1, or 0 for the root).</summary>
    public static List<int>[] Children(int[] heads)
    {
        ArgumentNullException.ThrowIfNull(heads);
        var children = new List<int>[heads.Length];
        for (var i = 0; i < heads.Length; i++)
        {
            children[i] = [];
        }

        for (var i = 0; i < heads.Length; i++)
        {
            if (heads[i] > 0)
            {
                children[heads[i] - 1].Add(i);
            }
        }

        return children;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Features(WordFeatures words, byte[] tags, int[] heads, List<int>[] children, bool[] functionTags, int d, Span<ulong> f)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(functionTags);
        var h = heads[d] - 1;
        var dw = words.Word[d];
        var dt = FeatureHash.Number(tags[d]);
        var hw = h < 0 ? FeatureHash.None : words.Word[h];
        var ht = FeatureHash.Number(h < 0 ? -1 : tags[h]);
        var hh = h < 0 ? -1 : heads[h] - 1;
        var direction = FeatureHash.Number(h < 0 ? 0 : d < h ? 1 : 2);
        var distance = FeatureHash.Number(h < 0 ? 0 : Math.Min(Math.Abs(d - h), 6));

        var n = 0;
        f[n++] = FeatureHash.Of(201, dw);
        f[n++] = FeatureHash.Of(202, dt);
        f[n++] = FeatureHash.Of(203, dw, dt);
        f[n++] = FeatureHash.Of(204, hw);
        f[n++] = FeatureHash.Of(205, ht);
        f[n++] = FeatureHash.Of(206, hw, ht);
        f[n++] = FeatureHash.Of(207, dt, ht, direction);
        f[n++] = FeatureHash.Of(208, dw, ht, direction);
        f[n++] = FeatureHash.Of(209, dt, hw, direction);
        f[n++] = FeatureHash.Of(210, dw, hw);
        f[n++] = FeatureHash.Of(211, dt, ht, distance);
        f[n++] = FeatureHash.Of(212, direction, distance, dt);
        f[n++] = FeatureHash.Of(213, FeatureHash.Number(hh < 0 ? -1 : tags[hh]), ht, dt);
        f[n++] = FeatureHash.Of(214, PartOfSpeechTagger.At(words.Word, d - 1), dt);
        f[n++] = FeatureHash.Of(215, PartOfSpeechTagger.At(words.Word, d + 1), dt);
        f[n++] = FeatureHash.Of(216, words.Shape[d], dt, direction);
        f[n++] = FeatureHash.Of(217, FeatureHash.Number(children[d].Count == 0 ? 0 : 1), dt, ht);

        // Function words under the dependent: "by" (agent), "to" (infinitive), "that" (complement), "the".
        var taken = 0;
        foreach (var c in children[d])
        {
            if (taken++ == MaxChildren)
            {
                break;
            }

            var ct = FeatureHash.Number(tags[c]);
            var cw = functionTags[tags[c]] ? words.Word[c] : FeatureHash.None;
            f[n++] = FeatureHash.Of(218, ct, cw, ht);
            f[n++] = FeatureHash.Of(219, ct, cw, dt);
        }

        // Siblings under the head: "was" before the head makes its subject passive, an object already there makes a second one oblique.
        if (h >= 0)
        {
            taken = 0;
            foreach (var c in children[h])
            {
                if (c == d)
                {
                    continue;
                }

                if (taken++ == MaxChildren)
                {
                    break;
                }

                var ct = FeatureHash.Number(tags[c]);
                var cw = functionTags[tags[c]] ? words.Word[c] : FeatureHash.None;
                f[n++] = FeatureHash.Of(220, ct, cw, FeatureHash.Number(c < d ? 1 : 2));
            }
        }

        return n;
    }
}
