namespace Ingestion.SyntaxTraining;

/// <summary>
/// A multiclass averaged perceptron (Collins 2002) with lazily updated averages. Weights are sparse per feature:
/// a feature holds only the classes it was ever updated for, which is what the runtime table stores.
/// </summary>
internal sealed class AveragedPerceptron(int classCount)
{
    private readonly Dictionary<ulong, List<Weight>> weights = [];
    private int instances;

    public int ClassCount => classCount;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var feature in features)
        {
            if (weights.TryGetValue(feature, out var list))
            {
                foreach (var w in list)
                {
                    scores[w.Class] += w.Value;
                }
            }
        }
    }

    /// <summary>One training example: rewards the true class and punishes the guess when they differ.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        instances++;
        if (truth == guess)
        {
            return;
        }

        foreach (var feature in features)
        {
            if (!weights.TryGetValue(feature, out var list))
            {
                list = [];
                weights[feature] = list;
            }

            Add(list, truth, 1);
            Add(list, guess, -1);
        }
    }

    /// <summary>The averaged weights of every feature, and the largest of them.</summary>
    public (List<(ulong Feature, IReadOnlyList<(int Class, float Weight)> Weights)> Features, float MaxAbs) Averaged()
    {
        var result = new List<(ulong, IReadOnlyList<(int, float)>)>(weights.Count);
        var max = 0f;
        foreach (var (feature, list) in weights)
        {
            var averaged = list.Select(w => (w.Class, Weight: (float)((w.Total + ((instances - w.Stamp) * (double)w.Value)) / instances))).ToList();
            max = Math.Max(max, averaged.Max(a => Math.Abs(a.Weight)));
            result.Add((feature, averaged.ConvertAll(a => (a.Class, a.Weight))));
        }

        return (result, max);
    }

    public int FeatureCount => weights.Count;

    private void Add(List<Weight> list, int c, float delta)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Class == c)
            {
                var w = list[i];
                w.Total += (instances - w.Stamp) * (double)w.Value;
                w.Stamp = instances;
                w.Value += delta;
                list[i] = w;
                return;
            }
        }

        list.Add(new Weight { Class = c, Value = delta, Stamp = instances, Total = 0 });
    }

    private struct Weight
    {
        public int Class;
        public float Value;
        public double Total;
        public int Stamp;
    }
}
