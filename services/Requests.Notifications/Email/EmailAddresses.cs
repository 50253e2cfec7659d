using System.Diagnostics.CodeAnalysis;

namespace Requests.Notifications.Email;

/// <summary>
/// Which addresses we accept and send to: only a plain <c>local@domain.tld</c> in ASCII. RFC 5322 allows far more than a
/// citizen means to type (a display name, quotes, a domain without a dot, an IP literal), and a mistyped address is
/// better refused on the form, or sent by post, than retried forever.
/// </summary>
public static class EmailAddresses
{
    public static bool IsValid([NotNullWhen(true)] string? input) => TryNormalize(input, out _);

    public static bool TryNormalize([NotNullWhen(true)] string? input, [NotNullWhen(true)] out string? address)
    {
        address = null;
        var text = input?.Trim() ?? "";
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || text.Length > 254 || !IsPlainLocalPart(text[..at]) || !IsHostName(text[(at + 1)..]))
            return false;
        address = text[..at] + "@" + text[(at + 1)..].ToLowerInvariant();
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
