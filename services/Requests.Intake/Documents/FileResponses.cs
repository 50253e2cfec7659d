using Microsoft.Net.Http.Headers;

namespace Requests.Intake.Documents;

/// <summary>A stored file sent to a browser as something to save, never to show: a case's document or a published file.</summary>
public static class FileResponses
{
    public static async Task<IResult> SendAsync(HttpResponse response, Stream content, string contentType, long size, string name,
        string sha256, string cacheControl, CancellationToken cancellationToken)
    {
        response.ContentType = contentType;
        response.ContentLength = size;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        // even a browser that ignored the type would run nothing from it
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = cacheControl;
        response.Headers["X-Content-SHA256"] = sha256;
        await content.CopyToAsync(response.Body, 81920, cancellationToken);
        return Results.Empty;
    }
}
