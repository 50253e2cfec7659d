using Requests.Contracts.Routing;
using Requests.Domain.Calendar;

namespace Requests.Intake.Tests;

/// <summary>Routing's events about a filed case, as routing would send them; a test sets what it is about with <c>with</c>.</summary>
public static class RoutingEvents
{
    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById(LegalTime.MoroccoZoneId);

    /// <summary>
    /// A move of the case: by default by officer MEF-O1 (Youssef Benali), ten minutes after the filing per step of the
    /// sequence, keeping the answer due on 24 November 2026 (20 working days from Friday 23 October).
    /// </summary>
    public static CaseMoved Moved(FiledReceipt receipt, int sequence, string trigger, string from, string to,
        string regime = "information", string kind = "request", string body = "MEF")
    {
        var at = receipt.ReceivedAt.AddMinutes(10 * sequence);
        return new CaseMoved(receipt.CaseId, receipt.TrackingNumber, sequence, regime, kind, body, trigger, from, to, at,
            LegalTime.LocalDate(at, Morocco), "Youssef Benali", "officer", "MEF-O1", receipt.DueDate, null);
    }

    /// <summary>Routing's first steps on a request: assigned (1), then accepted (2).</summary>
    public static CaseMoved[] Accepted(FiledReceipt receipt, string regime = "information", string kind = "request") =>
    [
        Moved(receipt, 1, "assign", "received", "assigned", regime, kind),
        Moved(receipt, 2, "accept", "assigned", "accepted", regime, kind),
    ];

    /// <summary>Routing's first steps, then a refusal on a legal ground (3), which leaves until 23 December 2026 to contest it.</summary>
    public static CaseMoved[] Refused(FiledReceipt receipt) =>
    [
        .. Accepted(receipt),
        Moved(receipt, 3, "answer", "accepted", "answered") with
        {
            Outcome = "refused", RefusalGround = "private-life", Text = "Données de santé.", RecourseLastDay = Day("2026-12-23"),
        },
    ];

    public static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
