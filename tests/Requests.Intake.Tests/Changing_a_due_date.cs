using Requests.Contracts.Routing;
using static Requests.Intake.Tests.RoutingEvents;

namespace Requests.Intake.Tests;

/// <summary>A holiday correction in routing moved a case's deadline: the citizen sees the new date, the old one and why.</summary>
public sealed class Changing_a_due_date : IDisposable
{
    private const string Reason = "Aïd Al-Fitr confirmé le lundi 23 novembre";

    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Shows_the_new_date_the_previous_one_and_why()
    {
        var receipt = await _app.FileAsync();

        await _app.DeliverAsync(Changed(receipt, "2026-11-25", "2026-11-24"));

        var view = await _app.ViewAsync(receipt);
        Assert.Equal("2026-11-25", view.Text("dueDate"));
        var step = view.Step("due-date-changed");
        Assert.Equal("2026-11-25", step.Text("dueOn"));
        Assert.Equal("Le calendrier des jours fériés a été corrigé : la date limite de la réponse de l'organisme passe du mardi "
            + $"24 novembre 2026 au mercredi 25 novembre 2026. Motif : {Reason}", step.Text("description"));
    }

    [Fact]
    public async Task A_later_last_day_to_contest_a_refusal_lets_the_citizen_file_the_recourse_on_that_day()
    {
        var receipt = await _app.FileAsync();
        foreach (var move in Refused(receipt))
            await _app.DeliverAsync(move);

        await _app.DeliverAsync(new DueDateChanged(receipt.CaseId, receipt.TrackingNumber, "recourse-head", Day("2026-12-24"),
            Day("2026-12-23"), Reason, receipt.ReceivedAt.AddDays(40)));

        // Thursday 24 December, the day after the last day the refusal gave (a recourse then is refused as late,
        // see Acting_on_a_case), and the last day since the correction
        _app.Clock.Set(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero));
        var view = await _app.ViewAsync(receipt);
        Assert.Contains("recourse", view.ActionNames());
        Assert.Equal(("2026-12-24", "2026-11-24"), (view.Text("recourseLastDay"), view.Text("dueDate")));
        Assert.Equal("Le calendrier des jours fériés a été corrigé : le dernier jour pour former un recours auprès du chef de "
            + $"l'organisme passe du mercredi 23 décembre 2026 au jeudi 24 décembre 2026. Motif : {Reason}",
            view.Step("due-date-changed").Text("description"));
        var filed = await _app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, "recourse", new { text = "Budget agrégé." });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, filed.StatusCode);
    }

    [Fact]
    public async Task A_later_date_that_has_not_passed_opens_a_missed_case_again_and_says_why()
    {
        var receipt = await _app.FileAsync();
        foreach (var move in Accepted(receipt))
            await _app.DeliverAsync(move);
        await _app.DeliverAsync(Moved(receipt, 3, "miss-deadline", "accepted", "deadline-missed") with
        {
            Actor = "deadline-sweep", ActorRole = "system", OfficerId = null, RecourseLastDay = Day("2026-12-22"),
        });
        Assert.Equal(["recourse", "withdraw"], (await _app.ViewAsync(receipt)).ActionNames());

        await _app.DeliverAsync(Changed(receipt, "2026-11-25", "2026-11-24") with { ReopenedStatus = "accepted", Sequence = 4 });

        var view = await _app.ViewAsync(receipt);
        Assert.Equal(("accepted", "2026-11-25"), (view.Text("status"), view.Text("dueDate")));
        Assert.Null(view.Text("recourseLastDay"));
        Assert.DoesNotContain("recourse", view.ActionNames());
        Assert.Equal("Le calendrier des jours fériés a été corrigé : la date limite de la réponse de l'organisme passe du mardi "
            + $"24 novembre 2026 au mercredi 25 novembre 2026. Motif : {Reason} Ce délai n'étant pas échu, le dépassement constaté "
            + "est annulé : votre dossier est de nouveau en cours de traitement.", view.Step("due-date-changed").Text("description"));
    }

    [Fact]
    public async Task A_change_from_a_date_the_case_no_longer_has_leaves_the_date_as_it_is()
    {
        var receipt = await _app.FileAsync();
        // the extension already brought 22 December, computed with the corrected calendar
        await _app.DeliverAsync(Moved(receipt, 3, "extend", "accepted", "extended") with
        {
            DueOn = Day("2026-12-22"), PreviousDueOn = Day("2026-11-24"), Text = "Volume",
        });

        await _app.DeliverAsync(Changed(receipt, "2026-11-25", "2026-11-24"));

        var view = await _app.ViewAsync(receipt);
        Assert.Equal("2026-12-22", view.Text("dueDate"));
        Assert.Equal(["received", "extended", "due-date-changed"], view.Kinds());
    }

    [Fact]
    public async Task A_redelivered_change_changes_nothing()
    {
        var receipt = await _app.FileAsync();
        var messageId = Guid.NewGuid();

        await _app.DeliverAsync(Changed(receipt, "2026-11-25", "2026-11-24"), messageId);
        await _app.RedeliverAsync(Changed(receipt, "2026-11-26", "2026-11-25"), messageId);

        Assert.Equal(1, await _app.CountAsync("case_events"));
        Assert.Equal("2026-11-25", (await _app.ViewAsync(receipt)).Text("dueDate"));
    }

    private static DueDateChanged Changed(FiledReceipt receipt, string dueOn, string previous) =>
        new(receipt.CaseId, receipt.TrackingNumber, "answer", Day(dueOn), Day(previous), Reason, receipt.ReceivedAt.AddDays(31));
}
