namespace Requests.Notifications.Tests.Smtp;

/// <summary>The tests on the real SMTP server run one at a time and alone: one of them stops the server.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OnTheSmtpServer
{
    public const string Name = "maildev";
}
