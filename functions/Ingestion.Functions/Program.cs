using Ingestion.Core;
using Ingestion.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.AddIngestionCore();
builder.AddIngestionTelemetry();

builder.Build().Run();
