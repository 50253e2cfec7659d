using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.ServiceDefaults.Auth;

namespace Requests.Intake.Tests.Documents;

// A complaint carries its evidence, a clarification or a recourse its annexes, a registered letter its scan: in one step.
public sealed class Filing_with_documents : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Files_a_complaint_with_its_photo_which_the_body_s_officer_sees_and_another_body_s_does_not()
    {
        var photo = Files.Png();

        var receipt = await (await _app.CreateClient().PostAsync("/api/complaints",
            Files.Multipart(Forms.Complaint(), ("lampadaire.png", photo)))).ReadReceiptAsync();

        Assert.Equal(1, await _app.CountAsync("documents", $"case_id = '{receipt.CaseId}' AND step = 'filing' AND state = 'delivered' AND added_by = 'citizen'"));
        var received = (await _app.ViewAsync(receipt)).GetProperty("timeline")[0];
        var listed = Assert.Single(received.GetProperty("documents").EnumerateArray());
        var path = $"/api/cases/{receipt.TrackingNumber}/documents/{listed.GetProperty("id").GetString()}";
        Assert.Equal(photo, await _app.StaffClient(StaffRoles.Officer, "COM-RABAT").GetByteArrayAsync(path));
        await (await _app.StaffClient(StaffRoles.Officer, "MEF").GetAsync(path)).ReadProblemAsync(HttpStatusCode.NotFound);
        // routing learns of the photo by its reference, never its bytes
        var (_, submitted) = Assert.Single(await _app.SubmittedAsync());
        Assert.Equal([new DocumentReference(Guid.Parse(listed.GetProperty("id").GetString()!), "lampadaire.png", photo.Length, Files.Sha256(photo))],
            submitted.Documents);
    }

    private async Task<T> MessageAsync<T>() => JsonSerializer.Deserialize<T>((string)Assert.Single(await _app.QueryAsync(
        $"SELECT body FROM outbox_messages WHERE message_type = '{typeof(T).FullName}'"))["body"]!, Requests.ServiceDefaults.Messaging.OutboxMessage.Json)!;

    [Fact]
    public async Task Refuses_the_whole_complaint_for_one_bad_file_and_records_nothing()
    {
        var response = await _app.CreateClient().PostAsync("/api/complaints",
            Files.Multipart(Forms.Complaint(), ("lampadaire.png", Files.Png()), ("facture.pdf", Files.Html())));

        Assert.Equal(["facture.pdf"], (await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType)).ErrorFields());
        Assert.Equal((0, 0), await _app.StoredAsync());
        Assert.Equal(0, await _app.CountAsync("documents"));
        Assert.Empty(_app.Stored());
    }

    [Fact]
    public async Task Refuses_an_invalid_form_sent_with_files_and_keeps_none_of_them()
    {
        var response = await _app.CreateClient().PostAsync("/api/complaints",
            Files.Multipart(Forms.Complaint().With("subject", null), ("lampadaire.png", Files.Png())));

        Assert.Contains("subject", (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Equal((0, 0), await _app.StoredAsync());
        Assert.Empty(_app.Stored());
    }

    [Fact]
    public async Task Takes_an_information_request_from_the_portal_as_json_only()
    {
        var response = await _app.CreateClient().PostAsync("/api/requests", Files.Multipart(Forms.Request(), ("budget.pdf", Files.Pdf())));

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal((0, 0), await _app.StoredAsync());
    }

    [Fact]
    public async Task Keeps_the_scan_of_a_letter_staff_register()
    {
        _app.Clock.Set(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var form = Forms.Request().With("channel", "post").With("receivedOn", "2026-11-02");

        var receipt = await (await _app.StaffClient(StaffRoles.Officer, "MEF").PostAsync("/api/staff/requests",
            Files.Multipart(form, ("lettre.pdf", Files.Pdf())))).ReadReceiptAsync();

        Assert.Equal(1, await _app.CountAsync("documents", $"case_id = '{receipt.CaseId}' AND step = 'scan' AND added_by = 'officer-mef'"));
    }

    [Fact]
    public async Task Sends_a_clarification_with_its_annex_and_shows_it_on_the_citizen_s_action()
    {
        var receipt = await _app.FileAsync();
        foreach (var move in RoutingEvents.Accepted(receipt))
            await _app.DeliverAsync(move);
        await _app.DeliverAsync(RoutingEvents.Moved(receipt, 3, "ask-clarification", "accepted", "awaiting-clarification"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{receipt.TrackingNumber}/clarification")
        {
            Content = Files.Multipart(new System.Text.Json.Nodes.JsonObject { ["text"] = "Les années 2024 et 2025." }, ("annexe.pdf", Files.Pdf())),
            Headers = { { "X-Access-Code", receipt.AccessCode } },
        };

        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var actionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("actionId").GetString();
        Assert.Equal(1, await _app.CountAsync("documents", $"step = 'clarification-answer' AND action_id = '{actionId}'"));
        var acted = (await _app.ViewAsync(receipt)).GetProperty("timeline").EnumerateArray()
            .Single(e => e.GetProperty("kind").GetString() == "citizen-action");
        Assert.Equal("annexe.pdf", acted.GetProperty("documents")[0].GetProperty("name").GetString());
        Assert.Equal("annexe.pdf", Assert.Single((await MessageAsync<CitizenActed>()).Documents!).Name);
    }
}
