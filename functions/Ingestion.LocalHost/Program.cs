using Ingestion.LocalHost;

await LocalHostApp.Create(args).RunLocalHostAsync();
