using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using static Requests.Intake.Tests.RoutingEvents;

namespace Requests.Intake.Tests;

/// <summary>A body that is not competent redirects the case: intake files a linked case at the competent body.</summary>
public sealed class Redirecting_a_case : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Files_a_linked_case_at_the_competent_body_that_the_same_access_code_opens()
    {
        var receipt = await _app.FileAsync();

        await _app.DeliverAsync(Redirect(receipt, "2026-10-28"));

        var original = await _app.ViewAsync(receipt);
        Assert.Equal(("redirected", "DAI-2026-000002"), (original.Text("status"), original.Text("redirectedTo")));
        Assert.Empty(original.ActionNames());
        Assert.Equal("L'organisme n'est pas compétent : votre demande a été transmise le mercredi 28 octobre 2026 à : Caisse "
            + "nationale de sécurité sociale, sous le nouveau numéro de suivi DAI-2026-000002. Suivez-la avec le même code d'accès. "
            + "Motif : La CNSS détient ces relevés.", original.Step("redirected").Text("description"));

        var linked = await _app.ViewAsync("DAI-2026-000002", receipt.AccessCode);
        Assert.Equal(("CNSS", "received", receipt.TrackingNumber), (linked.Text("bodyCode"), linked.Text("status"), linked.Text("redirectedFrom")));
        Assert.Equal((receipt.TrackingNumber, "Budget de la commune"), (linked.Text("redirectedFrom"), linked.Text("subject")));
        Assert.Equal("Transmise par Ministère de l'Économie et des Finances (numéro de suivi DAI-2026-000001) et reçue le mercredi "
            + "28 octobre 2026 ; réponse attendue au plus tard le vendredi 27 novembre 2026.", linked.GetProperty("timeline")[0].Text("description"));
    }

    [Fact]
    public async Task Tells_routing_of_the_new_case_and_the_case_it_came_from()
    {
        var receipt = await _app.FileAsync();

        await _app.DeliverAsync(Redirect(receipt, "2026-10-28"));

        var submitted = await SubmittedAsync();
        Assert.Equal(2, submitted.Count);
        var (first, linked) = (submitted[0], submitted[1]);
        Assert.Equal((receipt.CaseId, "CNSS", "DAI-2026-000002"), (linked.RedirectedFrom!.Value, linked.BodyCode, linked.TrackingNumber));
        Assert.Equal((first.Requester, first.Subject, first.Description, first.Regime, first.Kind, first.Channel),
            (linked.Requester, linked.Subject, linked.Description, linked.Regime, linked.Kind, linked.Channel));
        Assert.Equal((Day("2026-10-28"), Day("2026-11-27")), (linked.ReceivedOn, linked.DueOn));
        Assert.Null(first.RedirectedFrom);
    }

    [Theory]
    // the competent body's clock starts on the day of redirection (redirectionRestartsClock: true)
    [InlineData("request", "2026-10-28", "2026-11-27")] // 20 working days from Wed 28 Oct, skipping 6 and 18 Nov
    [InlineData("request", "2026-11-05", "2026-12-07")] // from Thu 5 Nov: 6 and 18 Nov off, the 20th working day is Mon 7 Dec
    [InlineData("complaint", "2026-10-28", "2026-12-28")] // 60 calendar days end on Sun 27 Dec: the next working day
    public async Task Starts_the_new_bodys_clock_on_the_day_of_redirection(string regime, string redirectedOn, string dueOn)
    {
        var receipt = await _app.FileAsync(regime == "request" ? null : Forms.Complaint());

        await _app.DeliverAsync(Redirect(receipt, redirectedOn) with
        {
            Regime = regime == "request" ? "information" : "complaint", Kind = regime,
        });

        var linked = Assert.Single(await _app.QueryAsync("SELECT received_on, due_on FROM cases WHERE redirected_from IS NOT NULL"));
        Assert.Equal((redirectedOn, dueOn), (linked["received_on"], linked["due_on"]));
    }

    [Fact]
    public async Task Files_once_however_often_the_redirection_arrives()
    {
        var receipt = await _app.FileAsync();
        var messageId = Guid.NewGuid();
        var redirect = Redirect(receipt, "2026-10-28");

        await _app.DeliverAsync(redirect, messageId);
        await _app.RedeliverAsync(redirect, messageId);
        await _app.DeliverAsync(redirect); // the same move under another message id: the link column holds

        Assert.Equal(2, await _app.CountAsync("cases"));
        Assert.Equal(2, (await SubmittedAsync()).Count);
        Assert.Equal(["received", "redirected"], (await _app.ViewAsync(receipt)).Kinds());
    }

    [Fact]
    public async Task Numbers_the_linked_case_after_the_filings_made_meanwhile()
    {
        var receipt = await _app.FileAsync();
        await _app.FileAsync();

        await _app.DeliverAsync(Redirect(receipt, "2026-10-28"));
        var next = await _app.FileAsync();

        Assert.Equal("DAI-2026-000003", (await _app.ViewAsync(receipt)).Text("redirectedTo"));
        Assert.Equal("DAI-2026-000004", next.TrackingNumber);
    }

    private static CaseMoved Redirect(FiledReceipt receipt, string on) =>
        Moved(receipt, 3, "redirect", "accepted", "redirected") with
        {
            RedirectedTo = "CNSS", Text = "La CNSS détient ces relevés.",
            At = new DateTimeOffset(Day(on).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), OccurredOn = Day(on),
        };

    private async Task<List<RequestSubmitted>> SubmittedAsync() => [.. (await _app.SubmittedAsync()).Select(m => m.Submitted)];
}
