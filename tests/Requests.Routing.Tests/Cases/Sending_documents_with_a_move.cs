using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.Routing.Cases;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Tests.Cases;

// The files are uploaded to intake first; the move names them, and routing records and forwards their references only.
public sealed class Sending_documents_with_a_move : IAsyncLifetime, IDisposable
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private readonly RoutingApp _app = new();
    private readonly RequestSubmitted _submitted = Submissions.Request("MEF");
    private HttpClient _officer = null!;

    private Guid Id => _submitted.CaseId;

    public async Task InitializeAsync()
    {
        await _app.ConsumeAsync(_submitted);
        _officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");
        await _officer.MovedAsync(Id, "accept");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_answer_records_its_documents_and_publishes_their_references_beside_the_move()
    {
        Guid budget = Guid.NewGuid(), report = Guid.NewGuid();

        var view = await _officer.MovedAsync(Id, "answer", new
        {
            outcome = "granted", text = "Les documents sont joints.",
            documents = new object[] { budget.ToString(), new { id = report, name = "rapport.pdf", size = 7000, sha256 = Hash, contentType = "application/pdf" } },
        });

        var delivered = Assert.Single(await _app.MessagesAsync<CaseDocumentsDelivered>());
        var moved = (await _app.MovesAsync(Id))[^1];
        Assert.Equal((Id, moved.Sequence, "answer"), (delivered.CaseId, delivered.Sequence, delivered.Step));
        Assert.Equal([new DocumentReference(budget), new DocumentReference(report, "rapport.pdf", 7000, Hash)], delivered.Documents);
        // the move itself, which reporting follows, carries no document
        Assert.DoesNotContain(report.ToString(), Assert.Single(await _app.QueryAsync(
            $"SELECT body FROM outbox_messages WHERE message_type = '{typeof(CaseMoved).FullName}' AND body LIKE '%\"answer\"%'"))["body"] as string,
            StringComparison.Ordinal);
        var audit = view.GetProperty("audit").EnumerateArray().Last();
        Assert.Equal("answer", audit.GetProperty("action").GetString());
        Assert.Equal(["", "rapport.pdf"], audit.GetProperty("documents").EnumerateArray()
            .Select(d => d.GetProperty("name").ValueKind == JsonValueKind.Null ? "" : d.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_answer_with_documents_to_an_e_mail_address_leaves_its_message_to_intake_which_holds_the_files()
    {
        await _officer.MovedAsync(Id, "answer", new { outcome = "granted", text = "Voici.", documents = new[] { Guid.NewGuid() } });

        var delivered = Assert.Single(await _app.MessagesAsync<CaseDocumentsDelivered>());
        Assert.Equal((delivered.Sequence, "answer", "granted"), (delivered.Notice?.Sequence, delivered.Notice?.Trigger, delivered.Notice?.Outcome));
        Assert.Empty(await _app.QueryAsync($"SELECT id FROM notifications WHERE case_id = '{Id}' AND template = 'answered'"));
    }

    [Fact]
    public async Task A_letter_for_a_requester_without_e_mail_lists_the_documents_of_the_answer()
    {
        var submitted = Submissions.Request("MEF") with { Requester = _submitted.Requester with { Email = null, Address = "12 rue Allal Ben Abdellah, Rabat" } };
        await _app.ConsumeAsync(submitted);
        await _officer.MovedAsync(submitted.CaseId, "accept");

        await _officer.MovedAsync(submitted.CaseId, "answer", new
        {
            outcome = "granted", text = "Voici.",
            documents = new object[] { new { id = Guid.NewGuid(), name = "rapport 2025.pdf", size = 7000 }, new { id = Guid.NewGuid(), name = "annexe.pdf", size = 3_000_000 } },
        });

        Assert.Null(Assert.Single(await _app.MessagesAsync<CaseDocumentsDelivered>()).Notice);
        var letter = Assert.Single(await _app.QueryAsync($"SELECT status, text FROM notifications WHERE case_id = '{submitted.CaseId}' AND template = 'answered'"));
        Assert.Equal("postal", letter["status"]);
        Assert.Contains("rapport 2025.pdf | 6 Ko", (string)letter["text"]!, StringComparison.Ordinal);
        Assert.Contains("annexe.pdf | 2,9 Mo", (string)letter["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_s_photo_is_in_its_case_for_the_body_s_officer_and_not_another_body_s()
    {
        var photo = new DocumentReference(Guid.NewGuid(), "fuite.png", 2048, Hash);
        var complaint = CaseTesting.Complaint("MEF") with { Documents = [photo] };

        await _app.ConsumeAsync(complaint);

        var view = await _officer.GetFromJsonAsync<JsonElement>($"/api/cases/{complaint.CaseId}");
        Assert.Equal([photo], view.GetProperty("documents").Deserialize<DocumentReference[]>(JsonSerializerOptions.Web)!);
        var filed = view.GetProperty("audit").EnumerateArray().First();
        Assert.Equal(("file", "citizen", photo.Id), (filed.GetProperty("action").GetString(), filed.GetProperty("actor").GetString(),
            filed.GetProperty("documents")[0].GetProperty("id").GetGuid()));
        var other = await _app.SignInAsync(StaffRoles.Officer, "CNSS-O1");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{complaint.CaseId}")).StatusCode);
    }

    [Fact]
    public async Task The_requester_s_files_with_an_action_are_on_its_audit_entry_and_go_back_to_no_one()
    {
        var annex = new DocumentReference(Guid.NewGuid(), "annexe.pdf", 3000, Hash);
        await _officer.MovedAsync(Id, "ask-clarification", new { question = "Quelle année ?" });

        await _app.ActAsync(CaseTesting.Acted(_submitted, "clarify", CaseTesting.Monday, "L'année 2025.") with { Documents = [annex] });

        var view = await _officer.GetFromJsonAsync<JsonElement>($"/api/cases/{Id}");
        var received = view.GetProperty("audit").EnumerateArray().Last();
        Assert.Equal(("receive-clarification", "citizen"), (received.GetProperty("action").GetString(), received.GetProperty("actor").GetString()));
        Assert.Equal(annex.Id, received.GetProperty("documents")[0].GetProperty("id").GetGuid());
        Assert.Equal(annex.Id, Assert.Single(view.GetProperty("documents").EnumerateArray()).GetProperty("id").GetGuid());
        // intake delivered them when the requester sent them: nothing to deliver again
        Assert.Empty(await _app.MessagesAsync<CaseDocumentsDelivered>());
    }

    [Fact]
    public async Task A_move_without_documents_publishes_none()
    {
        await _officer.MovedAsync(Id, "ask-clarification", new { question = "Quelle année ?" });

        Assert.Empty(await _app.MessagesAsync<CaseDocumentsDelivered>());
    }

    [Theory]
    [InlineData("[\"not-an-id\"]", "documents[0]")]
    [InlineData("[{\"name\": \"a.pdf\"}]", "documents[0]")]
    [InlineData("[{\"id\": \"6f1c1f7e-4a4e-4c53-9f63-1d1f8e2f9a10\", \"sha256\": \"abc\"}]", "documents[0]")]
    [InlineData("[{\"id\": \"6f1c1f7e-4a4e-4c53-9f63-1d1f8e2f9a10\", \"size\": -1}]", "documents[0]")]
    [InlineData("[\"6f1c1f7e-4a4e-4c53-9f63-1d1f8e2f9a10\", \"6f1c1f7e-4a4e-4c53-9f63-1d1f8e2f9a10\"]", "documents[1]")]
    public async Task A_malformed_document_is_a_422_naming_it_and_changes_nothing(string documents, string field)
    {
        var before = await _app.SnapshotAsync(Id);

        var response = await _officer.PostAsync($"/api/cases/{Id}/answer", new StringContent(
            $"{{\"outcome\": \"granted\", \"text\": \"Voici.\", \"documents\": {documents}}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([field], (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(before, await _app.SnapshotAsync(Id));
    }

    [Fact]
    public async Task A_move_that_sends_no_documents_refuses_them()
    {
        var response = await _officer.MoveAsync(Id, "extend", new { reasons = "Archives.", documents = new[] { Guid.NewGuid() } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(await _app.MessagesAsync<CaseDocumentsDelivered>());
    }

    [Fact]
    public async Task A_staff_download_at_intake_goes_on_the_case_s_audit_trail()
    {
        var document = Guid.NewGuid();
        var downloaded = new DocumentDownloaded(Id, _submitted.TrackingNumber, document, "budget.pdf", "head-mef", RoutingApp.DefaultNow);
        var context = Substitute.For<ConsumeContext<DocumentDownloaded>>();
        context.Message.Returns(downloaded);
        context.MessageId.Returns(Guid.NewGuid());
        context.CancellationToken.Returns(CancellationToken.None);

        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Inbox>()
                .ConsumeAsync(scope.ServiceProvider.GetRequiredService<RecordDocumentDownloadConsumer>(), context);

        var entry = (await _officer.GetFromJsonAsync<JsonElement>($"/api/cases/{Id}")).GetProperty("audit").EnumerateArray().Last();
        Assert.Equal(("document-downloaded", "head-mef", "budget.pdf"),
            (entry.GetProperty("action").GetString(), entry.GetProperty("actor").GetString(), entry.GetProperty("note").GetString()));
        Assert.Equal(document, entry.GetProperty("documents")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_e_mail_intake_wrote_is_listed_with_the_case_s_messages_and_its_status_only_moves_forward()
    {
        var key = $"{Id}:3:answered:amina@example.ma";
        var recorded = RoutingApp.DefaultNow;
        RequesterMessageUpdated Update(string status, DateTimeOffset at) => new(Id, _submitted.TrackingNumber, key, "answered", "fr",
            "amina@example.ma", "Votre demande : la réponse", status, status == "sent" ? 1 : 0, recorded, at, null);
        var sent = Update("sent", recorded.AddMinutes(1));

        await ConsumeAsync(Update("pending", recorded));
        await ConsumeAsync(sent, Guid.Parse("6f1c1f7e-4a4e-4c53-9f63-1d1f8e2f9a10"));
        await ConsumeAsync(sent, Guid.Parse("6f1c1f7e-4a4e-4c53-9f63-1d1f8e2f9a10")); // redelivered: handled once
        await ConsumeAsync(Update("pending", recorded)); // a late copy of the first never hides the second

        var view = await _officer.GetFromJsonAsync<JsonElement>($"/api/cases/{Id}");
        var listed = Assert.Single(view.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("template").GetString() == "answered");
        Assert.Equal(("sent", "amina@example.ma", "Votre demande : la réponse", 1, recorded.AddMinutes(1)),
            (listed.GetProperty("status").GetString(), listed.GetProperty("recipient").GetString(), listed.GetProperty("subject").GetString(),
                listed.GetProperty("attempts").GetInt32(), listed.GetProperty("sentAt").GetDateTimeOffset()));
        Assert.Equal(1, await _app.CountAsync("intake_messages"));
    }

    private async Task ConsumeAsync(RequesterMessageUpdated message, Guid? messageId = null)
    {
        var context = Substitute.For<ConsumeContext<RequesterMessageUpdated>>();
        context.Message.Returns(message);
        context.MessageId.Returns(messageId ?? Guid.NewGuid());
        context.CancellationToken.Returns(CancellationToken.None);
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Inbox>()
            .ConsumeAsync(scope.ServiceProvider.GetRequiredService<Requests.Routing.Notices.ListIntakeMessageConsumer>(), context);
    }
}
