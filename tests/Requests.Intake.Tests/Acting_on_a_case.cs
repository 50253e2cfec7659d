using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.ServiceDefaults.Messaging;
using static Requests.Intake.Tests.RoutingEvents;

namespace Requests.Intake.Tests;

/// <summary>The citizen acts with their access code: intake records the action and relays it to routing as CitizenActed.</summary>
public sealed class Acting_on_a_case : IDisposable
{
    private const string Recourse = "La protection des données de santé ne couvre pas un budget agrégé.";

    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Files_a_recourse_after_a_refusal_and_relays_it_in_the_same_transaction()
    {
        var receipt = await RefusedAsync();
        // 23:30 UTC on Monday 30 November is already Tuesday 1 December in Casablanca: the recourse's legal date
        var now = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);
        _app.Clock.Set(now);

        var response = await _app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, "recourse", new { text = Recourse });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("recourse", "pending"), (answer.Text("action"), answer.Text("state")));
        var acted = Assert.Single(await ActedAsync());
        Assert.Equal(new CitizenActed(answer.GetProperty("actionId").GetGuid(), receipt.CaseId, receipt.TrackingNumber,
            "file-recourse", Recourse, null, now, new DateOnly(2026, 12, 1)), acted);
        var step = (await _app.ViewAsync(receipt)).Step("citizen-action");
        Assert.Equal(("file-recourse", "pending"), (step.Text("action"), step.Text("state")));
        Assert.Equal("Vous avez envoyé un recours auprès du chef de l'organisme : en attente de traitement.", step.Text("description"));
    }

    [Fact]
    public async Task Shows_the_action_done_once_routing_has_applied_it()
    {
        var receipt = await RefusedAsync();
        await _app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, "recourse", new { text = Recourse });

        await _app.DeliverAsync(Moved(receipt, 4, "file-recourse", "answered", "under-recourse") with
        {
            Actor = "citizen", ActorRole = "citizen", OfficerId = null, RecourseDueOn = Day("2026-12-21"),
        });

        var view = await _app.ViewAsync(receipt);
        Assert.Equal("done", view.Step("citizen-action").Text("state"));
        Assert.Equal("Votre recours auprès du chef de l'organisme a été enregistré ; sa réponse est attendue au plus tard le "
            + "lundi 21 décembre 2026.", view.Step("recourse-filed").Text("description"));
        Assert.Equal(("under-recourse", "2026-12-21"), (view.Text("status"), view.Text("recourseDueOn")));
        Assert.Equal(["withdraw"], view.ActionNames());
    }

    [Fact]
    public async Task Shows_why_routing_refused_the_action()
    {
        var receipt = await RefusedAsync();
        var response = await _app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, "recourse", new { text = Recourse });
        var actionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("actionId").GetGuid();
        const string why = "The recourse to the head of the body had to be filed by 2026-12-23.";

        await _app.DeliverAsync(new CitizenActionRefused(actionId, receipt.CaseId, receipt.TrackingNumber, "file-recourse", why,
            IntakeApp.DefaultNow.AddDays(40)));

        var view = await _app.ViewAsync(receipt);
        Assert.Equal("refused", view.Step("citizen-action").Text("state"));
        Assert.Equal($"L'organisme n'a pas pu donner suite à votre recours auprès du chef de l'organisme : {why}",
            view.Step("action-refused").Text("description"));
    }

    [Fact]
    public async Task Rates_a_complaints_answer_with_a_comment()
    {
        var receipt = await _app.FileAsync(Forms.Complaint());
        await _app.DeliverAsync(Moved(receipt, 3, "answer", "accepted", "answered", "complaint", "complaint", "COM-RABAT") with
        {
            Outcome = "founded", Text = "Réparé.",
        });

        var response = await _app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, "rating", new { rating = 4, comment = "Rapide." });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var acted = Assert.Single(await ActedAsync());
        Assert.Equal(("rate", 4, "Rapide."), (acted.Action, acted.Rating, acted.Text));
    }

    [Fact]
    public async Task Withdraws_a_request_with_or_without_a_reason()
    {
        var receipt = await _app.FileAsync();
        Assert.Equal(["withdraw"], (await _app.ViewAsync(receipt)).ActionNames());

        var response = await _app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, "withdrawal", "{}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var acted = Assert.Single(await ActedAsync());
        Assert.Equal(("withdraw", null), (acted.Action, acted.Text));
    }

    [Theory]
    [InlineData("recourse")]
    [InlineData("reopen")]
    [InlineData("rating")]
    [InlineData("clarification")]
    [InlineData("withdrawal")]
    public async Task Answers_404_like_the_lookup_to_a_wrong_code_or_an_unknown_case_and_sends_nothing(string path)
    {
        var receipt = await _app.FileAsync();
        var other = await _app.FileAsync();
        var body = ValidBody(path);
        var lookup = await _app.LookUpAsync(receipt.TrackingNumber, other.AccessCode);
        var expected = (await lookup.Content.ReadFromJsonAsync<JsonElement>()).Text("title");

        foreach (var (number, code) in new[] { (receipt.TrackingNumber, other.AccessCode), (receipt.TrackingNumber, null),
                     ("DAI-2026-999999", receipt.AccessCode) })
        {
            var problem = await (await _app.ActAsync(number, code, path, body)).ReadProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(expected, problem.Text("title"));
        }
        Assert.Equal(0, await _app.CountAsync("citizen_actions"));
        Assert.Empty(await ActedAsync());
    }

    [Theory]
    [InlineData("recourse", "{}", "text")]
    [InlineData("recourse", "{\"text\": \"   \"}", "text")]
    [InlineData("reopen", "{\"text\": null}", "text")]
    [InlineData("clarification", "{}", "text")]
    [InlineData("rating", "{}", "rating")]
    [InlineData("rating", "{\"rating\": 0}", "rating")]
    [InlineData("rating", "{\"rating\": 6}", "rating")]
    public async Task Answers_422_naming_the_field_and_sends_nothing(string path, string body, string field)
    {
        var receipt = await _app.FileAsync();

        var problem = await (await _app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, path, body))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([field], problem.ErrorFields());
        Assert.Equal(0, await _app.CountAsync("citizen_actions"));
        Assert.Empty(await ActedAsync());
    }

    [Theory]
    [InlineData("recourse", "text", 5001)]
    [InlineData("rating", "comment", 1001)]
    [InlineData("withdrawal", "reason", 1001)]
    public async Task Answers_422_to_a_text_too_long(string path, string field, int length)
    {
        var receipt = await _app.FileAsync();
        var body = new Dictionary<string, object> { [field] = new string('x', length) };
        if (path == "rating")
            body["rating"] = 3;

        var problem = await (await _app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, path, body))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([field], problem.ErrorFields());
    }

    [Theory]
    [InlineData("rating", "{\"rating\": \"five\"}", "rating")]
    [InlineData("recourse", "{\"text\": \"x\", \"urgent\": true}", "urgent")]
    [InlineData("recourse", "not json", "$")]
    public async Task Answers_400_to_a_body_that_is_not_the_form(string path, string body, string field)
    {
        var receipt = await _app.FileAsync();

        var problem = await (await _app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, path, body))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(0, await _app.CountAsync("citizen_actions"));
    }

    [Theory]
    [InlineData("received request", "recourse")] // nothing to contest yet
    [InlineData("answered complaint", "recourse")] // complaints have no recourse to the head: they are reopened
    [InlineData("refused request", "reopen")] // reopening and rating are for complaints
    [InlineData("refused request", "rating")]
    [InlineData("received complaint", "rating")] // nothing to rate before the answer
    [InlineData("received complaint", "reopen")]
    [InlineData("received request", "clarification")] // no question was asked
    [InlineData("refused request", "withdrawal")] // answered: nothing left to withdraw
    [InlineData("granted request", "recourse")] // a full grant leaves nothing to contest
    [InlineData("refused request, window closed", "recourse")]
    public async Task Answers_409_to_an_action_the_case_does_not_allow_now_and_sends_nothing(string situation, string path)
    {
        var receipt = await InSituationAsync(situation);

        var problem = await (await _app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, path, ValidBody(path)))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.False(string.IsNullOrWhiteSpace(problem.Text("detail")));
        Assert.Equal(0, await _app.CountAsync("citizen_actions"));
        Assert.Empty(await ActedAsync());
    }

    [Fact]
    public async Task Shares_the_lookups_allowance_against_code_guessing()
    {
        await using var app = new IntakeApp { Settings = { ["Intake:RateLimits:LookupsPerMinute"] = "2" } };
        var receipt = await app.FileAsync();

        await app.ActAsync(receipt.TrackingNumber, "00000-00000", "withdrawal", "{}");
        await app.ActAsync(receipt.TrackingNumber, "00000-00001", "withdrawal", "{}");
        var third = await app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, "withdrawal", "{}");

        await third.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        await (await app.LookUpAsync(receipt.TrackingNumber, receipt.AccessCode)).ReadProblemAsync(HttpStatusCode.TooManyRequests);
    }

    /// <summary>A request refused by the body on Thursday 26 November 2026, open to recourse until Wednesday 23 December.</summary>
    private async Task<FiledReceipt> RefusedAsync()
    {
        var receipt = await _app.FileAsync();
        foreach (var move in Refused(receipt))
            await _app.DeliverAsync(move);
        return receipt;
    }

    private async Task<FiledReceipt> InSituationAsync(string situation)
    {
        switch (situation)
        {
            case "received request":
                return await _app.FileAsync();
            case "received complaint":
                return await _app.FileAsync(Forms.Complaint());
            case "answered complaint":
                var complaint = await _app.FileAsync(Forms.Complaint());
                await _app.DeliverAsync(Moved(complaint, 3, "answer", "accepted", "answered", "complaint", "complaint") with { Outcome = "founded" });
                return complaint;
            case "granted request":
                var granted = await _app.FileAsync();
                await _app.DeliverAsync(Moved(granted, 3, "answer", "accepted", "answered") with { Outcome = "granted" });
                return granted;
            case "refused request":
                return await RefusedAsync();
            default:
                var late = await RefusedAsync();
                // Thursday 24 December 2026, the day after the recourse's last day
                _app.Clock.Set(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero));
                return late;
        }
    }

    private static string ValidBody(string path) => path switch
    {
        "rating" => "{\"rating\": 3}",
        "withdrawal" => "{}",
        _ => "{\"text\": \"Précisions.\"}",
    };

    private async Task<List<CitizenActed>> ActedAsync() =>
        [.. (await _app.QueryAsync($"SELECT body FROM outbox_messages WHERE message_type = '{typeof(CitizenActed).FullName}'"))
            .Select(row => JsonSerializer.Deserialize<CitizenActed>((string)row["body"]!, OutboxMessage.Json)!)];
}
