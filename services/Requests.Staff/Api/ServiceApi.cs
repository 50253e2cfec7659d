using System.Net.Http.Headers;
using System.Text.Json;
using Requests.Staff.Workspace;

namespace Requests.Staff.Api;

/// <summary>The services the workspace calls, each at the address in <c>Services:{Name}</c>.</summary>
public enum Service { Intake, Routing, Reporting }

/// <summary>A service's refusal: its title and detail, and the message for each field it names.</summary>
public sealed record ApiProblem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The messages for one field (the API's names are camelCase, and nested names keep their dots).</summary>
    public IReadOnlyList<string> For(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value ?? [];
}

/// <summary>A service's answer: the value when it succeeded, else the problem.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;
    public int Status => Problem?.Status ?? 200;
}

/// <summary>
/// Calls intake, routing and reporting with the signed-in user's access token. A refusal comes back as an
/// <see cref="ApiProblem"/> that the page shows beside the field it concerns; a service that does not answer is a
/// problem with status 503.
/// </summary>
public sealed class ServiceApi(IHttpClientFactory clients)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Named(Service service) => service.ToString();

    /// <summary>The client without the user's token: for signing in and refreshing.</summary>
    public static string Anonymous(Service service) => service + ".anonymous";

    public Task<ApiResult<T>> GetAsync<T>(Service service, string path, CancellationToken cancellationToken) =>
        SendAsync<T>(service, HttpMethod.Get, path, null, cancellationToken);

    public async Task<ApiResult<T>> SendAsync<T>(Service service, HttpMethod method, string path, object? body,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        return await SendAsync<T>(service, request, cancellationToken);
    }

    public async Task<ApiResult<T>> SendAsync<T>(Service service, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(Named(service)).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return new(default, await ReadProblemAsync(response, cancellationToken));
            if (typeof(T) == typeof(object) || response.Content.Headers.ContentLength == 0)
                return new(default, null);
            return new(await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), null);
        }
        catch (HttpRequestException e)
        {
            return new(default, new ApiProblem(503, "Service unavailable", e.Message, new Dictionary<string, string[]>()));
        }
    }

    /// <summary>
    /// Sends one file as the part <c>file</c> of a <c>multipart/form-data</c> body, read from <paramref name="content"/>
    /// while it is sent (chunked): the file is never held whole, in memory or on disk.
    /// </summary>
    public async Task<ApiResult<T>> UploadAsync<T>(Service service, string path, string fileName, string? contentType, Stream content,
        CancellationToken cancellationToken)
    {
        using var file = new StreamContent(content);
        if (MediaTypeHeaderValue.TryParse(contentType, out var type))
            file.Headers.ContentType = type;
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        return await SendAsync<T>(service, request, cancellationToken);
    }

    /// <summary>The response itself, for what is streamed through (CSV files, letters).</summary>
    public Task<HttpResponseMessage> RawAsync(Service service, HttpRequestMessage request, CancellationToken cancellationToken) =>
        clients.CreateClient(Named(service)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
            return new ApiProblem(status, response.ReasonPhrase, null, new Dictionary<string, string[]>());
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, cancellationToken);
        return new ApiProblem(status, problem?.Title, problem?.Detail,
            problem?.Errors is { } errors ? ReadErrors(errors) : new Dictionary<string, string[]>());
    }

    // validation problems name fields with messages; reporting's import lists lines ([{line, message}])
    private static Dictionary<string, string[]> ReadErrors(JsonElement errors)
    {
        var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (errors.ValueKind == JsonValueKind.Object)
            foreach (var field in errors.EnumerateObject())
                result[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                    ? [.. field.Value.EnumerateArray().Select(m => m.ToString())] : [field.Value.ToString()];
        else if (errors.ValueKind == JsonValueKind.Array)
            foreach (var line in errors.EnumerateArray())
                result[line.TryGetProperty("line", out var number) ? number.ToString() : result.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                    [line.TryGetProperty("message", out var message) ? message.ToString() : line.ToString()];
        return result;
    }

    private sealed record ProblemBody(string? Title, string? Detail, JsonElement? Errors);
}

/// <summary>Puts the signed-in user's access token on each call to a service.</summary>
public sealed class BearerTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } http && await WorkspaceSignIn.AccessTokenAsync(http) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}

public static class ServiceApiExtensions
{
    public static WebApplicationBuilder AddServiceApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<BearerTokenHandler>();
        builder.Services.AddScoped<ServiceApi>();
        var defaults = new Dictionary<Service, string>
        {
            [Service.Intake] = "http://127.0.0.1:5080", [Service.Routing] = "http://127.0.0.1:5081",
            [Service.Reporting] = "http://127.0.0.1:5082",
        };
        foreach (var (service, fallback) in defaults)
        {
            var address = new Uri(builder.Configuration[$"Services:{service}"] ?? fallback);
            builder.Services.AddHttpClient(ServiceApi.Named(service), c => c.BaseAddress = address)
                .AddHttpMessageHandler<BearerTokenHandler>();
            builder.Services.AddHttpClient(ServiceApi.Anonymous(service), c => c.BaseAddress = address);
        }
        return builder;
    }
}
