using System.Text.RegularExpressions;
using Requests.Domain.Complaints;
using Requests.Intake.Bodies;
using Requests.Notifications.Email;

namespace Requests.Intake.Submissions;

/// <summary>Checks a filing field by field; each error is keyed by the field's JSON path.</summary>
public sealed partial class SubmissionValidator(BodyDirectory bodies)
{
    public static readonly string[] Deliveries = ["email", "post", "on-site", "pick-up"];
    public static readonly string[] ComplaintKinds = ["complaint", "observation", "suggestion"];
    public static readonly string[] StaffChannels = ["email", "post", "counter", "phone"];
    public static readonly string[] Languages = ["fr", "ar"];

    public Dictionary<string, string[]> Validate(InformationRequestForm form)
    {
        var errors = new Errors();
        CheckBody(errors, form.BodyCode);
        errors.Text("subject", form.Subject, 200);
        errors.Text("description", form.Description, 5000);
        errors.Optional("documentType", form.DocumentType, 200);
        errors.OneOf("delivery", form.Delivery, Deliveries);
        if (form.PeriodCovered is { From: { } from, To: { } to } && to < from)
            errors.Add("periodCovered.to", "The end of the period covered is before its start.");
        if (form.Urgent == true)
            errors.Text("urgentReason", form.UrgentReason, 1000);
        else
            errors.Optional("urgentReason", form.UrgentReason, 1000);
        CheckRequester(errors, form.Requester, needsEmail: form.Delivery == "email", needsAddress: form.Delivery == "post");
        CheckConsentAndLanguage(errors, form.Consent, form.Language);
        return errors.ToDictionary();
    }

    public Dictionary<string, string[]> Validate(ComplaintForm form)
    {
        var errors = new Errors();
        errors.OneOf("kind", form.Kind, ComplaintKinds);
        CheckBody(errors, form.BodyCode);
        errors.Text("subject", form.Subject, 200);
        errors.Text("description", form.Description, 5000);
        errors.OneOf("theme", form.Theme, ComplaintThemes.Codes);
        if (form.Publishable == true)
            errors.Add("publishable", "A complaint's answer is never published.");
        CheckRequester(errors, form.Requester, needsEmail: false, needsAddress: false);
        CheckConsentAndLanguage(errors, form.Consent, form.Language);
        return errors.ToDictionary();
    }

    /// <summary>Staff record the channel and the true receipt date; a citizen on the portal may not.</summary>
    public static void CheckReceipt(Dictionary<string, string[]> errors, string? channel, DateOnly? receivedOn,
        bool byStaff, DateOnly today)
    {
        var e = new Errors(errors);
        if (!byStaff)
        {
            if (channel is not null) e.Add("channel", "The channel is recorded by staff only.");
            if (receivedOn is not null) e.Add("receivedOn", "The receipt date is recorded by staff only.");
            return;
        }
        e.OneOf("channel", channel, StaffChannels);
        if (receivedOn is null) e.Add("receivedOn", "Required: the date the request was truly received (YYYY-MM-DD).");
        else if (receivedOn > today) e.Add("receivedOn", "The receipt date cannot be in the future.");
        else if (receivedOn < today.AddYears(-1)) e.Add("receivedOn", "The receipt date is more than a year ago.");
    }

    private void CheckBody(Errors errors, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) errors.Add("bodyCode", "Required.");
        else if (bodies.Find(code) is null) errors.Add("bodyCode", $"Unknown body code '{code}'. See GET /api/bodies.");
    }

    private static void CheckRequester(Errors errors, RequesterForm? requester, bool needsEmail, bool needsAddress)
    {
        if (requester is null)
        {
            errors.Add("requester", "Required: full name, national ID or residence permit number, and a contact.");
            return;
        }
        errors.Text("requester.fullName", requester.FullName, 150);
        if (string.IsNullOrWhiteSpace(requester.IdentityNumber)) errors.Add("requester.identityNumber", "Required.");
        else if (!IdentityPattern().IsMatch(requester.IdentityNumber))
            errors.Add("requester.identityNumber", "A national ID (CNIE) or residence permit number: 1–2 letters then digits, e.g. AB123456.");
        if (requester.Email is { } email && !EmailAddresses.IsValid(email)) errors.Add("requester.email", "Not a valid e-mail address.");
        if (requester.Phone is { } phone && !PhonePattern().IsMatch(phone)) errors.Add("requester.phone", "Not a valid phone number.");
        errors.Optional("requester.address", requester.Address, 300);
        if (needsEmail && string.IsNullOrWhiteSpace(requester.Email)) errors.Add("requester.email", "Required for delivery by e-mail.");
        if (needsAddress && string.IsNullOrWhiteSpace(requester.Address)) errors.Add("requester.address", "Required for delivery by post.");
        if (string.IsNullOrWhiteSpace(requester.Email) && string.IsNullOrWhiteSpace(requester.Address) && string.IsNullOrWhiteSpace(requester.Phone))
            errors.Add("requester", "Give at least one way to reach you: e-mail, postal address or phone.");
    }

    private static void CheckConsentAndLanguage(Errors errors, bool? consent, string? language)
    {
        if (consent != true)
            errors.Add("consent", "Consent to the processing of personal data (Law 09-08) is required to handle the case.");
        errors.OneOf("language", language, Languages);
    }

    [GeneratedRegex("^[A-Za-z]{1,2}[0-9]{3,8}$")]
    private static partial Regex IdentityPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 .-]{7,18}[0-9]$")]
    private static partial Regex PhonePattern();

    private sealed class Errors(Dictionary<string, string[]>? into = null)
    {
        private readonly Dictionary<string, string[]> _errors = into ?? [];

        public void Add(string field, string message) =>
            _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        public void Text(string field, string? value, int maxLength)
        {
            if (string.IsNullOrWhiteSpace(value)) Add(field, "Required.");
            else if (value.Length > maxLength) Add(field, $"At most {maxLength} characters.");
        }

        public void Optional(string field, string? value, int maxLength)
        {
            if (value?.Length > maxLength) Add(field, $"At most {maxLength} characters.");
        }

        public void OneOf(string field, string? value, IReadOnlyList<string> allowed)
        {
            if (string.IsNullOrWhiteSpace(value)) Add(field, $"Required: one of {string.Join(", ", allowed)}.");
            else if (!allowed.Contains(value)) Add(field, $"'{value}' is not one of {string.Join(", ", allowed)}.");
        }

        public Dictionary<string, string[]> ToDictionary() => _errors;
    }
}
