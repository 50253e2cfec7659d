using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Requests.ServiceDefaults.Http;

namespace Requests.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>What every service needs the same way: logs, problem details, health checks, OpenAPI, a clock.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration["Logging:Format"] == "json")
            builder.Logging.ClearProviders().AddJsonConsole();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenApi();
        ClientAddress.AddForwardedHeaders(builder.Services, builder.Configuration);
        return builder;
    }

    /// <summary>Listens on loopback at the service's default port unless ASPNETCORE_URLS or --urls says otherwise.</summary>
    public static WebApplicationBuilder UseDefaultPort(this WebApplicationBuilder builder, int port)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> (the process answers), <c>/health/ready</c> (database and broker), <c>/health</c> (every
    /// check, with details), <c>/openapi/v1.json</c>.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ClientAddress.UseForwardedHeaders(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // after the status-code pages, so that a 401 or 403 from an authorization policy is problem details too
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
        app.Use(TextFields.InvokeAsync);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes = { [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        });
        // every check with its details; a degraded one (messages in an error queue) still answers 200
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapOpenApi();
        return app;
    }
}
