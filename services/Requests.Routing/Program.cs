using Requests.Routing;
using Requests.Routing.Bodies;
using Requests.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.UseDefaultPort(5081);
builder.AddRoutingServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDirectory();

await app.StartRoutingAsync();
await app.RunAsync();
