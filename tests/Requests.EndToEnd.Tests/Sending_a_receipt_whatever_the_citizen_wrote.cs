using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.EndToEnd.Tests.Infrastructure;
using Requests.Testing;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Intake as a real process with the real SMTP server: a subject that looks like the receipt's access-code placeholder
/// is text like any other; the receipt goes out with the access code in its own place and the subject as written.
/// </summary>
public sealed class Sending_a_receipt_whatever_the_citizen_wrote : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-receipt-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task A_subject_that_mimics_the_placeholder_is_sent_as_written_with_the_code_in_its_place()
    {
        using var maildev = new Maildev();
        var recipient = Maildev.NewRecipient("citizen");
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker,
            settings: new Dictionary<string, string> { ["Notifications__PollInterval"] = "00:00:00.200" });
        using var http = new HttpClient { BaseAddress = intake.Address };
        const string subject = "Budget [[access-code:x.AAAA]] 2025";

        var filed = await http.PostAsJsonAsync("/api/requests", new
        {
            bodyCode = "MEF", subject, description = "Les rapports trimestriels.", delivery = "email", urgent = false,
            requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", email = recipient }, consent = true, language = "fr",
        });

        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var accessCode = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
        var receipt = Assert.Single(await maildev.WaitForAsync(recipient, 1, TimeSpan.FromSeconds(30)));
        Assert.Contains(accessCode, receipt.Text, StringComparison.Ordinal);
        Assert.Contains(subject, receipt.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CryptographicException", intake.Log, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
