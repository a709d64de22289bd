using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ingestion.Core.Queries;

/// <summary>
/// Opaque paging tokens. A token wraps the table's own continuation and is bound to the query that produced it
/// (a hash of its parameters), so a token replayed with other parameters, altered, or made up is refused rather than
/// positioning a different query. The table query itself always carries the caller's filters, so a token can only
/// move within results the caller could read anyway.
/// </summary>
public static class ContinuationTokens
{
    private const int Version = 1;

    public static string Create(string queryFingerprint, string storageToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(Version, Fingerprint(queryFingerprint), storageToken));
        var checksum = SHA256.HashData(payload).AsSpan(0, 8);
        return Base64Url.EncodeToString([.. payload, .. checksum]);
    }

    /// <returns>The table's continuation, or null when the token is malformed, altered, or from another query.</returns>
    public static string? TryRead(string token, string queryFingerprint)
    {
        if (token.Length > 4096 || !Base64Url.IsValid(token))
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length <= 8)
        {
            return null;
        }

        var payload = bytes.AsSpan(0, bytes.Length - 8);
        if (!SHA256.HashData(payload).AsSpan(0, 8).SequenceEqual(bytes.AsSpan(bytes.Length - 8)))
        {
            return null;
        }

        try
        {
            var read = JsonSerializer.Deserialize<Payload>(payload);
            return read is { V: Version, Q: { } q, T: { Length: > 0 } t } && q == Fingerprint(queryFingerprint) ? t : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Fingerprint(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)).AsSpan(0, 12));

    private sealed record Payload(int V, string Q, string T);
}
