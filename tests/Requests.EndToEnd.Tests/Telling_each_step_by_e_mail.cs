using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.EndToEnd.Tests.Infrastructure;
using Requests.Notifications.Templates;
using Requests.Testing;
using static Requests.EndToEnd.Tests.Infrastructure.Steps;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Intake and routing as real processes, their notices delivered to the test run's real SMTP server (maildev) and read
/// back through its REST API: a request received, extended, refused and contested, in the citizen's language, with
/// the dates the law gives, each message once; and the delivery of each on the citizen's timeline and the staff's case.
/// </summary>
public sealed class Telling_each_step_by_e_mail : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-mail-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task A_refused_and_contested_request_tells_the_citizen_the_officer_and_the_head_each_step_once(string language)
    {
        using var maildev = new Maildev();
        var lang = Languages.Parse(language);
        var (officerEmail, headEmail) = (Maildev.NewRecipient("officer"), Maildev.NewRecipient("head"));
        var citizenEmail = Maildev.NewRecipient($"citizen-{language}");
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker,
            Settings(("Routing__DirectoryFile", WriteDirectory(officerEmail, headEmail))));
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker, routing: routing,
            settings: Settings());
        using var citizen = new HttpClient { BaseAddress = intake.Address };
        using var admin = await SignInAsync(routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName = "officer", email = officerEmail, password = "a long officer passphrase", role = "officer",
            officerIds = new[] { "MEF-O1" },
        })).StatusCode);
        using var officer = await SignInAsync(routing, "officer", "a long officer passphrase");

        var filed = await citizen.PostAsJsonAsync("/api/requests", Request(citizenEmail, language));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var receipt = (await filed.Content.ReadFromJsonAsync<JsonElement>())!;
        var (caseId, number) = (receipt.GetProperty("caseId").GetGuid(), receipt.GetProperty("trackingNumber").GetString()!);
        var accessCode = receipt.GetProperty("accessCode").GetString()!;
        await EventuallyAsync(() => officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"), c => c.ValueKind == JsonValueKind.Object,
            routing, allowNotFound: true);
        await ActAsync(officer, caseId, "accept", new { });
        await ActAsync(officer, caseId, "extend", new { reasons = "Les rapports doivent être réunis auprès de douze directions régionales." });
        await ActAsync(officer, caseId, "answer", new
        {
            outcome = "refused", refusalGround = "monetary-and-economic-policy", text = "Leur publication nuirait à la politique monétaire en cours.",
        });
        await EventuallyAsync(async () => await CitizenViewAsync(citizen, number, accessCode), v => v.GetProperty("status").GetString() == "answered", intake);
        using (var recourse = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{number}/recourse")
        {
            Content = JsonContent.Create(new { text = "Ces rapports sont publiés chaque année en application de la loi." }),
        })
        {
            recourse.Headers.Add("X-Access-Code", accessCode);
            Assert.Equal(HttpStatusCode.Accepted, (await citizen.SendAsync(recourse)).StatusCode);
        }

        // the dates the law gives, computed here from the rule table and the calendar, not read from the services
        var staffCase = await EventuallyAsync(() => officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"),
            c => c.GetProperty("status").GetString() == "under-recourse", routing);
        var receivedOn = DateOnly.Parse(receipt.GetProperty("receivedOn").GetString()!, CultureInfo.InvariantCulture);
        var answeredOn = DateOnly.Parse(staffCase.GetProperty("answeredOn").GetString()!, CultureInfo.InvariantCulture);
        var filedOn = DateOnly.Parse(staffCase.GetProperty("recourseFiledOn").GetString()!, CultureInfo.InvariantCulture);
        var dueOn = Due(DeadlineStep.Answer, receivedOn);
        var extendedTo = Due(DeadlineStep.Answer, receivedOn, extended: true);
        var recourseLastDay = Due(DeadlineStep.RecourseHead, answeredOn);
        var headDueOn = Due(DeadlineStep.HeadAnswer, filedOn);

        var toCitizen = await maildev.WaitForAsync(citizenEmail, 3);
        Assert.Equal(["receipt", "extension", "refused"], toCitizen.Select(Template));
        Assert.All(toCitizen, m => Assert.Contains(number, m.Subject, StringComparison.Ordinal));
        Assert.All(toCitizen, m => Assert.Contains(lang == Language.Arabic ? "dir=\"rtl\"" : "dir=\"ltr\"", m.Html, StringComparison.Ordinal));
        var (receiptMail, extensionMail, refusalMail) = (toCitizen[0], toCitizen[1], toCitizen[2]);
        Assert.Contains(accessCode, receiptMail.Text, StringComparison.Ordinal);
        Assert.Contains(Dates.Format(dueOn, lang), receiptMail.Text, StringComparison.Ordinal);
        Assert.Contains(Dates.Format(receivedOn, lang), receiptMail.Text, StringComparison.Ordinal);
        Assert.Contains(Dates.Format(dueOn, lang), extensionMail.Text, StringComparison.Ordinal);
        Assert.Contains(Dates.Format(extendedTo, lang), extensionMail.Subject, StringComparison.Ordinal);
        Assert.Contains("douze directions régionales", extensionMail.Text, StringComparison.Ordinal);
        Assert.Contains(Dates.Format(recourseLastDay, lang), refusalMail.Text, StringComparison.Ordinal);
        Assert.Contains("politique monétaire", refusalMail.Text, StringComparison.Ordinal);

        // staff are written to in French: the officer of the new case, the head of the recourse
        var toOfficer = await maildev.WaitForAsync(officerEmail, 1);
        Assert.Equal(["case-assigned"], toOfficer.Select(Template));
        Assert.Contains(Dates.Format(dueOn, Language.French), toOfficer[0].Text, StringComparison.Ordinal);
        var toHead = await maildev.WaitForAsync(headEmail, 1);
        Assert.Equal(["recourse-received"], toHead.Select(Template));
        Assert.Contains(Dates.Format(headDueOn, Language.French), toHead[0].Text, StringComparison.Ordinal);
        Assert.Contains("publiés chaque année", toHead[0].Text, StringComparison.Ordinal);

        // each delivery on the citizen's timeline (the receipt intake's own, the others reported by routing)
        var view = await EventuallyAsync(() => CitizenViewAsync(citizen, number, accessCode),
            v => Notices(v).Count(n => n.State == "sent") == 3, intake);
        Assert.Equal(["receipt", "extension", "refused"], Notices(view).Select(n => n.Template));
        var notifications = (await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("notifications");
        Assert.Equal(["case-assigned:sent", "extension:sent", "refused:sent", "recourse-received:sent"],
            notifications.EnumerateArray().Select(n => $"{n.GetProperty("template").GetString()}:{n.GetProperty("status").GetString()}"));

        // nothing more came after a while: each message once
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(3, (await maildev.MessagesToAsync(citizenEmail)).Count);
        Assert.Single(await maildev.MessagesToAsync(officerEmail));
        Assert.Single(await maildev.MessagesToAsync(headEmail));
    }

    private static DateOnly Due(DeadlineStep step, DateOnly from, bool extended = false) => LegalClock.DueOn(
        new DeadlineQuery(Regime.Information, step, from, Extended: extended), RuleBook.Current, HolidayCalendar.Morocco);

    private static string? Template(MaildevMessage message) => message.Template;

    /// <summary>The messages on the citizen's timeline, each on the step it tells of, with its delivery.</summary>
    private static List<(string Template, string? State)> Notices(JsonElement view) =>
    [
        .. view.GetProperty("timeline").EnumerateArray()
            .Where(e => e.TryGetProperty("notice", out var notice) && notice.ValueKind == JsonValueKind.String)
            .Select(e => (e.GetProperty("notice").GetString()!, e.GetProperty("delivery").GetString())),
    ];

    /// <summary>MEF alone, with addresses of this test's own, so its mail is found among the other tests'.</summary>
    private string WriteDirectory(string officerEmail, string headEmail)
    {
        var file = Path.Combine(_folder, "directory.json");
        var directory = new JsonArray(new JsonObject
        {
            ["code"] = "MEF", ["nameFr"] = "Ministère de l'Économie et des Finances", ["nameAr"] = "وزارة الاقتصاد والمالية",
            ["sector"] = "ministry", ["region"] = "Rabat-Salé-Kénitra", ["parentCode"] = null,
            ["officers"] = new JsonArray(
                new JsonObject { ["id"] = "MEF-O1", ["fullName"] = "Youssef Benali", ["email"] = officerEmail, ["role"] = "designated" },
                new JsonObject { ["id"] = "MEF-H", ["fullName"] = "Nadia Chraibi", ["email"] = headEmail, ["role"] = "head" }),
        });
        File.WriteAllText(file, directory.ToJsonString());
        return file;
    }

    private static Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Notifications__PollInterval"] = "00:00:00.200",
            ["Notifications__Retries__0"] = "00:00:01",
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    private static object Request(string email, string language) => new
    {
        bodyCode = "MEF",
        subject = "Rapports d'exécution du budget",
        description = "Les rapports trimestriels d'exécution du budget 2025.",
        delivery = "email",
        urgent = false,
        requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", email },
        consent = true,
        language,
    };

    private static async Task<JsonElement> CitizenViewAsync(HttpClient citizen, string number, string accessCode)
    {
        using var lookup = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{number}");
        lookup.Headers.Add("X-Access-Code", accessCode);
        return await (await citizen.SendAsync(lookup)).Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the processes may still hold their files for a moment; the temp folder is cleaned eventually
        }
    }
}
