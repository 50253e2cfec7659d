using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace Requests.Notifications.Email;

/// <summary>
/// Which addresses we send to. <see cref="MailAddress.TryCreate(string?, out MailAddress?)"/> accepts far more than a
/// citizen means to type (a display name, quotes, a domain without a dot, an IP literal): a mistyped address is better
/// sent by post than retried forever, so only a plain <c>local@domain.tld</c> in ASCII passes.
/// </summary>
public static class EmailAddresses
{
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? address)
    {
        address = null;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 254 || !MailAddress.TryCreate(text, out var parsed))
            return false;
        // a display name or angle brackets: "Name <a@b.ma>" parses, but is not what the field asked for
        if (!string.Equals(parsed.Address, text, StringComparison.Ordinal) || !string.IsNullOrEmpty(parsed.DisplayName))
            return false;
        if (!IsPlainLocalPart(parsed.User) || !IsHostName(parsed.Host))
            return false;
        address = parsed.User + "@" + parsed.Host.ToLowerInvariant();
        return true;
    }

    // letters, digits and the usual signs; no quotes, spaces, leading, trailing or doubled dots (RFC 5321 max 64)
    private static bool IsPlainLocalPart(string user) =>
        user.Length is > 0 and <= 64
        && user.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".Contains(c, StringComparison.Ordinal))
        && !user.StartsWith('.') && !user.EndsWith('.') && !user.Contains("..", StringComparison.Ordinal);

    // at least two labels, each of letters, digits and inner hyphens; the last one a name, not a number
    private static bool IsHostName(string host)
    {
        var labels = host.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                && !l.StartsWith('-') && !l.EndsWith('-'))
            && labels[^1].Length >= 2 && labels[^1].All(char.IsAsciiLetter);
    }
}
