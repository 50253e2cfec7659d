using Microsoft.AspNetCore.Http.Features;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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
        try
        {
            var form = await JsonSerializer.DeserializeAsync(request.Body, type, request.HttpContext.RequestAborted);
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
