using System.Globalization;
using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;

namespace Requests.Domain.Lifecycle;

// The lifecycle's rules with dates. "today" is the local date in Africa/Casablanca of the move (LegalTime), given
// by the caller: the domain has no clock.
public static partial class CaseRules
{
    /// <summary>The one extension of an information request's answer period: once, before the deadline, with reasons.</summary>
    public static string? CheckExtension(bool alreadyExtended, DateOnly today, DateOnly currentDueOn, string? reasons,
        bool urgent = false)
    {
        if (alreadyExtended)
        {
            return "The answer period can be extended only once (Law 31.13).";
        }

        if (urgent)
        {
            return "An urgent request's answer period cannot be extended.";
        }

        // announced before the deadline: the due date itself is still in time, the day after is not
        if (today > currentDueOn)
        {
            return Text($"An extension must be announced before the deadline: the answer was due on {currentDueOn:yyyy-MM-dd}.");
        }

        return string.IsNullOrWhiteSpace(reasons)
            ? "An extension must give the requester its reasons in writing (Law 31.13)."
            : null;
    }

    /// <summary>
    /// The last day the requester may contest before the head of the body, or null when there is nothing to
    /// contest (a full grant). <paramref name="outcome"/> null means silence: the window opens at the expiry of the
    /// answer deadline <paramref name="answerDueOn"/> (final, after extension and pauses). Otherwise it opens on
    /// <paramref name="answeredOn"/>, the receipt of the answer, also when a late answer came after the silence:
    /// the answer is a decision the requester can now read and contest.
    /// </summary>
    public static DateOnly? RecourseLastDay(AnswerOutcome? outcome, DateOnly answerDueOn, DateOnly? answeredOn,
        RuleBook rules, HolidayCalendar calendar)
    {
        if (outcome is AnswerOutcome.Granted)
        {
            return null;
        }

        var startsOn = outcome is null
            ? answerDueOn
            : answeredOn ?? throw new ArgumentException("An answer needs the date it was received.", nameof(answeredOn));
        return LegalClock.DueOn(new DeadlineQuery(Regime.Information, DeadlineStep.RecourseHead, startsOn), rules, calendar);
    }

    /// <summary>A recourse to the head: after a refusal (total, partial, not held) or a silence, within the window.</summary>
    public static string? CheckRecourse(AnswerOutcome? outcome, DateOnly answerDueOn, DateOnly? answeredOn,
        DateOnly today, RuleBook rules, HolidayCalendar calendar)
    {
        if (outcome is AnswerOutcome.Granted)
        {
            return "The information was granted in full: there is no refusal to contest.";
        }

        if (outcome is null && today <= answerDueOn)
        {
            return Text($"There is no answer to contest yet, and the body has until {answerDueOn:yyyy-MM-dd} to answer.");
        }

        var lastDay = RecourseLastDay(outcome, answerDueOn, answeredOn, rules, calendar)!.Value;
        var rule = rules.Rule(Regime.Information, DeadlineStep.RecourseHead);
        return today > lastDay
            ? Text($"The recourse to the head of the body had to be filed by {lastDay:yyyy-MM-dd}: within {rule.Length} {DeadlineCodes.Code(rule.Unit)} days of {(outcome is null ? "the expiry of the answer deadline" : "the receipt of the answer")}.")
            : null;
    }

    /// <summary>Closing a case without an answer ends a legal duty: the reason goes on the record.</summary>
    public static string? CheckClose(string? reason) => string.IsNullOrWhiteSpace(reason)
        ? "A case closed without an answer needs its reason on record (withdrawn by the requester, a duplicate filing)."
        : null;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
