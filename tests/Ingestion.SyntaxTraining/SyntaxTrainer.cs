using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ingestion.Core.Extraction.Syntax;

namespace Ingestion.SyntaxTraining;

/// <summary>Trains the three classifiers of the syntax model with the feature extractors the runtime uses.</summary>
internal sealed class SyntaxTrainer
{
    // Labels rarer than this fall back to their universal part (nmod:npmod -> nmod).
    private const int MinLabelCount = 20;

    // A word seen this often, always with the same tag, is tagged from the dictionary.
    private const int MinUnambiguousCount = 20;

    private readonly List<GoldSentence> train;
    private readonly int epochs;
    private readonly Dictionary<string, int> tagIndex;
    private readonly Dictionary<string, int> labelIndex;
    private readonly WordFeatures[] features;

    public SyntaxTrainer(List<GoldSentence> train, int epochs)
    {
        this.train = train;
        this.epochs = epochs;
        Tags = [.. train.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal)];
        var labelCounts = train.SelectMany(s => s.Labels).GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Labels = [.. labelCounts.Keys.Select(l => labelCounts[l] >= MinLabelCount ? l : Universal(l)).Distinct().Order(StringComparer.Ordinal)];
        tagIndex = Tags.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        labelIndex = Labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        features = [.. train.Select(s => new WordFeatures(s.Forms))];
    }

    public string[] Tags { get; }

    public string[] Labels { get; }

    public (AveragedPerceptron Tagger, Dictionary<ulong, byte> Unambiguous) TrainTagger()
    {
        var unambiguous = Unambiguous(train);
        return (TrainTagger([.. Enumerable.Range(0, train.Count)], unambiguous), unambiguous);
    }

    /// <summary>Tags every training sentence with a tagger trained on the other folds, so the parser learns from tags as wrong as at run time.</summary>
    public byte[][] JackknifeTags(int folds)
    {
        var tags = new byte[train.Count][];
        for (var fold = 0; fold < folds; fold++)
        {
            var held = Enumerable.Range(0, train.Count).Where(i => i % folds == fold).ToArray();
            var rest = Enumerable.Range(0, train.Count).Where(i => i % folds != fold).ToArray();
            var unambiguous = Unambiguous(rest.Select(i => train[i]));
            var weights = Runtime(TrainTagger(rest, unambiguous));
            var tagger = new PartOfSpeechTagger(weights, unambiguous);
            foreach (var i in held)
            {
                tags[i] = tagger.Tag(features[i]);
            }
        }

        return tags;
    }

    public AveragedPerceptron TrainParser(byte[][] tags)
    {
        var model = new AveragedPerceptron(ArcEagerParser.MoveCount);
        var projective = Enumerable.Range(0, train.Count).Where(i => train[i].IsProjective()).ToArray();
        Span<ulong> f = stackalloc ulong[ArcEagerParser.MaxFeatures];
        var scores = new float[ArcEagerParser.MoveCount];
        var intScores = new int[ArcEagerParser.MoveCount];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            int right = 0, total = 0;
            foreach (var i in Shuffled(projective, epoch))
            {
                var gold = train[i].Heads;
                var state = new ArcEagerState(gold.Length);
                while (!state.BufferEmpty)
                {
                    var count = ArcEagerParser.Features(state, features[i], tags[i], f);
                    model.Score(f[..count], scores);
                    for (var m = 0; m < scores.Length; m++)
                    {
                        intScores[m] = (int)MathF.Round(scores[m] * 1000);
                    }

                    var guess = ArcEagerParser.Best(state, intScores);
                    var truth = Oracle(state, gold);
                    model.Update(f[..count], truth, guess);
                    right += guess == truth ? 1 : 0;
                    total++;
                    state.Apply(truth);
                }
            }

            Console.WriteLine($"  parser epoch {epoch + 1}: {(double)right / total:0.0000} of moves right");
        }

        return model;
    }

    public AveragedPerceptron TrainLabeler(byte[][] tags)
    {
        var model = new AveragedPerceptron(Labels.Length);
        var functionTags = SyntaxModel.FunctionTags(Tags);
        Span<ulong> f = stackalloc ulong[ArcLabeler.MaxFeatures];
        var scores = new float[Labels.Length];
        var order = Enumerable.Range(0, train.Count).ToArray();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            int right = 0, total = 0;
            foreach (var i in Shuffled(order, epoch))
            {
                var heads = train[i].Heads;
                var children = ArcLabeler.Children(heads);
                for (var d = 0; d < heads.Length; d++)
                {
                    var count = ArcLabeler.Features(features[i], tags[i], heads, children, functionTags, d, f);
                    model.Score(f[..count], scores);
                    var guess = ArgMax(scores);
                    var truth = LabelIndex(train[i].Labels[d]);
                    model.Update(f[..count], truth, guess);
                    right += guess == truth ? 1 : 0;
                    total++;
                }
            }

            Console.WriteLine($"  labeler epoch {epoch + 1}: {(double)right / total:0.0000} right");
        }

        return model;
    }

    /// <summary>UPOS accuracy, UAS and LAS over every word (punctuation included, as in CoNLL 2018), and words per second.</summary>
    public static string Evaluate(SyntaxModel model, List<GoldSentence> test)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var s in test.Take(200))
        {
            model.Parse(s.Forms);
        }

        int words = 0, tags = 0, attached = 0, labeled = 0;
        // Processor time, not wall time: the machine may be shared.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var parses = test.ConvertAll(s => model.Parse(s.Forms));
        var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        for (var s = 0; s < test.Count; s++)
        {
            var gold = test[s];
            for (var i = 0; i < gold.Forms.Length; i++)
            {
                words++;
                tags += parses[s].Tags[i] == gold.Tags[i] ? 1 : 0;
                if (parses[s].Heads[i] + 1 == gold.Heads[i])
                {
                    attached++;
                    labeled += parses[s].Labels[i] == Fallback(model.Labels, gold.Labels[i]) ? 1 : 0;
                }
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"test: {test.Count} sentences, {words} words");
        report.AppendLine(CultureInfo.InvariantCulture, $"UPOS {(double)tags / words:0.0000}  UAS {(double)attached / words:0.0000}  LAS {(double)labeled / words:0.0000}");
        report.AppendLine(CultureInfo.InvariantCulture, $"tag+parse+label: {words / seconds:0} words/s of processor time");
        return report.ToString();
    }

    /// <summary>
    /// The arc-eager static oracle for a projective gold tree (heads are 0 for the root, else 1-based). The root word
    /// is shifted and left headless, as the parser never attaches to node 0.
    /// </summary>
    private static int Oracle(ArcEagerState state, int[] gold)
    {
        var s0 = state.S0;
        var n0 = state.Next;
        if (s0 > 0 && state.Heads[s0] < 0 && gold[s0 - 1] == n0)
        {
            return ArcEagerParser.Left;
        }

        if (s0 > 0 && gold[n0 - 1] == s0)
        {
            return ArcEagerParser.Right;
        }

        if (s0 > 0 && state.Heads[s0] >= 0 && !HasChildFrom(gold, s0, n0))
        {
            return ArcEagerParser.Reduce;
        }

        return ArcEagerParser.Shift;
    }

    private static bool HasChildFrom(int[] gold, int head, int from)
    {
        for (var node = from; node <= gold.Length; node++)
        {
            if (gold[node - 1] == head)
            {
                return true;
            }
        }

        return false;
    }

    private AveragedPerceptron TrainTagger(int[] indexes, Dictionary<ulong, byte> unambiguous)
    {
        var model = new AveragedPerceptron(Tags.Length);
        Span<ulong> f = stackalloc ulong[PartOfSpeechTagger.MaxFeatures];
        var scores = new float[Tags.Length];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var s in Shuffled(indexes, epoch))
            {
                var words = features[s];
                var gold = train[s].Tags;
                int previous = -1, previous2 = -1;
                for (var i = 0; i < words.Count; i++)
                {
                    int tag;
                    if (unambiguous.TryGetValue(words.Word[i], out var known))
                    {
                        tag = known;
                    }
                    else
                    {
                        var count = PartOfSpeechTagger.Features(words, i, previous, previous2, f);
                        model.Score(f[..count], scores);
                        tag = ArgMax(scores);
                        model.Update(f[..count], tagIndex[gold[i]], tag);
                    }

                    previous2 = previous;
                    previous = tag;
                }
            }
        }

        return model;
    }

    private Dictionary<ulong, byte> Unambiguous(IEnumerable<GoldSentence> sentences)
    {
        var counts = new Dictionary<ulong, Dictionary<string, int>>();
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Forms.Length; i++)
            {
                var word = FeatureHash.Word(s.Forms[i]);
                if (!counts.TryGetValue(word, out var byTag))
                {
                    byTag = new Dictionary<string, int>(StringComparer.Ordinal);
                    counts[word] = byTag;
                }

                byTag[s.Tags[i]] = byTag.GetValueOrDefault(s.Tags[i]) + 1;
            }
        }

        return counts.Where(c => c.Value.Count == 1 && c.Value.Values.Single() >= MinUnambiguousCount)
            .ToDictionary(c => c.Key, c => (byte)tagIndex[c.Value.Keys.Single()]);
    }

    private static WeightTable Runtime(AveragedPerceptron model)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var (averaged, maxAbs) = model.Averaged();
            WeightTable.Write(writer, model.ClassCount, averaged, Math.Max(0.01f, maxAbs / short.MaxValue));
        }

        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        return WeightTable.Read(reader);
    }

    private int LabelIndex(string label) => labelIndex.TryGetValue(label, out var i) ? i : labelIndex[Universal(label)];

    private static string Fallback(string[] labels, string label) => labels.Contains(label, StringComparer.Ordinal) ? label : Universal(label);

    private static string Universal(string label) => label.Split(':')[0];

    private static int[] Shuffled(int[] items, int seed)
    {
        var copy = (int[])items.Clone();
        new Random(seed).Shuffle(copy);
        return copy;
    }

    private static int ArgMax(float[] scores)
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
