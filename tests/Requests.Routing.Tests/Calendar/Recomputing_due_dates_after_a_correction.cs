using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.Contracts.Routing;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

// Eid al-Fitr 2026 is estimated on Saturday 21 and Sunday 22 March; on Thursday 19 the ministry announces it on
// Friday 20. Friday becomes a day off, so every open deadline counted across it ends later. March and April 2026
// have no other holiday on a weekday, and no weekday is off before 1 May.
public sealed class Recomputing_due_dates_after_a_correction : IDisposable
{
    private const string Reason = "Annonce du ministère des Habous du 19 mars 2026";

    private readonly RoutingApp _app = new();

    public Recomputing_due_dates_after_a_correction() =>
        _app.Clock.Set(new DateTimeOffset(2026, 3, 19, 12, 0, 0, TimeSpan.Zero)); // Thursday 19 March, the announcement

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Moves_the_due_dates_of_open_cases_whose_period_holds_the_new_day_off()
    {
        // information, received Mon 2 Mar: the 20th working day after it was Mon 30 Mar (3-6, 9-13, 16-20, 23-27 are
        // 19 days); without Fri 20 the 20th is Tue 31 Mar
        var open = await OpenAsync(Submissions.Request("MEF", On(3, 2)) with { DueOn = On(3, 30) });
        // a complaint received Mon 19 Jan: 60 calendar days end on Fri 20 Mar (12 days to 31 Jan, 28 in February, 20
        // in March); now a day off, the deadline moves to the next working day after the Eid weekend: Mon 23 Mar
        var complaint = await OpenAsync(Submissions.Request("MEF", On(1, 19)) with
        {
            Regime = "complaint", Kind = "complaint", DueOn = On(3, 20),
        });
        // urgent, received Mon 16 Mar: 3 working days end on Thu 19 Mar, before the new day off: unchanged
        var urgent = await OpenAsync(Submissions.Request("MEF", On(3, 16)) with { Urgent = true, DueOn = On(3, 19) });
        // received Mon 2 Mar like the first, but answered on Wed 18 Mar: its deadline is no longer running
        var answered = await OpenAsync(Submissions.Request("MEF", On(3, 2)) with { DueOn = On(3, 30) });
        await _app.ChangeAsync(db => Set(db, answered, c =>
        {
            c.Status = "answered";
            c.Outcome = "granted";
            c.AnsweredOn = On(3, 18);
            c.AlertDeadline = null;
            c.NextAlertOn = null;
        }));
        // received Mon 2 Mar, paused since Wed 11 Mar for a clarification (the open pause counts up to today, Thu 19):
        // 7 working days paused (11-13, 16-19) are added back to 20: the 27th working day after 2 Mar was Wed 8 Apr
        // (30 Mar is the 20th, 31 Mar and 1, 2, 3, 6, 7, 8 Apr the 21st to 27th); without Fri 20 the 27th is Thu 9 Apr
        var paused = await OpenAsync(Submissions.Request("MEF", On(3, 2)) with { DueOn = On(3, 30) });
        await _app.ChangeAsync(db =>
        {
            Set(db, paused, c =>
            {
                c.Status = "awaiting-clarification";
                c.DueOn = On(4, 8);
                c.AlertDeadline = null;
                c.NextAlertOn = null;
            });
            db.CasePauses.Add(new CasePause { CaseId = paused, StartsOn = On(3, 11), Question = "Which quarter?" });
        });
        // refused, then a recourse received by the head on Mon 9 Mar: 15 working days ended on Mon 30 Mar (10-13,
        // 16-20, 23-27 are 14 days); without Fri 20 the 15th is Tue 31 Mar. The answer's own date (Mon 2 Mar) stays.
        var recourse = await OpenAsync(Submissions.Request("MEF", On(2, 2)) with { DueOn = On(3, 2) });
        await _app.ChangeAsync(db => Set(db, recourse, c =>
        {
            c.Status = "under-recourse";
            c.Outcome = "refused";
            c.AnsweredOn = On(2, 27);
            c.RecourseFiledOn = On(3, 9);
            c.RecourseDueOn = On(3, 30);
            c.AlertDeadline = "head-answer";
        }));
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        var adminName = (await admin.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("userName").GetString();

        var response = await admin.PostAsJsonAsync("/api/calendar/corrections",
            new { holidayDate = "2026-03-21", newDate = "2026-03-20", confirmed = true, reason = Reason });

        var answer = await AdminAnswers.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(4, answer.GetProperty("casesRecomputed").GetInt32());
        Assert.Equal(("2026-03-31", 2L, "2026-03-24", 0L), await DueAsync(open)); // first reminder 5 working days before: 24-27, 30, 31
        Assert.Equal(("2026-03-23", 2L), Short(await DueAsync(complaint)));
        Assert.Equal(("2026-04-09", 2L, null, 0L), await DueAsync(paused)); // no reminder while paused
        Assert.Equal(("2026-03-19", 1L), Short(await DueAsync(urgent)));
        Assert.Equal(("2026-03-30", 1L), Short(await DueAsync(answered)));
        var head = Assert.Single(await _app.QueryAsync($"SELECT due_on, recourse_due_on, version FROM cases WHERE id = '{recourse}'"));
        Assert.Equal(("2026-03-02", "2026-03-31", 2L), ((string?)head["due_on"], (string?)head["recourse_due_on"], (long)head["version"]!));

        var audit = Assert.Single(await _app.QueryAsync(
            $"SELECT actor, note, previous_due_on, from_status, to_status FROM case_audit_entries WHERE case_id = '{open}' AND action = 'recompute-due-date'"));
        Assert.Equal((adminName, Reason, "2026-03-30", "assigned", "assigned"), ((string?)audit["actor"], (string?)audit["note"],
            (string?)audit["previous_due_on"], (string?)audit["from_status"], (string?)audit["to_status"]));
        Assert.Equal(4, await _app.CountAsync("case_audit_entries", "action = 'recompute-due-date'"));

        var changes = (await OutboxAsync<DueDateChanged>()).ToDictionary(c => c.CaseId);
        Assert.Equal(new[] { open, complaint, paused, recourse }.Order(), changes.Keys.Order()); // one each, no other
        var at = new DateTimeOffset(2026, 3, 19, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DueDateChanged(open, changes[open].TrackingNumber, "answer", On(3, 31), On(3, 30), Reason, at), changes[open]);
        Assert.Equal(new DueDateChanged(recourse, changes[recourse].TrackingNumber, "head-answer", On(3, 31), On(3, 30), Reason, at),
            changes[recourse]);
        // the calendar now in force, for intake and reporting: the start-up's, then this one
        var published = await OutboxAsync<CalendarPublished>();
        Assert.Equal(2, published.Count);
        Assert.True(published[1].Version > published[0].Version);
        var corrected = Assert.Single(published[1].Corrections);
        Assert.Equal((On(3, 21), On(3, 20), true, Reason, at), (corrected.HolidayDate, corrected.NewDate, corrected.Confirmed,
            corrected.Reason, corrected.At));
        var row = Assert.Single(await _app.QueryAsync("SELECT id, corrected_by FROM holiday_corrections"));
        Assert.Equal((corrected.Id, adminName), ((long)row["id"]!, (string?)row["corrected_by"]));
    }

    [Fact]
    public async Task Moves_the_last_day_to_contest_a_refusal_or_a_silence_when_the_new_day_off_falls_in_its_window()
    {
        // refused, the answer received on Wed 4 Mar: 20 working days to contest it before the head ended on Wed 1 Apr
        // (5-6, 9-13, 16-20, 23-27 are 17 days, then 30, 31 Mar and 1 Apr); without Fri 20 the 20th is Thu 2 Apr
        var refused = await OpenAsync(Submissions.Request("MEF", On(2, 2)) with { DueOn = On(3, 2) });
        await _app.ChangeAsync(db => Set(db, refused, c => Refuse(c, answeredOn: On(3, 4), lastDay: On(4, 1))));
        // silence: the answer was due on Mon 2 Mar; the 20 working days run from there and ended on Mon 30 Mar (3-6,
        // 9-13, 16-20, 23-27 are 19 days); without Fri 20 the 20th is Tue 31 Mar
        var silent = await OpenAsync(Submissions.Request("MEF", On(2, 2)) with { DueOn = On(3, 2) });
        await _app.ChangeAsync(db => Set(db, silent, c =>
        {
            c.Status = "deadline-missed";
            c.RecourseLastDay = On(3, 30);
            c.AlertDeadline = null;
            c.NextAlertOn = null;
        }));
        // refused earlier: its window closed on Wed 18 Mar, before the new day off: unchanged
        var closed = await OpenAsync(Submissions.Request("MEF", On(1, 5)) with { DueOn = On(2, 2) });
        await _app.ChangeAsync(db => Set(db, closed, c => Refuse(c, answeredOn: On(2, 18), lastDay: On(3, 18))));
        var admin = await _app.SignInAsync(StaffRoles.Admin);

        var answer = await AdminAnswers.JsonAsync(await admin.PostAsJsonAsync("/api/calendar/corrections",
            new { holidayDate = "2026-03-21", newDate = "2026-03-20", confirmed = true, reason = Reason }), HttpStatusCode.Created);

        Assert.Equal(2, answer.GetProperty("casesRecomputed").GetInt32());
        Assert.Equal(("2026-04-02", 2L), await LastDayAsync(refused));
        Assert.Equal(("2026-03-31", 2L), await LastDayAsync(silent));
        Assert.Equal(("2026-03-18", 1L), await LastDayAsync(closed));
        var audit = Assert.Single(await _app.QueryAsync(
            $"SELECT note, previous_due_on FROM case_audit_entries WHERE case_id = '{refused}' AND action = 'recompute-due-date'"));
        Assert.Equal((Reason, "2026-04-01"), ((string?)audit["note"], (string?)audit["previous_due_on"]));
        var changes = (await OutboxAsync<DueDateChanged>()).ToDictionary(c => c.CaseId);
        Assert.Equal(new[] { refused, silent }.Order(), changes.Keys.Order());
        Assert.Equal(("recourse-head", On(4, 2), On(4, 1)), (changes[refused].Deadline, changes[refused].DueOn, changes[refused].PreviousDueOn));
        Assert.Equal(("recourse-head", On(3, 31), On(3, 30)), (changes[silent].Deadline, changes[silent].DueOn, changes[silent].PreviousDueOn));
    }

    [Fact]
    public async Task Moves_a_due_date_back_when_a_day_off_leaves_the_period()
    {
        // first the estimate is moved onto Fri 20 Mar, then the ministry corrects itself: Eid is Sat 21 after all.
        // A case received after the first correction, Mon 2 Mar + 20 working days without Fri 20 = Tue 31 Mar, goes
        // back to Mon 30 Mar.
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        await admin.PostAsJsonAsync("/api/calendar/corrections", new { holidayDate = "2026-03-21", newDate = "2026-03-20", confirmed = false, reason = "Estimation" });
        var open = await OpenAsync(Submissions.Request("MEF", On(3, 2)) with { DueOn = On(3, 31) });

        var answer = await AdminAnswers.JsonAsync(await admin.PostAsJsonAsync("/api/calendar/corrections",
            new { holidayDate = "2026-03-20", newDate = "2026-03-21", confirmed = true, reason = Reason }), HttpStatusCode.Created);

        Assert.Equal(1, answer.GetProperty("casesRecomputed").GetInt32());
        Assert.Equal(("2026-03-30", 2L, "2026-03-23", 0L), await DueAsync(open)); // reminder: 23-27, 30
        var audit = Assert.Single(await _app.QueryAsync($"SELECT previous_due_on FROM case_audit_entries WHERE case_id = '{open}' AND action = 'recompute-due-date'"));
        Assert.Equal("2026-03-31", audit["previous_due_on"]);
    }

    private static DateOnly On(int month, int day) => new(2026, month, day);

    private async Task<Guid> OpenAsync(Contracts.Intake.RequestSubmitted submitted)
    {
        await _app.ConsumeAsync(submitted);
        return submitted.CaseId;
    }

    /// <summary>Answered with a refusal received on <paramref name="answeredOn"/>, to contest until <paramref name="lastDay"/>.</summary>
    private static void Refuse(RoutedCase c, DateOnly answeredOn, DateOnly lastDay)
    {
        c.Status = "answered";
        c.Outcome = "refused";
        c.RefusalGround = "private-life";
        c.AnsweredOn = answeredOn;
        c.RecourseLastDay = lastDay;
        c.AlertDeadline = null;
        c.NextAlertOn = null;
    }

    private static void Set(RoutingDbContext db, Guid id, Action<RoutedCase> change) => change(db.Cases.Single(c => c.Id == id));

    /// <summary>The case's due date, version, next alert date and alert stage.</summary>
    private async Task<(string? DueOn, long Version, string? NextAlertOn, long AlertStage)> DueAsync(Guid id)
    {
        var row = Assert.Single(await _app.QueryAsync($"SELECT due_on, version, next_alert_on, alert_stage FROM cases WHERE id = '{id}'"));
        return ((string?)row["due_on"], (long)row["version"]!, (string?)row["next_alert_on"], (long)row["alert_stage"]!);
    }

    /// <summary>The case's last day to file a recourse before the head, and its version.</summary>
    private async Task<(string? LastDay, long Version)> LastDayAsync(Guid id)
    {
        var row = Assert.Single(await _app.QueryAsync($"SELECT recourse_last_day, version FROM cases WHERE id = '{id}'"));
        return ((string?)row["recourse_last_day"], (long)row["version"]!);
    }

    private static (string?, long) Short((string? DueOn, long Version, string?, long) due) => (due.DueOn, due.Version);

    private async Task<List<T>> OutboxAsync<T>() =>
        [.. (await _app.QueryAsync($"SELECT body FROM outbox_messages WHERE message_type = '{typeof(T).FullName}' ORDER BY seq"))
            .Select(row => JsonSerializer.Deserialize<T>((string)row["body"]!, JsonSerializerOptions.Web)!)];
}
