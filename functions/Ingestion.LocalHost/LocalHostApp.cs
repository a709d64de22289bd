using Ingestion.Core.Api;

namespace Ingestion.LocalHost;

/// <summary>Builds the local host: one place for Program.cs and the tests that run it in-process.</summary>
public static class LocalHostApp
{
    /// <param name="configure">Lets tests set configuration (connection, names, URL) before services are registered.</param>
    public static WebApplication Create(string[] args, Action<ConfigurationManager>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder.Configuration);
        builder.AddLocalHost();
        var app = builder.Build();
        app.UseCors();
        app.MapIngestionApi();
        app.MapGet("/", IngestionApi.GetDashboard).ExcludeFromDescription();
        return app;
    }
}
