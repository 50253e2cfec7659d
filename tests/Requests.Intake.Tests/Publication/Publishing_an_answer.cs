using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;

namespace Requests.Intake.Tests.Publication;

// An answer is published only when the citizen allowed it, the case was answered, and the officer redacted it.
public sealed class Publishing_an_answer : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Publishes_the_redacted_answer_with_its_dates_delay_and_files_then_withdraws_it()
    {
        var (receipt, document) = await _app.AnsweredAsync();

        var state = await Publishing.JsonAsync(await _app.Officer().GetAsync($"/api/cases/{receipt.TrackingNumber}/publication"), HttpStatusCode.OK);
        var published = await Publishing.JsonAsync(await _app.PublishAsync(receipt, Publishing.Publication(document)), HttpStatusCode.Created);
        var id = published.GetProperty("id").GetString();
        var item = await _app.GetJsonAsync($"/api/public/items/answer/{id}");
        var withdrawn = await _app.Officer().DeleteAsync($"/api/cases/{receipt.TrackingNumber}/publication?reason=erreur");

        Assert.True(state.GetProperty("publishableNow").GetBoolean());
        Assert.Equal(document.ToString(), state.GetProperty("documents")[0].GetProperty("id").GetString());
        Assert.Equal("Budget exécuté de la commune en 2025", item.GetProperty("subject").GetString());
        Assert.Equal("granted", item.GetProperty("outcome").GetString());
        Assert.Equal(("2026-10-23", "2026-11-05"), (item.GetProperty("filedOn").GetString(), item.GetProperty("answeredOn").GetString()));
        // Friday 23 October (day zero) to Thursday 5 November: 9 working days, 31 October (a Saturday) aside
        Assert.Equal(9, item.GetProperty("delayWorkingDays").GetInt32());
        Assert.Equal("reponse.pdf", item.GetProperty("files")[0].GetProperty("name").GetString());
        Assert.Equal("MEF", item.GetProperty("body").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync($"/api/public/items/answer/{id}")).StatusCode);
        Assert.Equal(0, (await _app.SearchAsync("q=budget")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Refuses_publishable_on_a_complaint_at_filing()
    {
        var response = await _app.PostJsonAsync("/api/complaints", Forms.Complaint().With("publishable", true));

        var problem = await Publishing.JsonAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("publishable", out _));
    }

    [Fact]
    public async Task Never_publishes_a_complaint_s_answer()
    {
        var (receipt, document) = await _app.AnsweredAsync(Forms.Complaint());

        var problem = await Publishing.JsonAsync(await _app.PublishAsync(receipt, Publishing.Publication(document), "COM-RABAT"),
            HttpStatusCode.Conflict);

        Assert.True(problem.GetProperty("errors").TryGetProperty("regime", out _));
    }

    [Fact]
    public async Task Refuses_without_the_citizen_s_leave()
    {
        var (receipt, document) = await _app.AnsweredAsync(Forms.Request());

        var problem = await Publishing.JsonAsync(await _app.PublishAsync(receipt, Publishing.Publication(document)), HttpStatusCode.Conflict);

        Assert.True(problem.GetProperty("errors").TryGetProperty("publishable", out _));
    }

    [Fact]
    public async Task Refuses_before_the_answer()
    {
        var receipt = await _app.FileAsync(Forms.Request().With("publishable", true));

        var problem = await Publishing.JsonAsync(await _app.PublishAsync(receipt, Publishing.Publication()), HttpStatusCode.Conflict);

        Assert.True(problem.GetProperty("errors").TryGetProperty("outcome", out _));
    }

    [Fact]
    public async Task Refuses_without_the_redaction_confirmed()
    {
        var (receipt, document) = await _app.AnsweredAsync();

        var problem = await Publishing.JsonAsync(await _app.PublishAsync(receipt, Publishing.Publication(document).With("redactionConfirmed", false)),
            HttpStatusCode.UnprocessableEntity);

        Assert.True(problem.GetProperty("errors").TryGetProperty("redactionConfirmed", out _));
        Assert.Equal(0, await _app.CountAsync("published_items"));
    }

    [Theory]
    // the full name, in another case
    [InlineData("subject", "Demande de AMINA EL IDRISSI", "name")]
    // the family name alone is still the requester's
    [InlineData("answer", "Madame Idrissi, voici le budget.", "name")]
    [InlineData("answer", "Dossier de la CIN ab123456.", "identity number")]
    // (its first part is also the requester's first name, which is named too)
    [InlineData("question", "Réponse à envoyer à Amina@Example.ma", "e-mail")]
    // the phone written in the national format, with other separators
    [InlineData("answer", "Joignable au 06.12.34.56.78.", "phone number")]
    [InlineData("answer", "Envoyé au 12 rue des Orangers.", "address")]
    public async Task Names_the_personal_data_a_text_still_contains(string field, string text, string what)
    {
        var (receipt, document) = await _app.AnsweredAsync();

        var problem = await Publishing.JsonAsync(await _app.PublishAsync(receipt, Publishing.Publication(document).With(field, text)),
            HttpStatusCode.UnprocessableEntity);

        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString());
        Assert.Contains($"It contains the requester's {what}.", messages);
        Assert.Equal(0, await _app.CountAsync("published_items"));
    }

    [Fact]
    public async Task Publishes_only_documents_the_body_delivered_on_that_case()
    {
        var (receipt, _) = await _app.AnsweredAsync();
        var (_, otherDocument) = await _app.AnsweredAsync();

        var problem = await Publishing.JsonAsync(await _app.PublishAsync(receipt, Publishing.Publication(otherDocument)),
            HttpStatusCode.UnprocessableEntity);

        Assert.True(problem.GetProperty("errors").TryGetProperty("documents", out _));
    }

    [Fact]
    public async Task Lets_only_the_case_s_body_publish()
    {
        var (receipt, document) = await _app.AnsweredAsync();

        var other = await _app.StaffClient(StaffRoles.Officer, "COM-RABAT")
            .PostAsJsonAsync($"/api/cases/{receipt.TrackingNumber}/publication", Publishing.Publication(document));
        var ministry = await _app.StaffClient(StaffRoles.Ministry)
            .PostAsJsonAsync($"/api/cases/{receipt.TrackingNumber}/publication", Publishing.Publication(document));
        var anonymous = await _app.CreateClient().GetAsync($"/api/cases/{receipt.TrackingNumber}/publication");

        // another body's officer is not told the case exists; the ministry, which may read it, is refused the write
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ministry.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Publishing.JsonAsync(await _app.StaffClient(StaffRoles.Ministry)
            .GetAsync($"/api/cases/{receipt.TrackingNumber}/publication"), HttpStatusCode.OK)).GetProperty("published").ValueKind);
    }
}
