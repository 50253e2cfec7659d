using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Requests.Contracts.Routing;
using Requests.Intake.Tests.Documents;
using Requests.ServiceDefaults.Auth;

namespace Requests.Intake.Tests.Publication;

/// <summary>Register entries and answers as officers publish them, and what the public API answers.</summary>
public static class Publishing
{
    public static JsonObject Entry(string titleFr = "Budget 2026 de la commune", string? titleAr = "ميزانية الجماعة لسنة 2026",
        string category = "budget", string publishedOn = "2026-10-01", string? link = null) => new()
    {
        ["category"] = category,
        ["titleFr"] = titleFr,
        ["titleAr"] = titleAr,
        ["summaryFr"] = "Le budget voté, ligne par ligne, et son exécution au premier semestre.",
        ["summaryAr"] = "الميزانية المصادق عليها وتنفيذها خلال الأسدس الأول.",
        ["publishedOn"] = publishedOn,
        ["link"] = link,
    };

    public static HttpClient Officer(this IntakeApp app, string body = "MEF") => app.StaffClient(StaffRoles.Officer, body);

    /// <summary>Adds (or, with <paramref name="id"/>, replaces) a register entry, with a file if given.</summary>
    public static async Task<HttpResponseMessage> SaveEntryAsync(this HttpClient staff, JsonObject form, (string Name, byte[] Bytes)? file = null,
        string body = "MEF", string? id = null)
    {
        using var content = Files.Multipart(form, file is { } f ? [f] : []);
        return id is null
            ? await staff.PostAsync($"/api/bodies/{body}/register", content)
            : await staff.PutAsync($"/api/bodies/{body}/register/{id}", content);
    }

    /// <summary>Adds an entry with a PDF and returns it as the API answered.</summary>
    public static async Task<JsonElement> AddEntryAsync(this IntakeApp app, JsonObject? form = null, string body = "MEF") =>
        await JsonAsync(await app.Officer(body).SaveEntryAsync(form ?? Entry(), ("budget.pdf", Files.Pdf()), body), HttpStatusCode.Created);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> GetJsonAsync(this IntakeApp app, string path) =>
        await JsonAsync(await app.CreateClient().GetAsync(path), HttpStatusCode.OK);

    /// <summary>
    /// A request filed (with leave to publish unless the form says otherwise), accepted and answered by routing on
    /// 5 November 2026 with a PDF delivered to the citizen; its delivered document's id.
    /// </summary>
    public static async Task<(FiledReceipt Receipt, Guid Document)> AnsweredAsync(this IntakeApp app, JsonObject? form = null,
        string outcome = "granted", string? ground = null)
    {
        form ??= Forms.Request().With("publishable", true);
        var receipt = await app.FileAsync(form);
        var regime = form["kind"] is null ? "information" : "complaint";
        var kind = (string?)form["kind"] ?? "request";
        var body = (string)form["bodyCode"]!;
        foreach (var move in RoutingEvents.Accepted(receipt, regime, kind))
            await app.DeliverAsync(move with { BodyCode = body });
        var officer = app.StaffClient(StaffRoles.Officer, body);
        var draft = (await officer.UploadAsync(receipt.TrackingNumber, ("reponse.pdf", Files.Pdf(7))))[0];
        var document = Guid.Parse(draft.GetProperty("id").GetString()!);
        await app.DeliverAsync(RoutingEvents.Moved(receipt, 3, "answer", "accepted", "answered", regime, kind, body) with
        {
            Outcome = outcome, RefusalGround = ground, OccurredOn = RoutingEvents.Day("2026-11-05"),
        });
        await app.DeliverAsync(new CaseDocumentsDelivered(receipt.CaseId, receipt.TrackingNumber, 3, "answer", "officer", receipt.ReceivedAt.AddHours(1),
            [new DocumentReference(document)]));
        return (receipt, document);
    }

    public static JsonObject Publication(Guid? document = null, string subject = "Budget exécuté de la commune en 2025",
        string answer = "Le budget exécuté de 2025 est joint : 12,4 millions de dirhams de dépenses.") => new()
    {
        ["subject"] = subject,
        ["question"] = "Le budget exécuté de 2025, ligne par ligne.",
        ["answer"] = answer,
        ["documents"] = document is { } d ? new JsonArray(d.ToString()) : new JsonArray(),
        ["redactionConfirmed"] = true,
    };

    public static Task<HttpResponseMessage> PublishAsync(this IntakeApp app, FiledReceipt receipt, JsonObject form, string body = "MEF") =>
        app.StaffClient(StaffRoles.Officer, body).PostAsJsonAsync($"/api/cases/{receipt.TrackingNumber}/publication", form);

    public static async Task<JsonElement> SearchAsync(this IntakeApp app, string query) =>
        await app.GetJsonAsync($"/api/public/search?{query}");
}
