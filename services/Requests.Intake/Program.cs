using Requests.Intake;
using Requests.Intake.Bodies;
using Requests.Intake.Calendar;
using Requests.Intake.Cases;
using Requests.Intake.Staff;
using Requests.Intake.Submissions;
using Requests.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.UseDefaultPort(5080);
builder.AddIntakeServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRateLimiter();
app.MapSubmissions();
app.MapStaffRegistration();
app.MapCases();
app.MapCitizenActions();
app.MapBodies();
app.MapDeadlineCalculator();
app.MapCalendar();

await app.StartIntakeAsync();
await app.RunAsync();
