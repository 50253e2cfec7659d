using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.Contracts.Routing;
using Requests.ServiceDefaults.Auth;

namespace Requests.Intake.Tests.Documents;

// Routing's move sends the drafts by reference: intake delivers them for good, and the citizen downloads them with the code.
public sealed class Delivering_documents : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient Officer => _app.StaffClient(StaffRoles.Officer, "MEF");

    private static CaseDocumentsDelivered Answered(FiledReceipt receipt, int sequence, params Guid[] ids) =>
        new(receipt.CaseId, receipt.TrackingNumber, sequence, "answer", "officer-mef", receipt.ReceivedAt.AddHours(1),
            [.. ids.Select(id => new DocumentReference(id))]);

    private static Guid Id(JsonElement document) => Guid.Parse(document.GetProperty("id").GetString()!);

    [Fact]
    public async Task Delivers_the_drafts_the_move_names_and_serves_them_to_the_citizen_as_uploaded()
    {
        var receipt = await _app.FileAsync();
        byte[] budget = Files.Pdf(1), report = Files.Pdf(2, 7000);
        var drafts = await Officer.UploadAsync(receipt.TrackingNumber, ("budget 2025.pdf", budget), ("rapport é.pdf", report));

        await _app.DeliverAsync(Answered(receipt, 3, Id(drafts[0]), Id(drafts[1])));

        Assert.Equal(2, await _app.CountAsync("documents", "state = 'delivered' AND step = 'answer' AND sequence = 3"));
        foreach (var (draft, bytes) in drafts.Zip([budget, report]))
        {
            using var response = await _app.DownloadAsync(receipt.TrackingNumber, Id(draft).ToString(), receipt.AccessCode);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var content = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes, content);
            Assert.Equal(draft.GetProperty("sha256").GetString(), Files.Sha256(content));
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal(draft.GetProperty("name").GetString(), disposition.FileNameStar);
        }
    }

    [Fact]
    public async Task Answers_404_to_a_wrong_access_code_as_to_an_unknown_document()
    {
        var receipt = await _app.FileAsync();
        var other = await _app.FileAsync();
        var draft = Assert.Single(await Officer.UploadAsync(receipt.TrackingNumber, ("budget.pdf", Files.Pdf())));
        await _app.DeliverAsync(Answered(receipt, 3, Id(draft)));

        await (await _app.DownloadAsync(receipt.TrackingNumber, Id(draft).ToString(), other.AccessCode)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await _app.DownloadAsync(receipt.TrackingNumber, Id(draft).ToString(), null)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await _app.DownloadAsync(other.TrackingNumber, Id(draft).ToString(), other.AccessCode)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await _app.DownloadAsync(receipt.TrackingNumber, Guid.NewGuid().ToString(), receipt.AccessCode)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Ignores_an_id_that_is_not_a_draft_of_that_case()
    {
        var receipt = await _app.FileAsync();
        var other = await _app.FileAsync();
        var theirs = Assert.Single(await Officer.UploadAsync(other.TrackingNumber, ("other.pdf", Files.Pdf(3))));
        var ours = Assert.Single(await Officer.UploadAsync(receipt.TrackingNumber, ("budget.pdf", Files.Pdf())));

        await _app.DeliverAsync(Answered(receipt, 3, Id(ours), Id(theirs), Guid.NewGuid()));

        Assert.Equal(1, await _app.CountAsync("documents", $"state = 'delivered' AND case_id = '{receipt.CaseId}'"));
        Assert.Equal(1, await _app.CountAsync("documents", $"state = 'draft' AND case_id = '{other.CaseId}'"));
    }

    [Fact]
    public async Task Never_withdraws_or_moves_a_delivered_document_again()
    {
        var receipt = await _app.FileAsync();
        var draft = Assert.Single(await Officer.UploadAsync(receipt.TrackingNumber, ("budget.pdf", Files.Pdf())));
        await _app.DeliverAsync(Answered(receipt, 3, Id(draft)));

        await (await Officer.DeleteAsync($"/api/cases/{receipt.TrackingNumber}/documents/{Id(draft)}")).ReadProblemAsync(HttpStatusCode.Conflict);
        await _app.DeliverAsync(Answered(receipt, 5, Id(draft)) with { Step = "recourse-answer" });

        Assert.Equal(1, await _app.CountAsync("documents", "state = 'delivered' AND step = 'answer' AND sequence = 3"));
        Assert.Single(_app.Stored());
    }

    [Fact]
    public async Task Writes_the_answer_s_e_mail_once_with_its_documents_and_shows_them_on_the_answer_s_step()
    {
        var receipt = await _app.FileAsync();
        var drafts = await Officer.UploadAsync(receipt.TrackingNumber, ("budget.pdf", Files.Pdf(1)), ("annexe.pdf", Files.Pdf(2)));
        foreach (var move in RoutingEvents.Accepted(receipt))
            await _app.DeliverAsync(move);
        var answer = RoutingEvents.Moved(receipt, 3, "answer", "accepted", "answered") with { Outcome = "granted", Text = "Voici le budget." };
        await _app.DeliverAsync(answer);
        var delivered = Answered(receipt, 3, Id(drafts[0]), Id(drafts[1])) with { Notice = answer };

        await _app.DeliverAsync(delivered);
        await _app.DeliverAsync(delivered); // routing sends it again under another id

        var mail = Assert.Single(await _app.QueryAsync($"SELECT template, text, priority FROM notifications WHERE case_id = '{receipt.CaseId}' AND template <> 'receipt'"));
        Assert.Equal("answered", mail["template"]);
        Assert.Equal(0L, mail["priority"]);
        Assert.Contains("Voici le budget.", (string)mail["text"]!, StringComparison.Ordinal);
        Assert.Contains("budget.pdf", (string)mail["text"]!, StringComparison.Ordinal);
        Assert.Contains("joints à ce message", (string)mail["text"]!, StringComparison.Ordinal);
        // routing is told of it, once, to list it with the case's messages
        var told = Assert.Single(await _app.QueryAsync(
            $"SELECT body FROM outbox_messages WHERE message_type = '{typeof(Requests.Contracts.Intake.RequesterMessageUpdated).FullName}'"));
        var updated = JsonSerializer.Deserialize<Requests.Contracts.Intake.RequesterMessageUpdated>((string)told["body"]!, JsonSerializerOptions.Web)!;
        Assert.Equal((receipt.CaseId, "answered", "pending", $"{receipt.CaseId}:3:answered:amina@example.ma"),
            (updated.CaseId, updated.Template, updated.Status, updated.NoticeKey));
        var view = await _app.ViewAsync(receipt);
        var answered = view.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "answered");
        Assert.Equal("answered", answered.GetProperty("notice").GetString());
        Assert.Equal(["annexe.pdf", "budget.pdf"], answered.GetProperty("documents").EnumerateArray()
            .Select(d => d.GetProperty("name").GetString()).Order());
        Assert.Equal(2, view.GetProperty("documents").GetArrayLength());
        Assert.All(view.GetProperty("documents").EnumerateArray(), d => Assert.Equal("body", d.GetProperty("addedBy").GetString()));
    }

    [Fact]
    public async Task Writes_nothing_when_routing_writes_the_move_s_message_itself()
    {
        var receipt = await _app.FileAsync();
        var draft = Assert.Single(await Officer.UploadAsync(receipt.TrackingNumber, ("budget.pdf", Files.Pdf())));

        await _app.DeliverAsync(Answered(receipt, 3, Id(draft)));

        Assert.Equal(0, await _app.CountAsync("notifications", $"case_id = '{receipt.CaseId}' AND template <> 'receipt'"));
        Assert.Equal(1, await _app.CountAsync("documents", "state = 'delivered'"));
    }

    [Fact]
    public async Task Lets_staff_of_the_body_download_on_the_audit_trail_and_the_ministry_only_list()
    {
        var receipt = await _app.FileAsync();
        var draft = Assert.Single(await Officer.UploadAsync(receipt.TrackingNumber, ("budget.pdf", Files.Pdf())));
        var path = $"/api/cases/{receipt.TrackingNumber}/documents";

        var head = _app.StaffClient(StaffRoles.Head, "MEF");
        Assert.Equal(Files.Pdf(), await head.GetByteArrayAsync($"{path}/{Id(draft)}"));
        Assert.Equal(1, await _app.CountAsync("outbox_messages", "message_type LIKE '%DocumentDownloaded'"));

        var ministry = _app.StaffClient(StaffRoles.Ministry);
        var listed = await ministry.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("budget.pdf", listed.GetProperty("documents")[0].GetProperty("name").GetString());
        await (await ministry.GetAsync($"{path}/{Id(draft)}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await _app.StaffClient(StaffRoles.Officer, "CNSS").GetAsync($"{path}/{Id(draft)}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await _app.CountAsync("outbox_messages", "message_type LIKE '%DocumentDownloaded'"));
    }
}
