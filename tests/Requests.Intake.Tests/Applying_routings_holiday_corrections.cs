using Requests.Contracts.Routing;

namespace Requests.Intake.Tests;

// Routing owns the calendar; it publishes every correction in force (lunar holidays announced a day or two ahead) as
// CalendarPublished, so the due date on a receipt is the one routing computes.
public sealed class Applying_routings_holiday_corrections : IDisposable
{
    // Thu 19 Mar 2026, urgent: Fri 20, Mon 23, Tue 24, while Eid al-Fitr is estimated on Sat 21 and Sun 22
    private const string UrgentFrom19March = "/api/deadlines?regime=information&receivedOn=2026-03-19&urgent=true";

    private static readonly CalendarCorrection EidMovedToFriday = Correction(1, "2026-03-21", "2026-03-20", confirmed: true);

    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Moves_an_estimated_holiday_in_the_calendar_the_deadlines_and_the_due_date_at_receipt()
    {
        _app.Clock.Set(new DateTimeOffset(2026, 3, 19, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 24), (await _app.FileAsync(Forms.UrgentRequest())).DueDate);

        await _app.DeliverAsync(Calendar(1, EidMovedToFriday));

        var moved = await Holiday2026Async("2026-03-20");
        Assert.Equal(("Aïd Al-Fitr", "confirmed"), (moved!.Value.Text("nameFr"), moved.Value.Text("status")));
        Assert.Null(await Holiday2026Async("2026-03-21"));
        // Fri 20 is now a day off: Mon 23, Tue 24, Wed 25
        Assert.Equal("2026-03-25", (await _app.CreateClient().GetJsonAsync(UrgentFrom19March)).Text("dueOn"));
        Assert.Equal(new DateOnly(2026, 3, 25), (await _app.FileAsync(Forms.UrgentRequest())).DueDate);
    }

    [Fact]
    public async Task Confirms_an_estimated_holiday_in_place()
    {
        await _app.DeliverAsync(Calendar(1, Correction(1, "2026-05-27", null, confirmed: true)));

        Assert.Equal("confirmed", (await Holiday2026Async("2026-05-27"))!.Value.Text("status"));
        Assert.Equal("estimated", (await Holiday2026Async("2026-05-28"))!.Value.Text("status"));
    }

    [Fact]
    public async Task Applies_corrections_in_routings_order_whatever_order_they_are_listed_in()
    {
        // routing first moved the estimate to Friday 20, then confirmed it there
        await _app.DeliverAsync(Calendar(1, Correction(2, "2026-03-20", null, confirmed: true),
            Correction(1, "2026-03-21", "2026-03-20", confirmed: false)));

        Assert.Equal("confirmed", (await Holiday2026Async("2026-03-20"))!.Value.Text("status"));
    }

    [Fact]
    public async Task Keeps_the_calendar_after_a_restart()
    {
        await _app.DeliverAsync(Calendar(1, EidMovedToFriday));

        await using var restarted = await _app.RestartAsync();

        Assert.Equal("2026-03-25", (await restarted.CreateClient().GetJsonAsync(UrgentFrom19March)).Text("dueOn"));
    }

    [Fact]
    public async Task An_older_calendar_arriving_late_does_not_replace_a_newer_one()
    {
        // routing moved the Eid (version 2) after an earlier snapshot without corrections (version 1), which comes last
        await _app.DeliverAsync(Calendar(2, EidMovedToFriday));
        await _app.DeliverAsync(Calendar(1));

        Assert.Equal("2026-03-25", (await _app.CreateClient().GetJsonAsync(UrgentFrom19March)).Text("dueOn"));
        var row = Assert.Single(await _app.QueryAsync("SELECT version FROM published_calendar"));
        Assert.Equal(2L, row["version"]);

        // a newer one is taken whole, even one that no longer lists the correction
        await _app.DeliverAsync(Calendar(3));
        Assert.Equal("2026-03-24", (await _app.CreateClient().GetJsonAsync(UrgentFrom19March)).Text("dueOn"));
    }

    [Fact]
    public async Task The_same_calendar_twice_is_kept_once()
    {
        var messageId = Guid.NewGuid();
        var calendar = Calendar(7, EidMovedToFriday);

        await _app.DeliverAsync(calendar, messageId);
        await _app.RedeliverAsync(calendar, messageId);
        await _app.DeliverAsync(calendar); // sent again by routing under another message id

        var row = Assert.Single(await _app.QueryAsync("SELECT version, corrections FROM published_calendar"));
        Assert.Equal(7L, row["version"]);
        Assert.Contains("\"holidayDate\":\"2026-03-21\"", (string)row["corrections"]!, StringComparison.Ordinal);
        Assert.Equal("2026-03-25", (await _app.CreateClient().GetJsonAsync(UrgentFrom19March)).Text("dueOn"));
    }

    [Fact]
    public async Task The_calendar_corrections_are_made_in_routing_not_here()
    {
        var response = await _app.PostJsonAsync("/api/calendar/corrections",
            new System.Text.Json.Nodes.JsonObject { ["date"] = "2026-03-21", ["confirmed"] = true, ["reason"] = "annonce" });

        Assert.True(response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.MethodNotAllowed,
            $"{(int)response.StatusCode}");
        Assert.Equal(0, await _app.CountAsync("published_calendar"));
    }

    private static CalendarPublished Calendar(long version, params CalendarCorrection[] corrections) =>
        new(version, corrections, IntakeApp.DefaultNow);

    private static CalendarCorrection Correction(long id, string date, string? newDate, bool confirmed) =>
        new(id, RoutingEvents.Day(date), newDate is null ? null : RoutingEvents.Day(newDate), confirmed,
            "Annonce du ministère des Habous", IntakeApp.DefaultNow);

    private async Task<System.Text.Json.JsonElement?> Holiday2026Async(string date) =>
        (await _app.CreateClient().GetJsonAsync("/api/calendar/2026")).EnumerateArray()
            .Cast<System.Text.Json.JsonElement?>().SingleOrDefault(d => d!.Value.Text("date") == date);
}
