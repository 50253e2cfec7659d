using Requests.ServiceDefaults;
using Requests.Staff;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.UseDefaultPort(5083);
builder.AddStaffWorkspace();

var app = builder.Build();
app.UseStaffWorkspace();
await app.RunAsync();
