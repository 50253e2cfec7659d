using System.Text.Json.Nodes;
using Requests.Testing;

namespace Requests.Intake.Tests;

/// <summary>
/// The receipt's access code is written in clear in its own placeholder only, as the e-mail goes to the real SMTP server
/// (maildev); what a citizen writes is never read as a placeholder, even a genuine one copied from another receipt; the
/// sealed code is deleted once the receipt is sent.
/// </summary>
public sealed class Sending_the_receipt_s_access_code
{
    [Fact]
    public async Task Fills_only_the_receipt_s_own_placeholder_and_deletes_the_sealed_code_once_sent()
    {
        using var maildev = new Maildev();
        var app = new IntakeApp();
        var (first, second) = (Maildev.NewRecipient("citizen"), Maildev.NewRecipient("citizen"));
        var genuine = await app.FileAsync(Forms.Request().With("requester.email", first));
        var stored = await WaitForSealedCodeAsync(app, genuine.CaseId);
        // a citizen who pasted another receipt's placeholder and sealed code, and a made-up one, into their own text
        var pasted = $"{stored["placeholder"]} [[access-code:{stored["sealed_code"]}]] [[access-code:x.AAAA]]";
        var copier = await app.FileAsync(Forms.Request().With("requester.email", second)
            .With("subject", JsonValue.Create(pasted)));
        await WaitForSealedCodeAsync(app, copier.CaseId);

        // sending turned on: the two receipts go out
        app.Settings["Notifications:Enabled"] = "true";
        await using var restarted = await app.RestartAsync();
        await restarted.FileAsync(Forms.Request().With("subject", JsonValue.Create($"Budget {stored["placeholder"]}"))
            .With("requester.email", second));

        var mine = Assert.Single(await maildev.WaitForAsync(first, 1));
        Assert.Contains(genuine.AccessCode, mine.Text, StringComparison.Ordinal);
        Assert.Contains(genuine.AccessCode, mine.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("[[access-code:", mine.Text, StringComparison.Ordinal);
        var others = await maildev.WaitForAsync(second, 2);
        Assert.Equal(2, others.Count);
        Assert.All(others, m =>
        {
            Assert.DoesNotContain(genuine.AccessCode, m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(genuine.AccessCode, m.Html, StringComparison.Ordinal);
        });
        Assert.Contains(others, m => m.Text!.Contains(copier.AccessCode, StringComparison.Ordinal));
        Assert.Contains(others, m => m.Text!.Contains((string)stored["placeholder"]!, StringComparison.Ordinal));

        // sent: no sealed code is left, in any table
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await restarted.CountAsync("receipt_codes") > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(0, await restarted.CountAsync("receipt_codes"));
        Assert.Equal(0, await restarted.CountAsync("notifications", 
            $"case_id = '{genuine.CaseId:D}' AND (html LIKE '%{stored["sealed_code"]}%' OR text LIKE '%{stored["sealed_code"]}%')"));
    }

    private static async Task<Dictionary<string, object?>> WaitForSealedCodeAsync(IntakeApp app, Guid caseId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var rows = await app.QueryAsync($"SELECT placeholder, sealed_code FROM receipt_codes WHERE case_id = '{caseId:D}'");
            if (rows.Count == 1)
                return rows[0];
            await Task.Delay(50);
        }
        throw new TimeoutException("The receipt was not written.");
    }
}
