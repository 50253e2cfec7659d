using System.Net.Http.Json;
using System.Text.Json;

namespace Requests.EndToEnd.Tests.Infrastructure;

public sealed record Receipt(Guid CaseId, string TrackingNumber, string AccessCode, DateOnly DueDate);

public static class Filing
{
    public static object InformationRequest(int n) => new
    {
        bodyCode = "MEF",
        subject = $"Budget execution report {n}",
        description = "The quarterly budget execution reports for 2025.",
        delivery = "email",
        urgent = false,
        requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", email = "amina@example.ma" },
        consent = true,
        language = "fr",
    };

    public static async Task<Receipt> FileAsync(HttpClient http, int n)
    {
        var response = await http.PostAsJsonAsync("/api/requests", InformationRequest(n));
        if ((int)response.StatusCode != 201)
            throw new HttpRequestException($"Filing {n} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Receipt>(JsonSerializerOptions.Web))!;
    }

    /// <summary>Files <paramref name="count"/> requests, <paramref name="parallel"/> at a time.</summary>
    public static async Task<List<Receipt>> FileManyAsync(HttpClient http, int count, int parallel = 16)
    {
        var receipts = new System.Collections.Concurrent.ConcurrentBag<Receipt>();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (n, _) => receipts.Add(await FileAsync(http, n)));
        return [.. receipts];
    }
}
