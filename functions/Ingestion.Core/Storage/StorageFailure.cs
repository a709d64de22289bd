using Azure;

namespace Ingestion.Core.Storage;

/// <summary>
/// The one place that tells a storage failure from a bug: the hosts retry what fails here later, the command line
/// turns an unusable account into its exit code. Whatever the SDK throws once its retries run out is classified here.
/// </summary>
public static class StorageFailure
{
    /// <summary>Whether a storage call failed: a request refused, or storage not reached at all.</summary>
    public static bool IsStorageFailure(Exception exception) => exception is RequestFailedException || IsUnreachable(exception);

    /// <summary>Why the account as a whole cannot be used (unreachable, access refused, no sign-in), or null when the failure is about one item.</summary>
    public static string? DescribeUnavailable(Exception exception, Uri endpoint) => exception switch
    {
        _ when IsUnreachable(exception) => $"Cannot reach storage at {endpoint}: {Innermost(exception).Message.Split('\n')[0].Trim()}",
        RequestFailedException { Status: 401 or 403 } failed =>
            $"Storage at {endpoint} refused access ({failed.Status} {failed.ErrorCode}): check the connection string, or your identity's data role on the account.",
        Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException =>
            $"Could not sign in to reach {endpoint}: {exception.Message.Split('\n')[0].Trim()}",
        _ => null,
    };

    /// <summary>No answer at all: a request without a status, the network under it, or the SDK's retries all failing.</summary>
    private static bool IsUnreachable(Exception exception) => exception is RequestFailedException { Status: 0 } or HttpRequestException or AggregateException;

    /// <summary>The socket error under the SDK's retries ("Connection refused"), not the retry policy's summary.</summary>
    private static Exception Innermost(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions: [.., var last] } => Innermost(last),
        { InnerException: { } inner } => Innermost(inner),
        _ => exception,
    };
}
