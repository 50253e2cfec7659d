using Requests.Routing;
using Requests.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.UseDefaultPort(5081);
builder.AddRoutingServices();

var app = builder.Build();
// the database first: the jobs' storage may live in it
await app.StartRoutingAsync();
app.MapDefaultEndpoints();
app.MapRoutingEndpoints();

await app.RunAsync();
