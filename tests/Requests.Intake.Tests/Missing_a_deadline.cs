using Requests.Contracts.Routing;
using static Requests.Intake.Tests.RoutingEvents;

namespace Requests.Intake.Tests;

/// <summary>Routing's DeadlineMissed tells the citizen what the silence means for them and until when they may act.</summary>
public sealed class Missing_a_deadline : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_bodys_silence_on_a_request_is_an_implicit_refusal_open_to_recourse()
    {
        var receipt = await _app.FileAsync();
        foreach (var move in Accepted(receipt))
            await _app.DeliverAsync(move);

        // due Tue 24 Nov; the recourse window is 20 working days from then: Tue 22 Dec (no holiday in between)
        await _app.DeliverAsync(Missed(receipt, "answer", "2026-11-24", "2026-12-22"));

        var view = await _app.ViewAsync(receipt);
        Assert.Equal("L'organisme n'a pas répondu dans le délai légal, échu le mardi 24 novembre 2026 : ce silence vaut refus "
            + "implicite (loi 31.13). Vous pouvez former un recours auprès du chef de l'organisme jusqu'au mardi 22 décembre 2026.",
            view.Step("deadline-missed").Text("description"));
        // the status is routing's, and comes with the CaseMoved of the same miss
        Assert.Equal("accepted", view.Text("status"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_miss_and_its_CaseMoved_make_one_step_whichever_comes_first(bool alertFirst)
    {
        var receipt = await _app.FileAsync();
        var alert = Missed(receipt, "answer", "2026-11-24", "2026-12-22");
        var move = Moved(receipt, 3, "miss-deadline", "accepted", "deadline-missed") with
        {
            Actor = "deadline-sweep", ActorRole = "system", OfficerId = null, RecourseLastDay = Day("2026-12-22"),
        };

        if (alertFirst)
            await _app.DeliverAsync(alert);
        await _app.DeliverAsync(move);
        if (!alertFirst)
            await _app.DeliverAsync(alert);

        var view = await _app.ViewAsync(receipt);
        Assert.Equal(["received", "deadline-missed"], view.Kinds());
        Assert.Equal(("deadline-missed", "2026-12-22"), (view.Text("status"), view.Text("recourseLastDay")));
        Assert.Equal(["recourse", "withdraw"], view.ActionNames());
    }

    [Fact]
    public async Task The_heads_silence_opens_the_Commission_until_its_last_day()
    {
        var receipt = await _app.FileAsync();

        await _app.DeliverAsync(Missed(receipt, "head-answer", "2027-01-15", null));

        // 30 calendar days from Fri 15 Jan 2027 end on Sun 14 Feb: the next working day, Mon 15 Feb
        Assert.Equal("Le chef de l'organisme n'a pas répondu à votre recours dans le délai, échu le vendredi 15 janvier 2027 : ce "
            + "silence vaut refus implicite. Vous pouvez saisir la Commission du droit d'accès à l'information (CDAI) jusqu'au lundi 15 février 2027.",
            (await _app.ViewAsync(receipt)).Step("recourse-deadline-missed").Text("description"));
    }

    [Fact]
    public async Task A_complaint_past_its_deadline_is_still_owed_an_answer()
    {
        var receipt = await _app.FileAsync(Forms.Complaint().With("language", "fr"));

        await _app.DeliverAsync(Missed(receipt, "answer", "2026-12-22", null));

        var text = (await _app.ViewAsync(receipt)).Step("deadline-missed").Text("description");
        Assert.Equal("L'organisme n'a pas répondu à votre réclamation dans le délai, échu le mardi 22 décembre 2026. "
            + "Une réponse motivée reste due.", text);
    }

    [Fact]
    public async Task A_redelivered_alert_changes_nothing()
    {
        var receipt = await _app.FileAsync();
        var messageId = Guid.NewGuid();
        var alert = Missed(receipt, "answer", "2026-11-24", "2026-12-22");

        await _app.DeliverAsync(alert, messageId);
        await _app.RedeliverAsync(alert, messageId);

        Assert.Equal(1, await _app.CountAsync("case_events"));
    }

    private static DeadlineMissed Missed(FiledReceipt receipt, string deadline, string dueOn, string? recourseLastDay) =>
        new(receipt.CaseId, receipt.TrackingNumber, "MEF", deadline, Day(dueOn),
            recourseLastDay is null ? null : Day(recourseLastDay), "MEF-H", receipt.ReceivedAt.AddDays(32));
}
