using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction.Syntax;

/// <summary>
/// Greedy arc-eager transition parser (Nivre 2003) scored by an averaged perceptron over the stack and buffer
/// words and tags, the children found so far, distance and valency (the templates of Zhang and Nivre 2011, trimmed).
/// Node 0 stands for an empty stack and takes no dependents while parsing: words still without a head at the end hang
/// from the root, so a sentence-initial noun is not made the root before its verb is seen (Ballesteros and Nivre 2013).
/// Word i of the sentence is node i + 1. Arcs come out unlabeled; <see cref="ArcLabeler"/> names them.
/// </summary>
internal sealed class ArcEagerParser(WeightTable weights)
{
    public const int Shift = 0;
    public const int Reduce = 1;
    public const int Left = 2;
    public const int Right = 3;
    public const int MoveCount = 4;
    public const int MaxFeatures = 48;

    public int FeatureCount => weights.FeatureCount;

    /// <summary>The head node of every word (0 for the root), from word features and tag indexes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int[] Parse(WordFeatures words, byte[] tags)
    {
        var state = new ArcEagerState(words.Count);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<int> scores = stackalloc int[MoveCount];
        while (!state.BufferEmpty)
        {
            var count = Features(state, words, tags, features);
            weights.Score(features[..count], scores);
            state.Apply(Best(state, scores));
        }

        return state.FinishedHeads();
    }

    /// <summary>The highest-scoring move the state allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Best(ArcEagerState state, ReadOnlySpan<int> scores)
    {
        ArgumentNullException.ThrowIfNull(state);
        var best = -1;
        for (var m = 0; m < MoveCount; m++)
        {
            if (state.IsValid(m) && (best < 0 || scores[m] > scores[best]))
            {
                best = m;
            }
        }

        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Features(ArcEagerState state, WordFeatures words, byte[] tags, Span<ulong> f)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(tags);
        var s0 = state.S0;
        var s1 = state.S1;
        var n0 = state.BufferEmpty ? -1 : state.Next;
        var n1 = n0 > 0 && n0 < words.Count ? n0 + 1 : -1;
        var n2 = n1 > 0 && n1 < words.Count ? n1 + 1 : -1;
        var s0h = s0 > 0 ? state.Heads[s0] : -1;
        var s0l = s0 >= 0 ? state.LeftMost[s0] : -1;
        var s0r = s0 >= 0 ? state.RightMost[s0] : -1;
        var n0l = n0 >= 0 ? state.LeftMost[n0] : -1;

        ulong W(int node) => node < 0 ? FeatureHash.None : node == 0 ? RootWord : words.Word[node - 1];
        ulong T(int node) => FeatureHash.Number(node < 0 ? -1 : node == 0 ? RootTag : tags[node - 1]);

        ulong s0w = W(s0), s0t = T(s0), n0w = W(n0), n0t = T(n0), n1w = W(n1), n1t = T(n1), n2t = T(n2);
        var s0wt = FeatureHash.Of(0, s0w, s0t);
        var n0wt = FeatureHash.Of(0, n0w, n0t);
        var distance = FeatureHash.Number(s0 >= 0 && n0 >= 0 ? Math.Min(n0 - s0, 6) : 0);
        var s0Right = FeatureHash.Number(s0 >= 0 ? Math.Min((int)state.RightCount[s0], 4) : -1);
        var s0Left = FeatureHash.Number(s0 >= 0 ? Math.Min((int)state.LeftCount[s0], 4) : -1);
        var n0Left = FeatureHash.Number(n0 >= 0 ? Math.Min((int)state.LeftCount[n0], 4) : -1);

        var n = 0;
        f[n++] = FeatureHash.Of(101, s0w);
        f[n++] = FeatureHash.Of(102, s0t);
        f[n++] = FeatureHash.Of(103, s0wt);
        f[n++] = FeatureHash.Of(104, n0w);
        f[n++] = FeatureHash.Of(105, n0t);
        f[n++] = FeatureHash.Of(106, n0wt);
        f[n++] = FeatureHash.Of(107, n1w);
        f[n++] = FeatureHash.Of(108, n1t);
        f[n++] = FeatureHash.Of(109, n1w, n1t);
        f[n++] = FeatureHash.Of(110, W(n2));
        f[n++] = FeatureHash.Of(111, n2t);
        f[n++] = FeatureHash.Of(112, s0wt, n0wt);
        f[n++] = FeatureHash.Of(113, s0wt, n0w);
        f[n++] = FeatureHash.Of(114, s0w, n0wt);
        f[n++] = FeatureHash.Of(115, s0wt, n0t);
        f[n++] = FeatureHash.Of(116, s0t, n0wt);
        f[n++] = FeatureHash.Of(117, s0w, n0w);
        f[n++] = FeatureHash.Of(118, s0t, n0t);
        f[n++] = FeatureHash.Of(119, n0t, n1t);
        f[n++] = FeatureHash.Of(120, n0t, n1t, n2t);
        f[n++] = FeatureHash.Of(121, s0t, n0t, n1t);
        f[n++] = FeatureHash.Of(122, T(s0h), s0t, n0t);
        f[n++] = FeatureHash.Of(123, s0t, T(s0l), n0t);
        f[n++] = FeatureHash.Of(124, s0t, T(s0r), n0t);
        f[n++] = FeatureHash.Of(125, s0t, n0t, T(n0l));
        f[n++] = FeatureHash.Of(126, T(s1), s0t, n0t);
        f[n++] = FeatureHash.Of(127, s0w, distance);
        f[n++] = FeatureHash.Of(128, s0t, distance);
        f[n++] = FeatureHash.Of(129, n0w, distance);
        f[n++] = FeatureHash.Of(130, s0t, n0t, distance);
        f[n++] = FeatureHash.Of(131, s0w, s0Right);
        f[n++] = FeatureHash.Of(132, s0t, s0Right);
        f[n++] = FeatureHash.Of(133, s0w, s0Left);
        f[n++] = FeatureHash.Of(134, s0t, s0Left);
        f[n++] = FeatureHash.Of(135, n0w, n0Left);
        f[n++] = FeatureHash.Of(136, n0t, n0Left);
        f[n++] = FeatureHash.Of(137, W(s0h));
        f[n++] = FeatureHash.Of(138, T(s0h));
        f[n++] = FeatureHash.Of(139, W(s0l));
        f[n++] = FeatureHash.Of(140, T(s0l));
        f[n++] = FeatureHash.Of(141, W(s0r));
        f[n++] = FeatureHash.Of(142, T(s0r));
        f[n++] = FeatureHash.Of(143, W(n0l));
        f[n++] = FeatureHash.Of(144, T(n0l));
        f[n++] = FeatureHash.Of(145, W(s1), T(s1));
        f[n++] = FeatureHash.Of(146, s0w, n0t, n1t);
        f[n++] = FeatureHash.Of(147, s0t, n0w, n1t);
        f[n++] = FeatureHash.Of(148, FeatureHash.Number(s0h >= 0 ? 1 : 0), s0t, n0t);
        return n;
    }

    private const int RootTag = 250;
    private static readonly ulong RootWord = FeatureHash.Number(1_000_000);
}

/// <summary>The stack, the buffer front and the arcs of an arc-eager parse in progress.</summary>
internal sealed class ArcEagerState
{
    private readonly int[] stack;
    private int depth;

    public ArcEagerState(int wordCount)
    {
        WordCount = wordCount;
        Heads = new int[wordCount + 1];
        LeftMost = new int[wordCount + 1];
        RightMost = new int[wordCount + 1];
        LeftCount = new byte[wordCount + 1];
        RightCount = new byte[wordCount + 1];
        Array.Fill(Heads, -1);
        Array.Fill(LeftMost, -1);
        Array.Fill(RightMost, -1);
        stack = new int[wordCount + 1];
        depth = 1;
        Next = 1;
    }

    public int WordCount { get; }

    public int[] Heads { get; }

    public int[] LeftMost { get; }

    public int[] RightMost { get; }

    public byte[] LeftCount { get; }

    public byte[] RightCount { get; }

    public int Next { get; private set; }

    public bool BufferEmpty => Next > WordCount;

    public int S0 => stack[depth - 1];

    public int S1 => depth > 1 ? stack[depth - 2] : -1;

    public bool IsValid(int move) => move switch
    {
        ArcEagerParser.Shift => !BufferEmpty,
        ArcEagerParser.Reduce => S0 != 0 && Heads[S0] >= 0,
        ArcEagerParser.Left => !BufferEmpty && S0 != 0 && Heads[S0] < 0,
        _ => !BufferEmpty && S0 != 0,
    };

    public void Apply(int move)
    {
        switch (move)
        {
            case ArcEagerParser.Shift:
                stack[depth++] = Next++;
                break;
            case ArcEagerParser.Reduce:
                depth--;
                break;
            case ArcEagerParser.Left:
                Attach(Next, S0);
                depth--;
                break;
            default:
                Attach(S0, Next);
                stack[depth++] = Next++;
                break;
        }
    }

    /// <summary>Heads of nodes 1..n as an array indexed by word (node - 1); words left unattached hang from the root.</summary>
    public int[] FinishedHeads()
    {
        var heads = new int[WordCount];
        for (var i = 0; i < WordCount; i++)
        {
            heads[i] = Math.Max(0, Heads[i + 1]);
        }

        return heads;
    }

    private void Attach(int head, int dependent)
    {
        Heads[dependent] = head;
        if (dependent < head)
        {
            LeftCount[head] = (byte)Math.Min(255, LeftCount[head] + 1);
            if (LeftMost[head] < 0 || dependent < LeftMost[head])
            {
                LeftMost[head] = dependent;
            }
        }
        else
        {
            RightCount[head] = (byte)Math.Min(255, RightCount[head] + 1);
            if (dependent > RightMost[head])
            {
                RightMost[head] = dependent;
            }
        }
    }
}
