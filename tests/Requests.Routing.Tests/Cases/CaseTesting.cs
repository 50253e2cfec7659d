using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.Routing.Cases;
using Requests.ServiceDefaults.Messaging;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests.Cases;

/// <summary>What the case-work tests share: submissions, the requester's actions, moves over HTTP, and what got written.</summary>
public static class CaseTesting
{
    public static readonly DateOnly Monday = new(2026, 11, 23);

    /// <summary>A complaint as intake publishes it: the answer is due 60 calendar days after receipt.</summary>
    public static RequestSubmitted Complaint(string bodyCode = "MEF", DateOnly? receivedOn = null)
    {
        var request = Submissions.Request(bodyCode, receivedOn);
        return request with
        {
            TrackingNumber = request.TrackingNumber.Replace("DAI", "RCL", StringComparison.Ordinal),
            Regime = "complaint", Kind = "complaint", DueOn = request.ReceivedOn.AddDays(60),
        };
    }

    /// <summary>The local time 10:00 in Casablanca (UTC+1) on <paramref name="day"/>.</summary>
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    public static CitizenActed Acted(RequestSubmitted submitted, string action, DateOnly on, string? text = null, int? rating = null) =>
        new(Guid.NewGuid(), submitted.CaseId, submitted.TrackingNumber, action, text, rating, At(on), on);

    /// <summary>Hands the requester's action to the consumer through the inbox, as the bus would deliver it.</summary>
    public static async Task ActAsync(this RoutingApp app, CitizenActed message, Guid? messageId = null)
    {
        var context = Substitute.For<ConsumeContext<CitizenActed>>();
        context.Message.Returns(message);
        context.MessageId.Returns(messageId ?? Guid.NewGuid());
        context.CancellationToken.Returns(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Inbox>()
            .ConsumeAsync(scope.ServiceProvider.GetRequiredService<ApplyCitizenActionConsumer>(), context);
    }

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, Guid caseId, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/cases/{caseId}/{action}", body ?? new { });

    /// <summary>Makes a move that must succeed, and gives the case view it answered.</summary>
    public static async Task<JsonElement> MovedAsync(this HttpClient client, Guid caseId, string action, object? body = null)
    {
        var response = await client.MoveAsync(caseId, action, body);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The case's <see cref="CaseMoved"/> events in the outbox, in order.</summary>
    public static async Task<List<CaseMoved>> MovesAsync(this RoutingApp app, Guid caseId) =>
        [.. (await app.MessagesAsync<CaseMoved>()).Where(m => m.CaseId == caseId).OrderBy(m => m.Sequence)];

    public static async Task<List<T>> MessagesAsync<T>(this RoutingApp app)
    {
        var rows = await app.QueryAsync($"SELECT body FROM outbox_messages WHERE message_type = '{typeof(T).FullName}' ORDER BY seq");
        return [.. rows.Select(r => JsonSerializer.Deserialize<T>((string)r["body"]!, JsonSerializerOptions.Web)!)];
    }

    public static async Task<Dictionary<string, object?>> CaseRowAsync(this RoutingApp app, Guid caseId) =>
        Assert.Single(await app.QueryAsync($"SELECT * FROM cases WHERE id = '{caseId}'"));

    public static async Task<List<Dictionary<string, object?>>> AuditAsync(this RoutingApp app, Guid caseId) =>
        await app.QueryAsync($"SELECT * FROM case_audit_entries WHERE case_id = '{caseId}' ORDER BY id");

    /// <summary>
    /// What a rejected request must leave as it was: the case's row, its audit trail, its pauses, and the outbox
    /// rows written at the (frozen) current time. Not the whole outbox: once the clock is moved on by more than a
    /// week, the relay deletes the messages it sent before.
    /// </summary>
    public static async Task<string> SnapshotAsync(this RoutingApp app, Guid caseId)
    {
        var row = await app.CaseRowAsync(caseId);
        var audit = await app.AuditAsync(caseId);
        var pauses = await app.QueryAsync($"SELECT * FROM case_pauses WHERE case_id = '{caseId}'");
        var now = app.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(new { row, audit, pauses, outbox = await app.CountAsync("outbox_messages", $"created_at >= '{now}'") });
    }

    /// <summary>
    /// Moves the clock to 10:00 on <paramref name="day"/> and signs in again: a bearer token lives an hour by the
    /// service's clock, so the one issued before has expired.
    /// </summary>
    public static Task<HttpClient> TodayIsAsync(this RoutingApp app, DateOnly day, string role, params string[] officerIds)
    {
        app.Clock.Set(At(day));
        return app.SignInAsync(role, officerIds);
    }

    /// <summary>An administrator's account; it signs in as no officer (the name needs one to be long enough).</summary>
    public static Task<HttpClient> SignInAdminAsync(this RoutingApp app) => app.SignInAsync(StaffRoles.Admin, "none");
}
