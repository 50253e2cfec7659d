using Microsoft.Extensions.DependencyInjection;
using Requests.Contracts.Routing;
using Requests.Routing.Assignment;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Tests;

// MEF has two designated officers (MEF-O1, MEF-O2), a substitute for MEF-O1 (MEF-S1) and a head (MEF-H).
public sealed class Assigning_a_submitted_case : IDisposable
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_batch_balances_its_cases_as_if_they_came_one_by_one_and_records_a_repeated_message_once()
    {
        var cases = Enumerable.Range(0, 4).Select(_ => Submissions.Request()).ToList();
        var repeated = Guid.NewGuid();

        // the bus delivers submissions in batches under load; the same message may come twice in one batch
        await _app.ConsumeBatchAsync([(cases[0], repeated), (cases[1], Guid.NewGuid()), (cases[0], repeated),
            (cases[2], Guid.NewGuid()), (cases[3], Guid.NewGuid())]);

        // each case sees the loads left by the ones before it in the batch: O1, O2, O1, O2
        string?[] expected = ["MEF-O1", "MEF-O2", "MEF-O1", "MEF-O2"];
        Assert.Equal(expected, await Task.WhenAll(cases.Select(c => OfficerOfAsync(c.CaseId))));
        Assert.Equal(4, await _app.CountAsync("cases"));
        // one message for the batch's openings, each with its officer
        Assert.Equal(1, await _app.CountAsync("outbox_messages", "message_type LIKE '%CasesOpened'"));
        Assert.Equal(expected, (await _app.OpenedAsync()).Select(c => c.OfficerId));
        Assert.Equal(4, await _app.CountAsync("inbox_messages"));
    }

    [Fact]
    public async Task Gives_it_to_the_officer_with_the_fewest_open_cases()
    {
        var first = Submissions.Request();
        var second = Submissions.Request();
        var third = Submissions.Request();

        await _app.ConsumeAsync(first);
        await _app.ConsumeAsync(second);
        await _app.ConsumeAsync(third);

        // a tie goes to the first id; then the other officer has fewer open cases
        Assert.Equal("MEF-O1", await OfficerOfAsync(first.CaseId));
        Assert.Equal("MEF-O2", await OfficerOfAsync(second.CaseId));
        Assert.Equal("MEF-O1", await OfficerOfAsync(third.CaseId));
    }

    [Fact]
    public async Task Stores_the_case_as_assigned_with_intakes_due_date_and_an_audit_entry()
    {
        var submitted = Submissions.Request();

        await _app.ConsumeAsync(submitted);

        var row = Assert.Single(await _app.QueryAsync($"SELECT * FROM cases WHERE id = '{submitted.CaseId}'"));
        Assert.Equal("assigned", row["status"]);
        Assert.Equal(submitted.TrackingNumber, row["tracking_number"]);
        Assert.Equal("2026-12-21", row["due_on"]);
        Assert.Equal("2026.1", row["rule_version"]);
        var audit = Assert.Single(await _app.QueryAsync($"SELECT * FROM case_audit_entries WHERE case_id = '{submitted.CaseId}'"));
        Assert.Equal("assign", audit["action"]);
        Assert.Equal("received", audit["from_status"]);
        Assert.Equal("assigned", audit["to_status"]);
    }

    [Fact]
    public async Task Gives_it_to_the_substitute_when_the_officers_are_on_leave_on_the_day_of_receipt()
    {
        await _app.ChangeAsync(db => db.OfficerLeaves.AddRange(
            new OfficerLeave { OfficerId = "MEF-O1", StartsOn = Monday.AddDays(-7), EndsOn = Monday },
            new OfficerLeave { OfficerId = "MEF-O2", StartsOn = Monday, EndsOn = Monday.AddDays(4) }));
        var onLeaveDay = Submissions.Request(receivedOn: Monday);
        var dayAfter = Submissions.Request(receivedOn: Monday.AddDays(1));

        await _app.ConsumeAsync(onLeaveDay);
        await _app.ConsumeAsync(dayAfter);

        Assert.Equal("MEF-S1", await OfficerOfAsync(onLeaveDay.CaseId));
        // MEF-O1's leave ended on Monday: on Tuesday they are back
        Assert.Equal("MEF-O1", await OfficerOfAsync(dayAfter.CaseId));
    }

    [Fact]
    public async Task Gives_it_to_the_head_of_the_body_when_everybody_is_away()
    {
        await _app.ChangeAsync(db => db.OfficerLeaves.AddRange(
            new[] { "MEF-O1", "MEF-O2", "MEF-S1" }.Select(id =>
                new OfficerLeave { OfficerId = id, StartsOn = Monday, EndsOn = Monday })));
        var submitted = Submissions.Request(receivedOn: Monday);

        await _app.ConsumeAsync(submitted);

        Assert.Equal("MEF-H", await OfficerOfAsync(submitted.CaseId));
    }

    [Fact]
    public async Task Writes_the_assignment_to_the_outbox_in_the_same_transaction()
    {
        var submitted = Submissions.Request();

        await _app.ConsumeAsync(submitted);

        var opened = Assert.Single(await _app.OpenedAsync());
        Assert.Equal((submitted.CaseId, submitted.TrackingNumber, "MEF", submitted.DueOn, "MEF-O1", (DateTimeOffset?)RoutingApp.DefaultNow),
            (opened.CaseId, opened.TrackingNumber, opened.BodyCode, opened.DueOn, opened.OfficerId, opened.AssignedAt));
    }

    [Fact]
    public async Task Leaves_a_case_for_an_unknown_body_unassigned_and_flagged()
    {
        var submitted = Submissions.Request(bodyCode: "NOPE");

        await _app.ConsumeAsync(submitted);

        var row = Assert.Single(await _app.QueryAsync($"SELECT * FROM cases WHERE id = '{submitted.CaseId}'"));
        Assert.Equal("received", row["status"]);
        Assert.Null(row["assigned_officer_id"]);
        Assert.Equal("unknown-body", row["flag"]);
        var opened = Assert.Single(await _app.OpenedAsync());
        Assert.Equal((submitted.CaseId, (string?)null, (DateTimeOffset?)null), (opened.CaseId, opened.OfficerId, opened.AssignedAt));
        Assert.Equal(1, await _app.CountAsync("inbox_messages"));
    }

    [Theory]
    [InlineData("MEF", "roads", "roads")]
    [InlineData("NOPE", "voirie", "other")] // a case left unassigned is counted too; a theme written before the closed list is "other"
    public async Task Writes_CaseOpened_for_the_reports_with_the_cases_dimensions_and_nothing_of_the_requester(string body,
        string theme, string reported)
    {
        var submitted = Submissions.Request(bodyCode: body) with { Regime = "complaint", Kind = "complaint", Theme = theme, Urgent = true };

        await _app.ConsumeAsync(submitted);

        var row = Assert.Single(await _app.QueryAsync("SELECT body FROM outbox_messages WHERE message_type LIKE '%CasesOpened'"));
        var message = Assert.Single(await _app.OpenedAsync());
        Assert.Equal(new CaseOpened(submitted.CaseId, submitted.TrackingNumber, "complaint", "complaint", body, "portal", reported,
            true, submitted.ReceivedAt, submitted.ReceivedOn, submitted.DueOn), message with { OfficerId = null, AssignedAt = null });
        foreach (var personal in new[] { "Amina", "AB123456", "amina@example.ma", "Budget execution", "quarterly" })
            Assert.DoesNotContain(personal, (string)row["body"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_the_open_cases_again_off_the_assignments_so_a_case_answered_meanwhile_stops_counting()
    {
        var (first, second) = (Submissions.Request(), Submissions.Request());
        await _app.ConsumeAsync(first);
        await _app.ConsumeAsync(second);
        Assert.Equal(("MEF-O1", "MEF-O2"), (await OfficerOfAsync(first.CaseId), await OfficerOfAsync(second.CaseId)));
        await using (var connection = _app.OpenDatabase())
        {
            await using var answered = connection.CreateCommand();
            answered.CommandText = $"UPDATE cases SET status = 'answered' WHERE id = '{second.CaseId}'";
            await answered.ExecuteNonQueryAsync();
        }

        // until the recount, MEF-O2's answered case still counts, and the tie would go to MEF-O1
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OfficerLoads>().RecountAsync(
                scope.ServiceProvider.GetRequiredService<RoutingDbContext>(), scope.ServiceProvider.GetRequiredService<WriteGate>(),
                CancellationToken.None);
        var third = Submissions.Request();
        await _app.ConsumeAsync(third);

        Assert.Equal("MEF-O2", await OfficerOfAsync(third.CaseId));
    }

    private async Task<string?> OfficerOfAsync(Guid caseId) =>
        (string?)Assert.Single(await _app.QueryAsync($"SELECT assigned_officer_id FROM cases WHERE id = '{caseId}'"))["assigned_officer_id"];
}
