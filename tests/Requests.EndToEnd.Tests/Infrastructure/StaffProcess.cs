namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>The staff workspace as a real process, calling the real intake, routing and reporting.</summary>
public static class StaffProcess
{
    public static Task<ServiceProcess> StartAsync(ServiceProcess intake, ServiceProcess routing, ServiceProcess reporting) =>
        ServiceProcess.StartAsync("staff", ServiceProcess.BuildOf("Requests.Staff"), "", new Dictionary<string, string>
        {
            ["Services__Intake"] = intake.Address.ToString(),
            ["Services__Routing"] = routing.Address.ToString(),
            ["Services__Reporting"] = reporting.Address.ToString(),
        });
}
