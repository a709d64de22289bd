using System.Runtime.CompilerServices;

namespace Ingestion.Core.Extraction.Syntax;

/// <summary>
/// 64-bit hashes of words and feature tuples. Features are never spelled out as strings: a template number and the
/// hashes of its parts are mixed into one key, so extracting a feature allocates nothing.
/// </summary>
internal static class FeatureHash
{
    /// <summary>The hash of an absent word or tag (before the sentence start, an empty stack).</summary>
    public const ulong None = 0x9E3779B97F4A7C15UL;

    /// <summary>FNV-1a over the lower-cased characters, so "The" and "the" share their features.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Word(ReadOnlySpan<char> word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }

        return Finish(hash);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong a) => NonZero(Mix(Mix((ulong)template * 0xD6E8FEB86659FD93UL, a), 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong a, ulong b) => NonZero(Mix(Mix(Mix((ulong)template * 0xD6E8FEB86659FD93UL, a), b), 2));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong a, ulong b, ulong c) => NonZero(Mix(Mix(Mix(Mix((ulong)template * 0xD6E8FEB86659FD93UL, a), b), c), 3));

    /// <summary>A small number (a tag index, a distance) as a hash part.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Number(int value) => Finish((ulong)(value + 1) * 0xA0761D6478BD642FUL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong hash, ulong part) => Finish((hash ^ part) * 0x9FB21C651E98DF25UL + 0x2545F4914F6CDD1DUL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong x)
    {
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        return x ^ (x >> 29);
    }

    // Zero marks an empty slot in the weight table.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NonZero(ulong hash) => hash == 0 ? 1 : hash;
}
