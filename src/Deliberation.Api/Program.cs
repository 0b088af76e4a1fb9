using Deliberation.Api;
using Deliberation.Api.Configuration;
using Deliberation.Api.Infrastructure.Logging;
using Deliberation.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddRootSettingsFile();
builder.AddDeliberationLogging();
builder.AddDeliberationData();
builder.AddDeliberationApi();

var app = builder.Build();
app.UseDeliberationApi();
app.AnnounceAddresses();
app.Run();
