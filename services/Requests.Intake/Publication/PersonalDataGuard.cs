using System.Text;
using Requests.Intake.Storage;

namespace Requests.Intake.Publication;

/// <summary>
/// The last check before an answer is published: its texts may not contain the requester's name, identity number,
/// e-mail, phone or address as intake holds them. Compared without case, accents or Arabic letter variants; a phone
/// by its last nine digits, whatever the separators; a name also by each of its words of four letters or more.
/// </summary>
public static class PersonalDataGuard
{
    /// <summary>For each field that leaks, what it contains.</summary>
    public static Dictionary<string, string[]> Check(CaseRecord requester, params (string Field, string? Text)[] texts)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, text) in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
                continue;
            var found = Found(requester, text).ToArray();
            if (found.Length > 0)
                errors[field] = found;
        }
        return errors;
    }

    private static IEnumerable<string> Found(CaseRecord r, string text)
    {
        var words = $" {SearchText.Normalize(text)} ";
        var name = SearchText.Normalize(r.RequesterName);
        if (name.Length > 0 && (words.Contains($" {name} ", StringComparison.Ordinal)
                || name.Split(' ').Any(w => w.Length >= 4 && words.Contains($" {w} ", StringComparison.Ordinal))))
            yield return "It contains the requester's name.";
        if (Compact(text).Contains(Compact(r.RequesterIdentity), StringComparison.OrdinalIgnoreCase))
            yield return "It contains the requester's identity number.";
        if (r.RequesterEmail is { Length: > 0 } email
            && (text.Contains(email, StringComparison.OrdinalIgnoreCase) || words.Contains($" {SearchText.Normalize(email)} ", StringComparison.Ordinal)))
            yield return "It contains the requester's e-mail.";
        if (Digits(r.RequesterPhone) is { Length: >= 8 } phone && PhoneNumbers(text).Any(n => n.EndsWith(phone[^Math.Min(9, phone.Length)..], StringComparison.Ordinal)))
            yield return "It contains the requester's phone number.";
        if (r.RequesterAddress is { Length: > 0 } address && Street(address) is { Length: >= 6 } street
            && words.Contains($" {street} ", StringComparison.Ordinal))
            yield return "It contains the requester's address.";
    }

    /// <summary>The address up to its first comma (the street and number, without the city everyone shares), normalised.</summary>
    private static string Street(string address) => SearchText.Normalize(address.Split(',')[0]);

    private static string Compact(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    private static string Digits(string? text) => text is null ? "" : string.Concat(text.Where(char.IsAsciiDigit));

    /// <summary>Runs of digits, with the separators a phone number is written with (spaces, dots, dashes, a leading +) taken out.</summary>
    private static IEnumerable<string> PhoneNumbers(string text)
    {
        var run = new StringBuilder();
        foreach (var c in text + " x")
        {
            if (char.IsAsciiDigit(c))
                run.Append(c);
            else if (c is ' ' or '.' or '-' or '+' or '(' or ')' && run.Length > 0)
                continue;
            else if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }
        }
    }
}
