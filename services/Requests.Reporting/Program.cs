using Requests.Reporting;
using Requests.Reporting.Import;
using Requests.Reporting.Reports;
using Requests.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.UseDefaultPort(5082);
builder.AddReportingServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapImport();
app.MapReports();
app.MapPublicFigures();

await app.StartReportingAsync();
await app.RunAsync();
