using System.Text.Json;
using static Requests.Intake.Tests.RoutingEvents;

namespace Requests.Intake.Tests;

/// <summary>The case's texts come in the language the citizen filed in, unless the lookup asks for the other.</summary>
public sealed class Following_the_case_in_its_language : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_request_filed_in_Arabic_is_followed_in_Arabic()
    {
        var receipt = await _app.FileAsync(Forms.Request().With("language", "ar"));
        foreach (var move in Refused(receipt))
            await _app.DeliverAsync(move);

        var view = await ViewAsync(receipt);

        Assert.Equal(("ar", "تم الرد", "وزارة الاقتصاد والمالية"), (view.Text("language"), view.Text("statusLabel"), view.Text("bodyName")));
        Assert.Equal("تم التوصل بملفكم عبر البوابة في الجمعة 23 أكتوبر 2026، ويُنتظر الرد في أجل أقصاه الثلاثاء 24 نونبر 2026.",
            view.Step("received").Text("description"));
        Assert.Equal("أسند ملفكم إلى موظف بالهيئة، ويُنتظر الرد في أجل أقصاه الثلاثاء 24 نونبر 2026.", view.Step("assigned").Text("description"));
        Assert.StartsWith("ردت الهيئة: تم رفض طلبكم للسبب التالي: ", view.Step("answered").Text("description"), StringComparison.Ordinal);
        Assert.Contains("في أجل أقصاه الأربعاء 23 دجنبر 2026.", view.Step("answered").Text("description"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?lang=fr", null)]
    [InlineData("", "fr-MA, ar;q=0.8")]
    [InlineData("?lang=fr", "ar")]
    public async Task Asking_for_French_gives_French_texts(string query, string? acceptLanguage)
    {
        var receipt = await _app.FileAsync(Forms.Request().With("language", "ar"));
        foreach (var move in Accepted(receipt))
            await _app.DeliverAsync(move);

        var view = await ViewAsync(receipt, query, acceptLanguage);

        Assert.Equal(("fr", "en cours de traitement", "Ministère de l'Économie et des Finances"),
            (view.Text("language"), view.Text("statusLabel"), view.Text("bodyName")));
        Assert.Equal("L'organisme a pris votre dossier en charge ; réponse attendue au plus tard le mardi 24 novembre 2026.",
            view.Step("accepted").Text("description"));
    }

    [Theory]
    [InlineData("?lang=ar", null)]
    [InlineData("", "ar-MA, fr;q=0.5")]
    public async Task Asking_for_Arabic_gives_Arabic_texts_on_a_case_filed_in_French(string query, string? acceptLanguage)
    {
        var receipt = await _app.FileAsync();
        foreach (var move in Accepted(receipt))
            await _app.DeliverAsync(move);

        var view = await ViewAsync(receipt, query, acceptLanguage);

        Assert.Equal(("ar", "قيد المعالجة"), (view.Text("language"), view.Text("statusLabel")));
        Assert.Equal("تكفلت الهيئة بملفكم، ويُنتظر الرد في أجل أقصاه الثلاثاء 24 نونبر 2026.", view.Step("accepted").Text("description"));
    }

    private async Task<JsonElement> ViewAsync(FiledReceipt receipt, string query = "", string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{receipt.TrackingNumber}{query}");
        request.Headers.Add("X-Access-Code", receipt.AccessCode);
        if (acceptLanguage is not null)
            request.Headers.Add("Accept-Language", acceptLanguage);
        using var response = await _app.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
