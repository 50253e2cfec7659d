using Microsoft.AspNetCore.Http.Features;
using Requests.Reporting.Reports;
using Requests.ServiceDefaults.Auth;

namespace Requests.Reporting.Import;

public static class ImportEndpoints
{
    /// <summary>
    /// <c>POST /api/import</c>: a historical CSV file (ministry and administrators), as the request body
    /// (<c>text/csv</c>) or as the file of a form (<c>multipart/form-data</c>). <c>200</c> with the rows read and the
    /// cases added; <c>422</c> with each bad line, and nothing kept.
    /// </summary>
    public static WebApplication MapImport(this WebApplication app)
    {
        app.MapPost("/api/import", async (HttpContext http, FactImport import, ReportBuilder reports, ImportOptions options,
                CancellationToken cancellationToken) =>
            {
                // a year of a country's cases is over Kestrel's default of 30 MB
                var maxBytes = options.MaxBytes;
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                    limit.MaxRequestBodySize = maxBytes;
                var type = http.Request.ContentType ?? "";
                Stream body;
                if (type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                {
                    http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes }));
                    IFormCollection form;
                    try
                    {
                        form = await http.Request.ReadFormAsync(cancellationToken);
                    }
                    catch (Exception ex) when (ex is IOException or InvalidDataException && !cancellationToken.IsCancellationRequested)
                    {
                        return Results.Problem(statusCode: 400, title: "The form could not be read.", detail: ex.Message);
                    }
                    if (form.Files.Count != 1)
                        return Results.Problem(statusCode: 422, title: "Send one CSV file.", detail: $"The form has {form.Files.Count} files.");
                    body = form.Files[0].OpenReadStream();
                }
                else if (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
                    body = http.Request.Body;
                else
                    return Results.Problem(statusCode: 415, title: "Send a CSV file.", detail: "Content-Type text/csv or multipart/form-data.");

                var result = await import.ImportAsync(body, cancellationToken);
                if (result.Errors.Count == 0)
                {
                    // the next reports of these years then start from memory, not from a scan of millions of rows
                    await reports.WarmAsync(result.Years, cancellationToken);
                    return Results.Ok(result);
                }
                return Results.Problem(statusCode: 422, title: "The file has bad rows: nothing was imported.",
                    detail: $"{result.Errors.Count} bad row(s); the first is line {result.Errors[0].Line}: {result.Errors[0].Message}",
                    extensions: new Dictionary<string, object?> { ["errors"] = result.Errors, ["rows"] = result.Rows });
            })
            .RequireAuthorization(StaffPolicies.Oversight)
            .DisableAntiforgery();
        return app;
    }
}
