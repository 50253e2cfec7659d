using System.Globalization;
using Requests.Domain.Calendar;
using Requests.Domain.Complaints;
using Requests.Domain.Deadlines;
using Requests.Reporting.Facts;

namespace Requests.Reporting.Import;

/// <summary>One row of a historical file, checked: every field valid, and consistent with the others.</summary>
public sealed record ImportRow(string CaseId, string BodyCode, string BodyName, string Sector, string Region, string? Theme,
    int Codes, DateOnly ReceivedOn, DateOnly DueOn, DateOnly? AnsweredOn)
{
    public const string Header =
        "case_id,regime,kind,body_code,body_name,sector,region,channel,theme,urgent,received_on,due_on,answered_on,outcome,refusal_ground,extended";

    private static readonly string[] InformationOutcomes = ["granted", "partially-granted", "refused", "not-held", "redirected"];
    private static readonly string[] ComplaintOutcomes = ["founded", "unfounded", "not-admissible", "redirected"];

    /// <summary>The row, or the reason it is refused (null row).</summary>
    public static (ImportRow? Row, string? Error) Parse(IReadOnlyList<string> f, RuleBook rules, HolidayCalendar calendar)
    {
        if (f.Count != 16)
            return Fail($"expected 16 fields, found {f.Count}");
        var caseId = f[0].Trim();
        if (caseId.Length is 0 or > 64)
            return Fail("case_id must have 1 to 64 characters");
        var regime = FactCodes.Of(FactCodes.Regimes, f[1]);
        if (regime < 0)
            return Fail($"regime '{f[1]}' is not information or complaint");
        var kind = FactCodes.Of(FactCodes.Kinds, f[2]);
        if (kind < 0)
            return Fail($"kind '{f[2]}' is not request, complaint, observation or suggestion");
        if ((regime == 0) != (kind == 0))
            return Fail($"kind '{f[2]}' does not belong to the regime '{f[1]}'");
        if (f[3].Trim().Length == 0 || f[4].Trim().Length == 0 || f[6].Trim().Length == 0)
            return Fail("body_code, body_name and region are required");
        if (FactCodes.Of(FactCodes.Sectors, f[5]) < 0)
            return Fail($"sector '{f[5]}' is not one of {string.Join(", ", FactCodes.Sectors)}");
        var channel = FactCodes.Of(FactCodes.Channels, f[7]);
        if (channel < 0)
            return Fail($"channel '{f[7]}' is not one of {string.Join(", ", FactCodes.Channels)}");
        if (!TryBool(f[9], out var urgent) || !TryBool(f[15], out var extended))
            return Fail("urgent and extended must be true or false");
        if (extended && regime != 0)
            return Fail("only an information request can be extended");
        if (!TryDate(f[10], out var received))
            return Fail($"received_on '{f[10]}' is not a date YYYY-MM-DD");
        DateOnly? answered = null;
        if (f[12].Length > 0)
        {
            if (!TryDate(f[12], out var a))
                return Fail($"answered_on '{f[12]}' is not a date YYYY-MM-DD");
            if (a < received)
                return Fail("answered_on is before received_on");
            answered = a;
        }
        var (outcome, ground, error) = Outcome(f[13], f[14], regime, answered is not null);
        if (error is not null)
            return Fail(error);
        DateOnly due;
        if (f[11].Length > 0)
        {
            if (!TryDate(f[11], out due))
                return Fail($"due_on '{f[11]}' is not a date YYYY-MM-DD");
            if (due < received)
                return Fail("due_on is before received_on");
        }
        else
        {
            // the legal clock, as at receipt: the day of receipt is day zero
            var query = new DeadlineQuery((Regime)regime, DeadlineStep.Answer, received, urgent, extended);
            try
            {
                due = LegalClock.DueOn(query, rules, calendar);
            }
            catch (ArgumentException)
            {
                return Fail($"due_on is required: the legal calendar covers {HolidayCalendar.FirstDay:yyyy} to {HolidayCalendar.LastDay:yyyy}");
            }
        }
        var codes = FactCodes.WithRegime(0, regime);
        codes = FactCodes.WithKind(codes, kind);
        codes = FactCodes.WithChannel(codes, channel);
        codes = FactCodes.WithOutcome(codes, outcome);
        codes = FactCodes.WithGround(codes, ground);
        if (urgent)
            codes |= FactCodes.Urgent;
        if (extended)
            codes |= FactCodes.Extended;
        var theme = f[8].Trim();
        if (theme.Length > 0 && !ComplaintThemes.IsKnown(theme))
            return Fail($"theme '{theme}' is not one of {string.Join(", ", ComplaintThemes.Codes)}");
        return (new ImportRow(caseId, f[3].Trim(), f[4].Trim(), f[5], f[6].Trim(), theme.Length == 0 ? null : theme, codes,
            received, due, answered), null);
    }

    private static (int Outcome, int Ground, string? Error) Outcome(string outcome, string ground, int regime, bool answered)
    {
        if (!answered)
        {
            return outcome.Length > 0 || ground.Length > 0
                ? (0, 0, "outcome and refusal_ground must be empty for an open case (no answered_on)")
                : (0, 0, null);
        }
        var allowed = regime == 0 ? InformationOutcomes : ComplaintOutcomes;
        if (!allowed.Contains(outcome))
            return (0, 0, $"outcome '{outcome}' is not one of {string.Join(", ", allowed)}");
        if (outcome != "refused")
            return ground.Length > 0 ? (0, 0, "refusal_ground is only for a refusal") : (FactCodes.Of(FactCodes.Outcomes, outcome), 0, null);
        var g = FactCodes.Of(FactCodes.Grounds, ground);
        return g <= 0
            ? (0, 0, $"a refusal needs its refusal_ground, one of {string.Join(", ", FactCodes.Grounds.Skip(1))}")
            : (FactCodes.Of(FactCodes.Outcomes, outcome), g, null);
    }

    private static bool TryBool(string value, out bool result)
    {
        result = value == "true";
        return value is "true" or "false";
    }

    private static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static (ImportRow?, string?) Fail(string error) => (null, error);
}
