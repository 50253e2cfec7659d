using System.Text.Json;
using Requests.Contracts.Routing;
using static Requests.Intake.Tests.RoutingEvents;

namespace Requests.Intake.Tests;

/// <summary>Routing's CaseMoved events reach the citizen: a step in plain French for each, the status of the latest.</summary>
public sealed class Following_the_case : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Shows_each_move_with_the_status_and_due_date_of_the_last()
    {
        var receipt = await _app.FileAsync();

        foreach (var move in Accepted(receipt))
            await _app.DeliverAsync(move);
        await _app.DeliverAsync(Moved(receipt, 3, "extend", "accepted", "extended") with
        {
            DueOn = Day("2026-12-22"), PreviousDueOn = Day("2026-11-24"), Text = "Les données sont réparties entre trois directions.",
        });

        var view = await _app.ViewAsync(receipt);
        Assert.Equal(("extended", "2026-12-22"), (view.Text("status"), view.Text("dueDate")));
        Assert.Equal(["received", "assigned", "accepted", "extended"], view.Kinds());
        var extended = view.Step("extended");
        Assert.Equal("2026-12-22", extended.Text("dueOn"));
        Assert.Equal(receipt.ReceivedAt.AddMinutes(30), extended.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("L'organisme a prolongé une fois le délai de réponse, comme la loi 31.13 le permet : réponse attendue au plus "
            + "tard le mardi 22 décembre 2026 (au lieu du mardi 24 novembre 2026). Motifs : Les données sont réparties entre trois directions.",
            extended.Text("description"));
        Assert.Equal(3L, (await _app.QueryAsync("SELECT sequence FROM cases")).Single()["sequence"]);
    }

    [Fact]
    public async Task Never_shows_the_officers_name()
    {
        var receipt = await _app.FileAsync();

        foreach (var move in Accepted(receipt))
            await _app.DeliverAsync(move);
        await _app.DeliverAsync(Moved(receipt, 3, "answer", "accepted", "answered") with { Outcome = "granted", Text = "Ci-joint le budget." });

        var text = (await _app.ViewAsync(receipt)).GetRawText();
        Assert.DoesNotContain("Youssef", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Benali", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MEF-O1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_names_its_legal_ground_the_answer_and_the_last_day_of_the_recourse()
    {
        var receipt = await _app.FileAsync();
        foreach (var move in Accepted(receipt))
            await _app.DeliverAsync(move);

        await _app.DeliverAsync(Moved(receipt, 3, "answer", "accepted", "answered") with
        {
            Outcome = "refused", RefusalGround = "private-life", Text = "Le document contient des données de santé.",
            RecourseLastDay = Day("2026-12-23"),
        });

        var view = await _app.ViewAsync(receipt);
        Assert.Equal(("answered", "2026-12-23"), (view.Text("status"), view.Text("recourseLastDay")));
        Assert.Equal("L'organisme a répondu : votre demande est refusée pour le motif suivant : vie privée et données à caractère "
            + "personnel. Réponse : Le document contient des données de santé. Si vous contestez cette réponse, vous pouvez former "
            + "un recours auprès du chef de l'organisme jusqu'au mercredi 23 décembre 2026.", view.Step("answered").Text("description"));
        Assert.Equal(["recourse"], view.ActionNames());
    }

    [Theory]
    [InlineData("granted", null, "l'accès à l'information vous est accordé.")]
    [InlineData("partially-granted", "national-defence", "l'accès vous est accordé en partie ; le reste est refusé pour le motif suivant : défense nationale.")]
    [InlineData("not-held", null, "l'organisme ne détient pas l'information demandée.")]
    public async Task An_answer_says_its_outcome(string outcome, string? ground, string expected)
    {
        var receipt = await _app.FileAsync();

        await _app.DeliverAsync(Moved(receipt, 3, "answer", "accepted", "answered") with { Outcome = outcome, RefusalGround = ground });

        Assert.StartsWith($"L'organisme a répondu : {expected}", (await _app.ViewAsync(receipt)).Step("answered").Text("description"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_of_the_body_opens_the_clarification()
    {
        var receipt = await _app.FileAsync();
        foreach (var move in Accepted(receipt))
            await _app.DeliverAsync(move);

        await _app.DeliverAsync(Moved(receipt, 3, "ask-clarification", "accepted", "awaiting-clarification") with
        {
            Text = "Quelle commune visez-vous ?",
        });

        var view = await _app.ViewAsync(receipt);
        Assert.Contains("« Quelle commune visez-vous ? »", view.Step("clarification-asked").Text("description"), StringComparison.Ordinal);
        Assert.Equal(["clarify", "withdraw"], view.ActionNames());
        Assert.Equal($"/api/cases/{receipt.TrackingNumber}/clarification", view.GetProperty("actions")[0].Text("path"));
    }

    [Fact]
    public async Task A_complaints_answer_may_be_reopened_or_rated()
    {
        var receipt = await _app.FileAsync(Forms.Complaint().With("language", "fr"));

        await _app.DeliverAsync(Moved(receipt, 3, "answer", "accepted", "answered", "complaint", "complaint", "COM-RABAT") with
        {
            Outcome = "founded", Text = "Les lampadaires seront réparés cette semaine.",
        });

        var view = await _app.ViewAsync(receipt);
        Assert.Equal("L'organisme a répondu à votre réclamation et la juge fondée. Réponse : Les lampadaires seront réparés cette "
            + "semaine. Vous pouvez noter cette réponse, ou rouvrir votre réclamation si elle ne vous satisfait pas.",
            view.Step("answered").Text("description"));
        Assert.Equal(["reopen", "rate"], view.ActionNames());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("recourseLastDay").ValueKind);
    }

    [Fact]
    public async Task A_late_message_adds_its_step_in_its_place_but_does_not_roll_the_status_back()
    {
        var receipt = await _app.FileAsync();
        var (assigned, accepted) = (Accepted(receipt)[0], Accepted(receipt)[1]);

        await _app.DeliverAsync(accepted);
        await _app.DeliverAsync(assigned);

        var view = await _app.ViewAsync(receipt);
        Assert.Equal("accepted", view.Text("status"));
        Assert.Equal(["received", "assigned", "accepted"], view.Kinds());
        Assert.Equal(2L, (await _app.QueryAsync("SELECT sequence FROM cases")).Single()["sequence"]);
    }

    [Fact]
    public async Task A_redelivered_move_changes_nothing()
    {
        var receipt = await _app.FileAsync();
        var messageId = Guid.NewGuid();
        var accepted = Accepted(receipt)[1];

        await _app.DeliverAsync(accepted, messageId);
        await _app.RedeliverAsync(accepted, messageId);

        Assert.Equal(1, await _app.CountAsync("case_events"));
        Assert.Equal(1, await _app.CountAsync("inbox_messages"));
    }

    [Fact]
    public async Task The_same_move_sent_again_under_another_message_id_makes_one_step()
    {
        var receipt = await _app.FileAsync();
        var accepted = Accepted(receipt)[1];

        await _app.DeliverAsync(accepted);
        await _app.DeliverAsync(accepted);

        Assert.Equal(["received", "accepted"], (await _app.ViewAsync(receipt)).Kinds());
    }

    [Fact]
    public async Task The_first_assignment_shows_once_whether_CasesOpened_or_CaseMoved_comes_first()
    {
        var receipt = await _app.FileAsync();

        await _app.DeliverAsync(Accepted(receipt)[0]);
        await _app.DeliverAsync(new CasesOpened([new CaseOpened(receipt.CaseId, receipt.TrackingNumber, "information", "request", "MEF",
            "portal", null, false, receipt.ReceivedAt, receipt.ReceivedOn, receipt.DueDate, "MEF-O1", receipt.ReceivedAt.AddMinutes(10))]));

        Assert.Equal(["received", "assigned"], (await _app.ViewAsync(receipt)).Kinds());
    }

    [Fact]
    public async Task A_move_of_a_case_intake_does_not_hold_is_recorded_and_changes_nothing()
    {
        var stranger = new FiledReceipt(Guid.NewGuid(), "DAI-2026-999999", "XXXXX-XXXXX", IntakeApp.DefaultNow,
            new DateOnly(2026, 10, 23), new DateOnly(2026, 11, 24), "2026.1");

        await _app.DeliverAsync(Accepted(stranger)[1]);

        Assert.Equal(0, await _app.CountAsync("case_events"));
    }
}
