using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Requests.Intake.Tests;

/// <summary>The receipt as a citizen's browser sees it: every property must be on the wire.</summary>
public sealed record FiledReceipt(Guid CaseId, string TrackingNumber, string AccessCode, DateTimeOffset ReceivedAt,
    DateOnly ReceivedOn, DateOnly DueDate, string RuleVersion);

public static class Answers
{
    public const string AccessCodePattern = "^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$";

    public static async Task<FiledReceipt> ReadReceiptAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        string Text(string name) => json.GetProperty(name).GetString()!;
        return new FiledReceipt(Guid.Parse(Text("caseId")), Text("trackingNumber"), Text("accessCode"),
            json.GetProperty("receivedAt").GetDateTimeOffset(), DateOnly.Parse(Text("receivedOn"), null),
            DateOnly.Parse(Text("dueDate"), null), Text("ruleVersion"));
    }

    /// <summary>Checks an <c>application/problem+json</c> answer with the given status and returns its body.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }

    /// <summary>The fields a validation problem names in its <c>errors</c>.</summary>
    public static string[] ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];

    public static Task<JsonElement> GetJsonAsync(this HttpClient client, string path) =>
        client.GetFromJsonAsync<JsonElement>(path);
}
