using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Requests.EndToEnd.Tests.Infrastructure;
using Requests.Testing;
using static Requests.EndToEnd.Tests.Infrastructure.Steps;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Intake and routing as real processes on RabbitMQ, the e-mails in maildev: an officer uploads two PDFs to intake and
/// answers with them at routing; the citizen downloads them with the access code and receives them with the answer's
/// e-mail (small) or a link in it (large). A complaint's photo is for its body's officer, not another body's.
/// </summary>
public sealed class Answering_with_documents : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-documents-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Theory]
    [InlineData(10_485_760, true)] // 10 MiB: the two files are joined to the e-mail
    [InlineData(5_000, false)] // over the setting: the e-mail links to the page
    public async Task An_answer_with_two_PDFs_reaches_the_citizen_by_download_and_by_e_mail(long attachUpTo, bool attached)
    {
        using var maildev = new Maildev();
        var citizenEmail = Maildev.NewRecipient("citizen-documents");
        var (routing, intake) = await StartAsync(("Documents__AttachUpToBytes", attachUpTo.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using var _ = routing;
        await using var __ = intake;
        using var citizen = new HttpClient { BaseAddress = intake.Address };
        using var officer = await OfficerAsync(routing, "officer-mef", "MEF-O1");

        var receipt = await FileAsync(citizen, "/api/requests", JsonContent.Create(Request(citizenEmail)));
        var (caseId, number, code) = (receipt.GetProperty("caseId").GetGuid(), receipt.GetProperty("trackingNumber").GetString()!,
            receipt.GetProperty("accessCode").GetString()!);
        await EventuallyAsync(() => officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"), c => c.ValueKind == JsonValueKind.Object,
            routing, allowNotFound: true);
        await ActAsync(officer, caseId, "accept", new { });
        byte[] budget = Pdf(1, 3000), report = Pdf(2, 4000);
        using var atIntake = StaffAtIntake(intake, officer);
        var drafts = await UploadAsync(atIntake, number, ("budget 2025.pdf", budget), ("rapport.pdf", report));
        await ActAsync(officer, caseId, "answer", new
        {
            outcome = "granted", text = "Les documents demandés sont joints.", documents = drafts.Select(d => d.GetProperty("id").GetString()),
        });

        var view = await EventuallyAsync(() => CitizenAsync(citizen, $"/api/cases/{number}", code),
            v => v.GetProperty("documents").GetArrayLength() == 2, intake);
        Assert.Equal(["budget 2025.pdf", "rapport.pdf"], view.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()).Order());
        foreach (var (draft, bytes) in drafts.Zip([budget, report]))
        {
            var path = $"/api/cases/{number}/documents/{draft.GetProperty("id").GetString()}";
            using var download = await SendAsync(citizen, path, code);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var content = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes, content);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), draft.GetProperty("sha256").GetString());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            using var wrong = await SendAsync(citizen, path, "AAAAA-AAAAA");
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        // one message tells the answer and carries its documents: the receipt, then the answer, and no other
        var mails = await maildev.WaitForAsync(citizenEmail, 2);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(["receipt", "answered"], (await maildev.MessagesToAsync(citizenEmail)).Select(m => m.Template));
        var mail = mails.Single(m => m.Template == "answered");
        Assert.Contains("Les documents demandés sont joints.", mail.Text, StringComparison.Ordinal);
        if (attached)
        {
            Assert.Equal(["budget 2025.pdf", "rapport.pdf"], (mail.Attachments ?? []).Select(a => a.FileName).Order());
            Assert.Equal(budget, await maildev.AttachmentAsync(mail, mail.Attachments!.Single(a => a.FileName == "budget 2025.pdf")));
        }
        else
        {
            Assert.Empty(mail.Attachments ?? []);
            Assert.Contains($"/cases/{number}", mail.Text, StringComparison.Ordinal);
            Assert.Contains("rapport.pdf", mail.Text, StringComparison.Ordinal);
        }
        // intake wrote that e-mail: routing lists it among the case's messages, sent, as it lists its own
        var routed = await EventuallyAsync(() => officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"),
            c => c.GetProperty("notifications").EnumerateArray().Any(n => n.GetProperty("template").GetString() == "answered"
                && n.GetProperty("status").GetString() == "sent"), routing);
        var listed = Assert.Single(routed.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("template").GetString() == "answered");
        Assert.Equal((citizenEmail, mail.Subject), (listed.GetProperty("recipient").GetString(), listed.GetProperty("subject").GetString()));
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("sentAt").ValueKind);
        // the officer's downloads are on the case's audit trail at routing
        await SendAsync(atIntake, $"/api/cases/{number}/documents/{drafts[0].GetProperty("id").GetString()}", null);
        await EventuallyAsync(() => officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"),
            c => c.GetProperty("audit").EnumerateArray().Any(a => a.GetProperty("action").GetString() == "document-downloaded"), routing);
    }

    [Fact]
    public async Task A_complaint_s_photo_is_shown_to_its_body_s_officer_and_not_to_another_body_s()
    {
        var (routing, intake) = await StartAsync();
        await using var _ = routing;
        await using var __ = intake;
        using var citizen = new HttpClient { BaseAddress = intake.Address };
        using var mef = await OfficerAsync(routing, "officer-mef", "MEF-O1");
        using var cnss = await OfficerAsync(routing, "officer-cnss", "CNSS-O1");
        var photo = Png();
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(Complaint()), Encoding.UTF8, "application/json"), "form" },
            { new ByteArrayContent(photo) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "fuite.png" },
        };

        var receipt = await FileAsync(citizen, "/api/complaints", multipart);

        var number = receipt.GetProperty("trackingNumber").GetString()!;
        using var atMef = StaffAtIntake(intake, mef);
        var listed = Assert.Single((await atMef.GetFromJsonAsync<JsonElement>($"/api/cases/{number}/documents")).GetProperty("documents").EnumerateArray());
        var path = $"/api/cases/{number}/documents/{listed.GetProperty("id").GetString()}";
        Assert.Equal(photo, await atMef.GetByteArrayAsync(path));
        using var atCnss = StaffAtIntake(intake, cnss);
        Assert.Equal(HttpStatusCode.NotFound, (await atCnss.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await atCnss.GetAsync($"/api/cases/{number}/documents")).StatusCode);
        // routing's case lists it by its reference for the body's officer, and is not another body's to see
        var caseId = receipt.GetProperty("caseId").GetGuid();
        var routed = await EventuallyAsync(() => mef.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"), c => c.ValueKind == JsonValueKind.Object,
            routing, allowNotFound: true);
        var reference = Assert.Single(routed.GetProperty("documents").EnumerateArray());
        Assert.Equal((listed.GetProperty("id").GetString(), "fuite.png", photo.Length, Convert.ToHexStringLower(SHA256.HashData(photo))),
            (reference.GetProperty("id").GetString(), reference.GetProperty("name").GetString(), reference.GetProperty("size").GetInt32(),
                reference.GetProperty("sha256").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await cnss.GetAsync($"/api/cases/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task A_scanned_clarification_answer_tells_the_citizen_it_arrived_the_new_due_date_and_the_files()
    {
        using var maildev = new Maildev();
        var citizenEmail = Maildev.NewRecipient("citizen-clarified");
        var (routing, intake) = await StartAsync();
        await using var _ = routing;
        await using var __ = intake;
        using var citizen = new HttpClient { BaseAddress = intake.Address };
        using var officer = await OfficerAsync(routing, "officer-mef", "MEF-O1");
        var receipt = await FileAsync(citizen, "/api/requests", JsonContent.Create(Request(citizenEmail)));
        var (caseId, number) = (receipt.GetProperty("caseId").GetGuid(), receipt.GetProperty("trackingNumber").GetString()!);
        await EventuallyAsync(() => officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"), c => c.ValueKind == JsonValueKind.Object,
            routing, allowNotFound: true);
        await ActAsync(officer, caseId, "accept", new { });
        await ActAsync(officer, caseId, "ask-clarification", new { question = "Quelle année ?" });
        using var atIntake = StaffAtIntake(intake, officer);
        var scan = Assert.Single(await UploadAsync(atIntake, number, ("réponse scannée.pdf", Pdf(3, 2000))));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca")).DateTime);

        // the day the paper answer came: never in the future, never before the question; the field is named
        foreach (var wrong in new[] { today.AddDays(1), today.AddDays(-1) })
        {
            var refused = await officer.PostAsJsonAsync($"/api/cases/{caseId}/receive-clarification",
                new { answer = "L'année 2025.", receivedOn = wrong, documents = new[] { scan.GetProperty("id").GetString() } });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(["receivedOn"], (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
        await ActAsync(officer, caseId, "receive-clarification",
            new { answer = "L'année 2025.", receivedOn = today, documents = new[] { scan.GetProperty("id").GetString() } });

        var mail = (await maildev.WaitForAsync(citizenEmail, 3)).Single(m => m.Template == "clarification-received");
        var routed = await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var dueOn = DateOnly.Parse(routed.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(Requests.Notifications.Templates.Dates.Format(dueOn, Requests.Notifications.Templates.Language.French), mail.Text,
            StringComparison.Ordinal);
        Assert.Contains("reprend", mail.Text, StringComparison.Ordinal);
        Assert.Contains("réponse scannée.pdf", mail.Text, StringComparison.Ordinal);
        Assert.Contains(number, mail.Subject, StringComparison.Ordinal);
        // one message for the move, listed at routing with the case's own
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(["clarification-asked", "clarification-received", "receipt"], (await maildev.MessagesToAsync(citizenEmail)).Select(m => m.Template).Order());
        await EventuallyAsync(() => officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"),
            c => c.GetProperty("notifications").EnumerateArray().Any(n => n.GetProperty("template").GetString() == "clarification-received"
                && n.GetProperty("status").GetString() == "sent"), routing);
    }

    [Fact]
    public async Task A_redirected_complaint_takes_its_photo_to_the_competent_body_s_officer()
    {
        var (routing, intake) = await StartAsync();
        await using var _ = routing;
        await using var __ = intake;
        using var citizen = new HttpClient { BaseAddress = intake.Address };
        using var mef = await OfficerAsync(routing, "officer-mef", "MEF-O1");
        using var cnss = await OfficerAsync(routing, "officer-cnss", "CNSS-O1");
        var photo = Png();
        var receipt = await FileAsync(citizen, "/api/complaints", new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(Complaint()), Encoding.UTF8, "application/json"), "form" },
            { new ByteArrayContent(photo) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "fuite.png" },
        });
        var (caseId, number, code) = (receipt.GetProperty("caseId").GetGuid(), receipt.GetProperty("trackingNumber").GetString()!,
            receipt.GetProperty("accessCode").GetString()!);
        await EventuallyAsync(() => mef.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"), c => c.ValueKind == JsonValueKind.Object,
            routing, allowNotFound: true);
        using var atMef = StaffAtIntake(intake, mef);
        var id = Assert.Single((await atMef.GetFromJsonAsync<JsonElement>($"/api/cases/{number}/documents")).GetProperty("documents").EnumerateArray())
            .GetProperty("id").GetString();

        await ActAsync(mef, caseId, "redirect", new { bodyCode = "CNSS", reasons = "La caisse gère ce réseau." });

        var redirected = await EventuallyAsync(() => CitizenAsync(citizen, $"/api/cases/{number}", code),
            v => v.GetProperty("redirectedTo").ValueKind == JsonValueKind.String, intake);
        var newNumber = redirected.GetProperty("redirectedTo").GetString()!;
        using var atCnss = StaffAtIntake(intake, cnss);
        var listed = Assert.Single((await atCnss.GetFromJsonAsync<JsonElement>($"/api/cases/{newNumber}/documents")).GetProperty("documents").EnumerateArray());
        Assert.Equal((id, "fuite.png"), (listed.GetProperty("id").GetString(), listed.GetProperty("name").GetString()));
        Assert.Equal(photo, await atCnss.GetByteArrayAsync($"/api/cases/{newNumber}/documents/{id}"));
        // the body that redirected it no longer lists or serves it
        Assert.Empty((await atMef.GetFromJsonAsync<JsonElement>($"/api/cases/{number}/documents")).GetProperty("documents").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await atMef.GetAsync($"/api/cases/{number}/documents/{id}")).StatusCode);
        // routing's new case carries the reference, for the competent body's officer
        var queued = await EventuallyAsync(() => cnss.GetFromJsonAsync<JsonElement>("/api/queue"),
            q => q.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("trackingNumber").GetString() == newNumber), routing);
        var newCaseId = queued.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("trackingNumber").GetString() == newNumber)
            .GetProperty("caseId").GetGuid();
        var opened = await cnss.GetFromJsonAsync<JsonElement>($"/api/cases/{newCaseId}");
        Assert.Equal(id, Assert.Single(opened.GetProperty("documents").EnumerateArray()).GetProperty("id").GetString());
    }

    private async Task<(ServiceProcess Routing, ServiceProcess Intake)> StartAsync(params (string Key, string Value)[] intakeSettings)
    {
        var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);
        var settings = new Dictionary<string, string> { ["Notifications__PollInterval"] = "00:00:00.200" };
        foreach (var (key, value) in intakeSettings)
            settings[key] = value;
        var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker, routing: routing, settings: settings);
        return (routing, intake);
    }

    private static async Task<HttpClient> OfficerAsync(ServiceProcess routing, string userName, string officerId)
    {
        using var admin = await SignInAsync(routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName, email = $"{userName}@test.example.ma", password = "a long officer passphrase", role = "officer", officerIds = new[] { officerId },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return await SignInAsync(routing, userName, "a long officer passphrase");
    }

    /// <summary>The same staff token, sent to intake.</summary>
    private static HttpClient StaffAtIntake(ServiceProcess intake, HttpClient signedIn) =>
        new() { BaseAddress = intake.Address, DefaultRequestHeaders = { Authorization = signedIn.DefaultRequestHeaders.Authorization } };

    private static async Task<JsonElement> FileAsync(HttpClient citizen, string path, HttpContent form)
    {
        var response = await citizen.PostAsync(path, form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement[]> UploadAsync(HttpClient staff, string number, params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
            content.Add(new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", name);
        var response = await staff.PostAsync($"/api/cases/{number}/documents", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documents").EnumerateArray()];
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? accessCode)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accessCode is not null)
            request.Headers.Add("X-Access-Code", accessCode);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> CitizenAsync(HttpClient citizen, string path, string accessCode)
    {
        using var response = await SendAsync(citizen, path, accessCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static byte[] Pdf(int seed, int size)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 7, 7, 7];

    private static object Request(string email) => new
    {
        bodyCode = "MEF", subject = "Rapports d'exécution du budget", description = "Les rapports trimestriels de 2025.",
        delivery = "email", urgent = false, language = "fr", consent = true,
        requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", email },
    };

    private static object Complaint() => new
    {
        kind = "complaint", bodyCode = "MEF", subject = "Fuite d'eau", description = "Une canalisation fuit devant l'école.",
        theme = "water", language = "fr", consent = true,
        requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", email = Maildev.NewRecipient("complainant") },
    };

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the processes may still hold their files for a moment
        }
    }
}
