using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Requests.Intake.Tests.Documents;

namespace Requests.Intake.Tests;

// A filing sent again with its Idempotency-Key (a lost answer, a proxy's resend) answers the same receipt, once stored.
public sealed class Filing_again_with_the_same_key : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    public static async Task<HttpResponseMessage> FileAsync(HttpClient client, string path, HttpContent content, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private Task<HttpResponseMessage> FileAsync(string path, JsonNode form, string? key) =>
        FileAsync(_app.CreateClient(), path, JsonContent.Create(form), key);

    [Fact]
    public async Task Answers_the_same_receipt_and_stores_one_case_and_one_message()
    {
        using var first = await FileAsync("/api/requests", Forms.Request(), "3f6c1a52-0d1e-4b8e-9a55-1f0c2b7d9e01");
        using var again = await FileAsync("/api/requests", Forms.Request(), "3f6c1a52-0d1e-4b8e-9a55-1f0c2b7d9e01");

        Assert.Equal(await first.ReadReceiptAsync(), await again.ReadReceiptAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal((1, 1), await _app.StoredAsync());
    }

    [Fact]
    public async Task Refuses_the_key_with_another_filing_and_records_nothing_more()
    {
        using var first = await FileAsync("/api/requests", Forms.Request(), "key-1");
        using var other = await FileAsync("/api/requests", Forms.Request().With("subject", "Un autre sujet"), "key-1");
        using var complaint = await FileAsync("/api/complaints", Forms.Complaint(), "key-1");

        await first.ReadReceiptAsync();
        await other.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        await complaint.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal((1, 1), await _app.StoredAsync());
    }

    [Fact]
    public async Task Gives_one_case_to_the_same_filing_sent_many_times_at_once()
    {
        var client = _app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await FileAsync(client, "/api/requests", JsonContent.Create(Forms.Request()), $"key-{i % 4}");
            return (Key: i % 4, Receipt: await response.ReadReceiptAsync());
        }));

        Assert.All(answers.GroupBy(a => a.Key), g => Assert.Single(g.Select(a => a.Receipt).Distinct()));
        Assert.Equal(4, answers.Select(a => a.Receipt.TrackingNumber).Distinct().Count());
        Assert.Equal(4, await _app.CountAsync("cases"));
        Assert.Equal(4, (await _app.SubmittedAsync()).Count);
    }

    [Fact]
    public async Task Keeps_the_files_of_a_complaint_sent_again_once()
    {
        var client = _app.CreateClient();

        using var first = await FileAsync(client, "/api/complaints", Files.Multipart(Forms.Complaint(), ("lampadaire.png", Files.Png())), "photo");
        using var again = await FileAsync(client, "/api/complaints", Files.Multipart(Forms.Complaint(), ("lampadaire.png", Files.Png())), "photo");
        using var otherFile = await FileAsync(client, "/api/complaints", Files.Multipart(Forms.Complaint(), ("facture.pdf", Files.Pdf())), "photo");

        Assert.Equal(await first.ReadReceiptAsync(), await again.ReadReceiptAsync());
        await otherFile.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal((1, 1), await _app.StoredAsync());
        Assert.Equal(1, await _app.CountAsync("documents"));
        Assert.Single(_app.Stored());
    }

    [Theory]
    [InlineData("une clé", 1)]
    [InlineData("k", 256)]
    public async Task Refuses_a_key_too_long_or_not_visible_ascii(string part, int times)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(Forms.Request()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", string.Concat(Enumerable.Repeat(part, times)));

        using var response = await _app.CreateClient().SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal((0, 0), await _app.StoredAsync());
    }

    [Fact]
    public async Task Forgets_a_key_a_day_later()
    {
        var receipt = await (await FileAsync("/api/requests", Forms.Request(), "old")).ReadReceiptAsync();
        _app.Clock.Set(_app.Clock.GetUtcNow().AddHours(25));
        // kept a day, then pruned by the next commit
        await (await FileAsync("/api/requests", Forms.Request(), null)).ReadReceiptAsync();

        var later = await (await FileAsync("/api/requests", Forms.Request(), "old")).ReadReceiptAsync();

        Assert.NotEqual(receipt.TrackingNumber, later.TrackingNumber);
        Assert.Equal(1, await _app.CountAsync("idempotency_keys"));
        Assert.Equal((3, 3), await _app.StoredAsync());
    }
}
