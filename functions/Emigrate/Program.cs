using Emigrate;
using Serverless.Functions;

// `dotnet run --project functions/Emigrate` serves the functions on 127.0.0.1:7071 (starting Azurite if needed);
// `-- keys create --role <role> --org <org-id>`, `-- keys list`, `-- keys revoke <key-id>` manage function keys;
// `-- reset` (or `--reset-local-data` before serving) deletes the local Azurite data.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddEmigrate(builder.Configuration);
return await builder.Build().RunAsync();
