using MailKit.Security;

namespace Requests.Notifications.Email;

/// <summary>The <c>Smtp</c> settings section. The defaults reach the local maildev started by <c>infra/maildev.sh</c>.</summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1025;

    /// <summary><c>none</c>, <c>starttls</c> (port 587), <c>tls</c> (implicit, port 465) or <c>auto</c> (TLS on 465, STARTTLS when offered).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@requests.localhost";
    public string FromDisplayName { get; set; } = "Requests";

    /// <summary>How long one message may take, connection included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What is wrong with the settings, or null when they can be used.</summary>
    public string? Check()
    {
        if (string.IsNullOrWhiteSpace(Host))
            return "Smtp:Host is required.";
        if (Port is < 1 or > 65535)
            return "Smtp:Port must be between 1 and 65535.";
        if (!Enum.IsDefined(Security))
            return "Smtp:Security must be none, starttls, tls or auto.";
        if (!EmailAddresses.TryNormalize(FromAddress, out _))
            return $"Smtp:FromAddress '{FromAddress}' is not a valid e-mail address.";
        if (Timeout <= TimeSpan.Zero)
            return "Smtp:Timeout must be positive.";
        return string.IsNullOrEmpty(UserName) == string.IsNullOrEmpty(Password)
            ? null
            : "Smtp:UserName and Smtp:Password go together.";
    }
}

/// <summary>MailKit's own values, so that a setting maps to its <see cref="SecureSocketOptions"/> by a cast.</summary>
public enum SmtpSecurity
{
    None = (int)SecureSocketOptions.None,
    StartTls = (int)SecureSocketOptions.StartTls,
    Tls = (int)SecureSocketOptions.SslOnConnect,
    Auto = (int)SecureSocketOptions.Auto,
}
