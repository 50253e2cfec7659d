using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Requests.Testing;

/// <summary>
/// The real SMTP server of the test run (maildev, started by test.sh or infra/maildev.sh): its address and its REST API.
/// Other tests may share it: each test writes to recipients of its own, and never clears the whole inbox.
/// A missing server fails the test: it is never skipped.
/// </summary>
public sealed class Maildev : IDisposable
{
    private readonly HttpClient _http;

    public Maildev()
    {
        SmtpHost = Required("REQUESTS_SMTP_HOST");
        SmtpPort = int.Parse(Required("REQUESTS_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);
        _http = new HttpClient { BaseAddress = new Uri(Required("REQUESTS_MAILDEV_URL")), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string SmtpHost { get; }
    public int SmtpPort { get; }

    /// <summary>A recipient no other test uses: messages are found by it.</summary>
    public static string NewRecipient(string name) => $"{name}.{Guid.NewGuid():N}@test.example.ma";

    /// <summary>The messages to <paramref name="recipient"/>; a record maildev left empty (stopped while it stored one) is skipped.</summary>
    public async Task<List<MaildevMessage>> MessagesToAsync(string recipient)
    {
        var all = await _http.GetFromJsonAsync<List<MaildevMessage>>("/email") ?? [];
        return [.. all.Where(m => m.To?.Any(t => string.Equals(t.Address, recipient, StringComparison.OrdinalIgnoreCase)) == true)
            .OrderBy(m => m.Time)];
    }

    /// <summary>Waits until <paramref name="count"/> messages reached <paramref name="recipient"/>, then a little longer to catch any extra copy.</summary>
    public async Task<List<MaildevMessage>> WaitForAsync(string recipient, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if ((await MessagesToAsync(recipient)).Count >= count)
                break;
            await Task.Delay(200);
        }
        await Task.Delay(300);
        return await MessagesToAsync(recipient);
    }

    /// <summary>Stops or starts the server with the project's own script (<c>$REQUESTS_INFRA/maildev.sh</c>).</summary>
    public static async Task RunScriptAsync(string command)
    {
        var script = Path.Combine(Required("REQUESTS_INFRA"), "maildev.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {command} exited with {process.ExitCode}: {await output}{await errors}");
    }

    /// <summary>The bytes of a message's attachment.</summary>
    public Task<byte[]> AttachmentAsync(MaildevMessage message, MaildevAttachment attachment) =>
        _http.GetByteArrayAsync($"/email/{message.Id}/attachment/{Uri.EscapeDataString(attachment.GeneratedFileName)}");

    public void Dispose() => _http.Dispose();

    private static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{name} is not set: these tests need the real SMTP server. Run ./test.sh, or start infra/maildev.sh and export " +
            "REQUESTS_SMTP_HOST, REQUESTS_SMTP_PORT, REQUESTS_MAILDEV_URL and REQUESTS_INFRA.");
}

public sealed record MaildevAddress(string Address, string Name);

/// <summary>A file joined to a message, as maildev lists it (<c>GET /email/{id}/attachment/{generatedFileName}</c> gives its bytes).</summary>
public sealed record MaildevAttachment(string FileName, string GeneratedFileName, string ContentType, long Length);

public sealed record MaildevMessage(
    string Id, string? Subject, List<MaildevAddress>? To, string? Html, string? Text, Dictionary<string, object> Headers,
    DateTimeOffset Time, [property: JsonPropertyName("messageId")] string? MessageId, List<MaildevAttachment>? Attachments = null)
{
    /// <summary>The template the message was written from (its <c>X-Requests-Template</c> header).</summary>
    public string? Template => Headers.FirstOrDefault(h => string.Equals(h.Key, "x-requests-template", StringComparison.OrdinalIgnoreCase))
        .Value is JsonElement { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
