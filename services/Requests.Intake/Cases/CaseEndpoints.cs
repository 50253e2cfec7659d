using Microsoft.EntityFrameworkCore;
using Requests.Intake.Storage;
using Requests.Intake.Submissions;

namespace Requests.Intake.Cases;

public sealed record TimelineEntry(DateTimeOffset At, string Kind, string? Description, DateOnly? DueOn);

public sealed record CaseView(string TrackingNumber, string Regime, string Kind, string BodyCode, string Subject,
    string Status, string Channel, DateTimeOffset ReceivedAt, DateOnly ReceivedOn, DateOnly DueDate, string RuleVersion,
    IReadOnlyList<TimelineEntry> Timeline);

public static class CaseEndpoints
{
    public const string AccessCodeHeader = "X-Access-Code";
    public const string RateLimitPolicy = "lookups";

    // hashed when no case matches too, so a wrong tracking number takes as long as a wrong code
    private static readonly byte[] NoCase = new byte[32];

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{trackingNumber}", GetCaseAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .WithSummary("A case's status, due date and timeline, for whoever holds its access code (header X-Access-Code).");
        return app;
    }

    private static async Task<IResult> GetCaseAsync(string trackingNumber, HttpRequest request, IntakeDbContext db,
        CancellationToken cancellationToken)
    {
        var number = trackingNumber.Trim().ToUpperInvariant();
        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.TrackingNumber == number, cancellationToken);
        var code = request.Headers[AccessCodeHeader].ToString();
        if (!AccessCodes.Matches(code, record?.AccessCodeHash ?? NoCase) || record is null)
            return SubmissionEndpoints.Problem(404, "No case matches this tracking number and access code.");

        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == record.Id)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var receivedAt = new DateTimeOffset(record.ReceivedAt, TimeSpan.Zero);
        var timeline = new List<TimelineEntry> { new(receivedAt, "received", ReceivedText(record), record.DueOn) };
        timeline.AddRange(events.Select(e => new TimelineEntry(new DateTimeOffset(e.At, TimeSpan.Zero), e.Kind, e.Description, e.DueOn)));
        return Results.Ok(new CaseView(record.TrackingNumber, record.Regime, record.Kind, record.BodyCode, record.Subject,
            record.Status, record.Channel, receivedAt, record.ReceivedOn, record.DueOn, record.RuleVersion, timeline));
    }

    private static string ReceivedText(CaseRecord record) => record.Channel == "portal"
        ? $"Received on the portal on {record.ReceivedOn:yyyy-MM-dd}; an answer is due by {record.DueOn:yyyy-MM-dd}."
        : $"Received by {record.Channel} on {record.ReceivedOn:yyyy-MM-dd}; an answer is due by {record.DueOn:yyyy-MM-dd}.";
}
