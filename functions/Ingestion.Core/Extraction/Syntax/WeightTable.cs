using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction.Syntax;

/// <summary>
/// The weights of one averaged-perceptron classifier, sparse: each kept feature has weights for the few classes it
/// ever voted for, quantized to 16 bits. Features live in an open-addressing table keyed by their hash.
/// </summary>
internal sealed class WeightTable
{
    // A slot and its entries are two cache lines at most: lookups, not arithmetic, are what parsing costs.
    private readonly Slot[] slots;
    private readonly Entry[] entries;
    private readonly int mask;

    private WeightTable(int classCount, Slot[] slots, Entry[] entries)
    {
        ClassCount = classCount;
        this.slots = slots;
        this.entries = entries;
        mask = slots.Length - 1;
    }

    public int ClassCount { get; }

    public int FeatureCount => slots.Count(s => s.Key != 0);

    /// <summary>Adds every known feature's weights to the class scores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Score(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        scores.Clear();
        foreach (var feature in features)
        {
            var i = (int)feature & mask;
            while (slots[i].Key != 0)
            {
                ref readonly var slot = ref slots[i];
                if (slot.Key == feature)
                {
                    var end = slot.Start + slot.Count;
                    for (var e = slot.Start; e < end; e++)
                    {
                        scores[entries[e].Class] += entries[e].Weight;
                    }

                    break;
                }

                i = (i + 1) & mask;
            }
        }
    }
    /// <summary>
    /// Writes features and their per-class weights in steps of <paramref name="scale"/>; weights that round to zero
    /// are dropped. Scores are only compared, so they are read back in steps and never rescaled.
    /// </summary>
    public static void Write(BinaryWriter writer, int classCount, IReadOnlyList<(ulong Feature, IReadOnlyList<(int Class, float Weight)> Weights)> features, float scale)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var kept = new List<(ulong Feature, List<(int Class, short Weight)> Weights)>();
        foreach (var (feature, classWeights) in features)
        {
            var quantized = classWeights
                .Select(w => (w.Class, Weight: (short)Math.Clamp(MathF.Round(w.Weight / scale), short.MinValue, short.MaxValue)))
                .Where(w => w.Weight != 0)
                .ToList();
            if (quantized.Count > 0)
            {
                kept.Add((feature, quantized));
            }
        }

        writer.Write(classCount);
        writer.Write(kept.Count);
        foreach (var (feature, classWeights) in kept)
        {
            writer.Write(feature);
            writer.Write((byte)classWeights.Count);
            foreach (var (c, w) in classWeights)
            {
                writer.Write((byte)c);
                writer.Write(w);
            }
        }
    }

    public static WeightTable Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var classCount = reader.ReadInt32();
        var featureCount = reader.ReadInt32();
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, featureCount * 2));
        var slots = new Slot[capacity];
        var entries = new List<Entry>(featureCount * 3);
        var mask = capacity - 1;
        for (var f = 0; f < featureCount; f++)
        {
            var key = reader.ReadUInt64();
            var count = reader.ReadByte();
            var i = (int)key & mask;
            while (slots[i].Key != 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = new Slot(key, entries.Count, count);
            for (var e = 0; e < count; e++)
            {
                entries.Add(new Entry(reader.ReadByte(), reader.ReadInt16()));
            }
        }

        return new WeightTable(classCount, slots, [.. entries]);
    }

    private readonly record struct Slot(ulong Key, int Start, int Count);

    private readonly record struct Entry(byte Class, short Weight);
}
