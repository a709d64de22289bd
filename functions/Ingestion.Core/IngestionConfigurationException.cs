namespace Ingestion.Core;

/// <summary>A setting Core needs is missing or malformed: the hosts fail at start with it, the command line reports it as a bad argument.</summary>
public sealed class IngestionConfigurationException : InvalidOperationException
{
    public IngestionConfigurationException()
    {
    }

    public IngestionConfigurationException(string message)
        : base(message)
    {
    }

    public IngestionConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
