using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>What the end-to-end tests do the same way: staff sign in and act at routing, and wait for what follows.</summary>
internal static class Steps
{
    /// <summary>A client signed in at routing with a bearer token.</summary>
    public static async Task<HttpClient> SignInAsync(ServiceProcess routing, string userName, string password)
    {
        var client = new HttpClient { BaseAddress = routing.Address };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An action on a case (accept, extend, answer...), which must succeed.</summary>
    public static async Task ActAsync(HttpClient officer, Guid caseId, string action, object body)
    {
        var response = await officer.PostAsJsonAsync($"/api/cases/{caseId}/{action}", body);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Reads until <paramref name="done"/> holds, for 30 s at most, then fails with the service's log;
    /// <paramref name="allowNotFound"/>: a 404 while waiting means "not there yet".
    /// </summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, ServiceProcess service,
        bool allowNotFound = false)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        T value = default!;
        do
        {
            try
            {
                value = await read();
                if (done(value))
                    return value;
            }
            catch (HttpRequestException ex) when (allowNotFound && ex.StatusCode == HttpStatusCode.NotFound)
            {
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Still {value} after 30 s. Log of the service:\n{service.Log}");
    }
}
