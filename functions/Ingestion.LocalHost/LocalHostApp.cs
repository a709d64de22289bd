using Ingestion.Core.Api;

namespace Ingestion.LocalHost;

/// <summary>Builds the local host: one place for Program.cs and the tests that run it in-process.</summary>
public static class LocalHostApp
{
    /// <param name="configure">
    /// Lets tests set configuration (connection, names, URL), logging and services before the host's own are
    /// registered; Core registers its services only where none is registered yet.
    /// </param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddLocalHost();
        var app = builder.Build();
        app.UseCors();
        app.MapIngestionApi();
        app.MapGet("/", IngestionApi.GetDashboard).ExcludeFromDescription();
        return app;
    }
}
