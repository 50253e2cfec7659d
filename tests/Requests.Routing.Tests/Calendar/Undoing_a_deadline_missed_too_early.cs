using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.Contracts.Routing;
using Requests.Routing.Tests.Deadlines;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

// Eid al-Fitr 2026 is estimated on Saturday 21 March; it was in fact on Friday 20, and the administrator enters the
// correction some days later. Friday 20 becomes a day off, so an information request's 20 working days (Law 31.13
// art. 16) counted across it end one working day later. No other weekday of February or March 2026 is off. The sweep
// declared each deadline missed on the first day after the old due date; the correction undoes a miss only when the
// new due date has not passed on the day it is entered.
public sealed class Undoing_a_deadline_missed_too_early : IDisposable
{
    private const string Reason = "Aïd al-Fitr observé le vendredi 20 mars 2026";

    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    // received Mon 23 Feb: 24-27 Feb, 2-6, 9-13, 16-20 Mar are 19 days, Mon 23 Mar the 20th; without Fri 20 the 20th is
    // Tue 24. Missed on Tue 24; corrected on Tue 24 the case is due that very day: the miss was too early
    [InlineData("2026-02-23", "2026-03-23", "2026-03-24", "2026-03-24", "assigned", "2026-03-24")]
    // the same case corrected on Wed 25: its new due date, Tue 24, has passed too: still missed, nothing changes
    [InlineData("2026-02-23", "2026-03-23", "2026-03-24", "2026-03-25", "deadline-missed", "2026-03-23")]
    // received Fri 20 Feb: 23-27 Feb, 2-6, 9-13, 16-20 Mar are 20 days, due Fri 20 Mar; without it the 20th is Mon 23.
    // Missed on Sat 21; corrected on Mon 23 the case is due that day: open again
    [InlineData("2026-02-20", "2026-03-20", "2026-03-21", "2026-03-23", "assigned", "2026-03-23")]
    // received Thu 19 Feb: 20 Feb, 23-27 Feb, 2-6, 9-13, 16-19 Mar are 20 days, due Thu 19 Mar, before the new day
    // off: the correction does not move it; missed on Fri 20, it stays missed
    [InlineData("2026-02-19", "2026-03-19", "2026-03-20", "2026-03-23", "deadline-missed", "2026-03-19")]
    public async Task Opens_the_case_again_when_the_new_due_date_has_not_passed(string receivedOn, string dueOn, string missedOn,
        string correctedOn, string status, string newDueOn)
    {
        var request = Submissions.Request("MEF", Day(receivedOn)) with { DueOn = Day(dueOn) };
        _app.Clock.Set(Noon(receivedOn));
        await _app.ConsumeAsync(request);
        await _app.SweepAsync(Noon(missedOn));
        Assert.Equal("deadline-missed", (await _app.CaseAsync(request.CaseId))["status"]);
        _app.Clock.Set(Noon(correctedOn));
        var admin = await _app.SignInAsync(StaffRoles.Admin);

        var response = await admin.PostAsJsonAsync("/api/calendar/corrections",
            new { holidayDate = "2026-03-21", newDate = "2026-03-20", confirmed = true, reason = Reason });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var routed = await _app.CaseAsync(request.CaseId);
        Assert.Equal((status, newDueOn), ((string?)routed["status"], (string?)routed["due_on"]));
        var changes = await OutboxAsync<DueDateChanged>();
        if (status == "deadline-missed")
        {
            // the silence still opens the recourse (whose last day the correction may move)
            Assert.DoesNotContain(changes, c => c.Deadline == "answer" || c.ReopenedStatus is not null);
            Assert.NotNull(routed["recourse_last_day"]);
            return;
        }
        // the recourse the silence opened is gone; the reminders start over for the new date
        Assert.Null(routed["recourse_last_day"]);
        Assert.Equal("answer", routed["alert_deadline"]);
        var change = Assert.Single(changes);
        Assert.Equal(("assigned", (int)(long)routed["version"]!), (change.ReopenedStatus, change.Sequence));
        Assert.Equal((Day(newDueOn), Day(dueOn)), (change.DueOn, change.PreviousDueOn));
        var audit = Assert.Single(await _app.QueryAsync(
            $"SELECT from_status, to_status, note FROM case_audit_entries WHERE case_id = '{request.CaseId}' AND action = 'recompute-due-date'"));
        Assert.Equal(("deadline-missed", "assigned"), ((string?)audit["from_status"], (string?)audit["to_status"]));
        Assert.StartsWith(Reason, (string?)audit["note"], StringComparison.Ordinal);
        Assert.Contains("open again", (string?)audit["note"], StringComparison.Ordinal);
    }

    private static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Noon(string date) => new(Day(date).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private async Task<List<T>> OutboxAsync<T>() =>
        [.. (await _app.QueryAsync($"SELECT body FROM outbox_messages WHERE message_type = '{typeof(T).FullName}' ORDER BY seq"))
            .Select(row => JsonSerializer.Deserialize<T>((string)row["body"]!, JsonSerializerOptions.Web)!)];
}
