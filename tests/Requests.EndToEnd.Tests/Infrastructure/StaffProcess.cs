namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>The staff workspace as a real process, calling the real routing (and intake and reporting when given).</summary>
public static class StaffProcess
{
    public static Task<ServiceProcess> StartAsync(ServiceProcess routing, ServiceProcess? intake = null, ServiceProcess? reporting = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Services__Routing"] = routing.Address.ToString(),
        };
        if (intake is not null)
            environment["Services__Intake"] = intake.Address.ToString();
        if (reporting is not null)
            environment["Services__Reporting"] = reporting.Address.ToString();
        return ServiceProcess.StartAsync("staff", ServiceProcess.BuildOf("Requests.Staff"), "", environment);
    }
}
