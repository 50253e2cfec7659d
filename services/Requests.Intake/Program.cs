using Requests.Intake;
using Requests.Intake.Bodies;
using Requests.Intake.Calendar;
using Requests.Intake.Cases;
using Requests.Intake.Documents;
using Requests.Intake.Publication;
using Requests.Intake.Staff;
using Requests.Intake.Submissions;
using Requests.ServiceDefaults;
using Requests.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.UseDefaultPort(5080);
builder.AddIntakeServices();

var app = builder.Build();
// the citizen's and the public pages (wwwroot/): they file, follow and find through the API below
app.UseSecurityHeaders();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapDefaultEndpoints();
app.UseRateLimiter();
app.MapSubmissions();
app.MapStaffRegistration();
app.MapCases();
app.MapCitizenActions();
app.MapDocuments();
app.MapBodies();
app.MapDeadlineCalculator();
app.MapCalendar();
app.MapRegister();
app.MapAnswerPublication();
app.MapPublicPublication();
// the link in every e-mail to the citizen: the page, open on that case
app.MapFallbackToFile("/cases/{trackingNumber}", "index.html");

await app.StartIntakeAsync();
await app.RunAsync();
