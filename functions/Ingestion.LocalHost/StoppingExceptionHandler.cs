using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;

namespace Ingestion.LocalHost;

/// <summary>
/// What happens when a WebJobs listener fails in a way it does not handle itself. The SDK's default rethrows on a new
/// thread, killing the process (the Functions host then restarts it); here the failure is logged and the host is
/// stopped in order, so Azurite is stopped too and the message says what went wrong.
/// </summary>
public sealed partial class StoppingExceptionHandlerFactory(IHostApplicationLifetime lifetime, ILogger<StoppingExceptionHandlerFactory> logger) : IWebJobsExceptionHandlerFactory
{
    public IWebJobsExceptionHandler Create(IHost jobHost) => new Handler(this);

    [LoggerMessage(2201, LogLevel.Critical, "A trigger listener failed and cannot continue; stopping the local host")]
    private static partial void ListenerFailed(ILogger logger, Exception exception);

    private void Stop(ExceptionDispatchInfo exceptionInfo)
    {
        ListenerFailed(logger, exceptionInfo.SourceException);
        lifetime.StopApplication();
    }

    private sealed class Handler(StoppingExceptionHandlerFactory factory) : IWebJobsExceptionHandler
    {
        public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod)
        {
            factory.Stop(exceptionInfo);
            return Task.CompletedTask;
        }

        public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
        {
            factory.Stop(exceptionInfo);
            return Task.CompletedTask;
        }
    }
}
