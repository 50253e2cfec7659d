using Requests.Routing;
using Requests.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.UseDefaultPort(5081);
builder.AddRoutingServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRoutingEndpoints();

await app.StartRoutingAsync();
await app.RunAsync();
