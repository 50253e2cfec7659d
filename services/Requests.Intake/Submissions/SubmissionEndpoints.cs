using Microsoft.AspNetCore.Http.Features;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Requests.Intake.Documents;

namespace Requests.Intake.Submissions;

public static class SubmissionEndpoints
{
    public const string RateLimitPolicy = "submissions";
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapSubmissions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/requests", (HttpContext http, Filings filings) =>
                filings.FileRequestAsync(http, byStaff: false))
            .RequireRateLimiting(RateLimitPolicy)
            .WithSummary("File an information request (Law 31.13); answers a receipt with a tracking number and an access code.");
        app.MapPost("/api/complaints", (HttpContext http, Filings filings) =>
                filings.FileComplaintAsync(http, byStaff: false))
            .RequireRateLimiting(RateLimitPolicy)
            .WithSummary("File a complaint, observation or suggestion (Decree 2.17.265).");
        return app;
    }

    /// <summary>Reads a JSON form, or answers why not: 415 for another content type, 413 when too large, 400 when malformed.</summary>
    public static async Task<(T? Form, IResult? Error)> ReadFormAsync<T>(HttpRequest request, JsonTypeInfo<T> type)
        where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Problem(415, "Send the form as application/json."));
        if (request.ContentLength > MaxBodyBytes)
            return (null, Problem(413, $"The form is larger than {MaxBodyBytes / 1024} KiB."));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        return await DeserializeAsync(request.Body, type, request.HttpContext.RequestAborted);
    }

    /// <summary>
    /// The form as JSON, or as <c>multipart/form-data</c>: its part <c>form</c> (the same JSON) and its files, checked and
    /// staged (see <see cref="DocumentUploads"/>). Any refused file refuses the whole request.
    /// </summary>
    public static async Task<(T? Form, Upload? Upload, IResult? Error)> ReadFormAndFilesAsync<T>(HttpRequest request,
        JsonTypeInfo<T> type, DocumentUploads uploads, long caseBytes, bool filesAllowed = true) where T : class
    {
        if (!filesAllowed || !DocumentUploads.IsMultipart(request))
        {
            var (json, jsonError) = await ReadFormAsync(request, type);
            return (json, null, jsonError);
        }
        var (upload, error) = await uploads.ReadAsync(request, withForm: true, caseBytes);
        if (upload is null)
            return (null, null, error);
        var (form, formError) = upload.Form is { } bytes
            ? await DeserializeAsync(new MemoryStream(bytes), type, request.HttpContext.RequestAborted)
            : (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["form"] = ["Required: the JSON form, as the part 'form'."] },
                statusCode: 422, title: "The form is missing; nothing was recorded."));
        if (form is not null)
            return (form, upload, null);
        upload.Dispose();
        return (null, null, formError);
    }

    private static async Task<(T? Form, IResult? Error)> DeserializeAsync<T>(Stream body, JsonTypeInfo<T> type,
        CancellationToken cancellationToken) where T : class
    {
        try
        {
            var form = await JsonSerializer.DeserializeAsync(body, type, cancellationToken);
            return form is null ? (null, Problem(400, "The body must be a JSON object.")) : (form, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is null or "$" ? "$" : ex.Path.TrimStart('$', '.');
            var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "Unknown field: this form has no such field."
                : ex.Message;
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
                statusCode: 400, title: "The body is not valid JSON for this form."));
        }
    }

    public static IResult Problem(int status, string title) => Results.Problem(statusCode: status, title: title);
}
