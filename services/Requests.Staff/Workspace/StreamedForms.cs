using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Net.Http.Headers;

namespace Requests.Staff.Workspace;

/// <summary>
/// Lets a page read its <c>multipart/form-data</c> forms as they arrive, so that files pass through it to a service
/// without being held (model binding would buffer the whole body first): such a body is left to the page, which checks
/// its antiforgery token itself, the form's first field (<see cref="StreamedForm"/>). Every other post has its token
/// checked here. Goes with <c>[IgnoreAntiforgeryToken(Order = 1001)]</c>, which turns off the check that reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StreamedFormsAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (StreamedForm.IsMultipart(http.Request))
        {
            context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
            context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
            context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
        }
        else if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }
}

/// <summary>One part of a form read as it arrives: a field, or a file whose <see cref="Body"/> is read once, while it comes.</summary>
public sealed record FormPart(string Name, string? FileName, string? ContentType, string? Value, Stream Body);

/// <summary>A <c>multipart/form-data</c> request read part by part, its antiforgery token checked before any file is handed out.</summary>
public static class StreamedForm
{
    private const int MaxFieldChars = 64 * 1024;

    public static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// The form's parts in order, for a body of at most <paramref name="maxBytes"/> (raised here for this request only).
    /// Ends early (with <see cref="InvalidDataException"/>) when a file comes before a valid antiforgery token.
    /// </summary>
    public static async IAsyncEnumerable<FormPart> ReadAsync(HttpContext http, long maxBytes,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            throw new InvalidDataException("A multipart form without its boundary.");
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value;
        var trusted = false;
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, http.Request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) 
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException("A part without its form-data disposition.");
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (!disposition.IsFileDisposition())
            {
                var value = await ReadFieldAsync(section.Body, cancellationToken);
                if (name == options.FormFieldName)
                {
                    // the token as a header: the check then leaves the body alone
                    http.Request.Headers[options.HeaderName ?? "RequestVerificationToken"] = value;
                    trusted = await antiforgery.IsRequestValidAsync(http);
                    if (trusted)
                        continue;
                }
                if (!trusted)
                    throw new InvalidDataException("The form's antiforgery token must come first, and be valid.");
                yield return new FormPart(name, null, null, value, Stream.Null);
                continue;
            }
            if (!trusted)
                throw new InvalidDataException("The form's antiforgery token must come first, and be valid.");
            var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            if (string.IsNullOrEmpty(fileName))
                continue; // a file field left empty
            yield return new FormPart(name, fileName, section.ContentType, null, section.Body);
        }
        if (!trusted)
            throw new InvalidDataException("The form has no antiforgery token.");
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body, System.Text.Encoding.UTF8);
        var buffer = new char[MaxFieldChars + 1];
        var read = await text.ReadBlockAsync(buffer, cancellationToken);
        if (read > MaxFieldChars)
            throw new InvalidDataException("A form field is too long.");
        return new string(buffer, 0, read);
    }
}
