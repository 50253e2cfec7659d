using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Requests.Harness;

/// <summary>One filing the load sent: its number, the answer's status (0: no answer) and the case it acknowledged.</summary>
internal sealed record Filed(int Number, int Status, Guid? CaseId);

/// <summary>Filings sent at a steady rate (open loop: each at its time, whatever the answers before it).</summary>
internal static class Load
{
    public static HttpClient Client(Uri address) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A request of the portal's kind; <paramref name="email"/> null: answered by post, so no e-mail is due.</summary>
    public static object Request(string run, int number, string? email = null) => new
    {
        bodyCode = number % 2 == 0 ? "MEF" : "MSPS",
        subject = $"{run} filing {number}",
        description = "The quarterly budget execution reports for 2025.",
        delivery = email is null ? "post" : "email",
        urgent = false,
        requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", email, address = "12 rue des Orangers, Rabat" },
        consent = true,
        language = "fr",
    };

    /// <summary>Sends <paramref name="count"/> filings at <paramref name="rate"/> a second and waits for every answer.</summary>
    public static async Task<Filed[]> RunAsync(HttpClient http, string run, int count, double rate, Func<int, string?>? email = null)
    {
        var results = new Filed[count];
        var inFlight = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            var number = i;
            inFlight.Add(Task.Run(async () => results[number] = await FileAsync(http, run, number, email?.Invoke(number))));
        }
        await Task.WhenAll(inFlight);
        return results;
    }

    private static async Task<Filed> FileAsync(HttpClient http, string run, int number, string? email)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/requests", Request(run, number, email));
            if ((int)response.StatusCode != 201)
                return new Filed(number, (int)response.StatusCode, null);
            var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
            return new Filed(number, 201, receipt.GetProperty("caseId").GetGuid());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            return new Filed(number, 0, null);
        }
    }
}
