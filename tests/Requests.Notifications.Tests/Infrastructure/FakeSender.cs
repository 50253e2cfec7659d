using System.Collections.Concurrent;
using Requests.Notifications.Email;

namespace Requests.Notifications.Tests.Infrastructure;

/// <summary>An SMTP server in memory: records what it accepts; <see cref="Fail"/> decides what it refuses.</summary>
public sealed class FakeSender : IEmailSender
{
    public ConcurrentQueue<EmailMessage> Accepted { get; } = new();

    /// <summary>The error to throw for a message, or null to accept it.</summary>
    public Func<EmailMessage, Exception?> Fail { get; set; } = _ => null;

    public TimeSpan Delay { get; set; }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, cancellationToken);
        if (Fail(message) is { } error)
            throw error;
        Accepted.Enqueue(message);
    }

    public List<string> Subjects => [.. Accepted.Select(m => m.Subject)];
}
