using System.Globalization;
using Requests.Domain.Deadlines;

namespace Requests.Intake.Calendar;

public sealed record DeadlineAnswer(string Regime, string Step, DateOnly ReceivedOn, bool Urgent, bool Extended,
    DateOnly DueOn, string RuleVersion, IReadOnlyList<string> Explanation);

public static class DeadlineEndpoints
{
    private static readonly Dictionary<string, DeadlineStep> Steps = new()
    {
        ["answer"] = DeadlineStep.Answer,
        ["recourse-head"] = DeadlineStep.RecourseHead,
        ["head-answer"] = DeadlineStep.HeadAnswer,
        ["commission"] = DeadlineStep.Commission,
        ["commission-decision"] = DeadlineStep.CommissionDecision,
        ["court"] = DeadlineStep.Court,
    };

    /// <summary>The deadline calculator anyone can use: <c>GET /api/deadlines?regime=&amp;receivedOn=&amp;step=</c>.</summary>
    public static IEndpointRouteBuilder MapDeadlineCalculator(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deadlines", (HttpRequest request, CalendarStore calendar) =>
        {
            var query = request.Query;
            var errors = new Dictionary<string, string[]>();
            var regime = Parse(errors, "regime", query["regime"], v => v switch
            {
                "information" => Regime.Information,
                "complaint" => Regime.Complaint,
                _ => (Regime?)null,
            }, "information or complaint", required: true);
            var receivedOn = Parse(errors, "receivedOn", query["receivedOn"], v =>
                DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null,
                "a date YYYY-MM-DD", required: true);
            var step = Parse(errors, "step", query["step"], v => Steps.TryGetValue(v, out var s) ? s : (DeadlineStep?)null,
                string.Join(", ", Steps.Keys), required: false) ?? DeadlineStep.Answer;
            var urgent = Parse(errors, "urgent", query["urgent"], ParseBool, "true or false", required: false) ?? false;
            var extended = Parse(errors, "extended", query["extended"], ParseBool, "true or false", required: false) ?? false;
            if (errors.Count > 0)
                return Results.ValidationProblem(errors, title: "Invalid deadline query.");
            try
            {
                var due = calendar.Compute(new DeadlineQuery(regime!.Value, step, receivedOn!.Value, urgent, extended));
                return Results.Ok(new DeadlineAnswer(query["regime"]!, Steps.First(s => s.Value == step).Key,
                    receivedOn.Value, urgent, extended, due.DueOn, due.RuleVersion, due.Explanation));
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(statusCode: 400, title: "This deadline cannot be computed.", detail: ex.Message);
            }
        }).WithSummary("Computes a legal due date with its explanation.");
        return app;
    }

    private static bool? ParseBool(string value) => value switch { "true" => true, "false" => false, _ => null };

    private static T? Parse<T>(Dictionary<string, string[]> errors, string name, string? value, Func<string, T?> parse,
        string expected, bool required) where T : struct
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
                errors[name] = [$"Required: {expected}."];
            return null;
        }
        var parsed = parse(value);
        if (parsed is null)
            errors[name] = [$"'{value}' is not {expected}."];
        return parsed;
    }
}
