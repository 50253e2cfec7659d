using System.Text.RegularExpressions;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Bodies;

/// <summary>What every change to the directory shares: one writer at a time, the same checks, the same problems.</summary>
internal static partial class DirectoryChanges
{
    public const int MaxNameLength = 300;

    /// <summary>Codes of bodies and ids of officers: upper-case letters, digits and single hyphens, e.g. <c>COM-RABAT</c>.</summary>
    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex CodePattern();

    public static string? Normalize(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    public static bool IsCode(string code) => code.Length <= 32 && CodePattern().IsMatch(code);

    /// <summary>A required text of reasonable length, or the error to give for <paramref name="field"/>.</summary>
    public static void CheckText(Dictionary<string, string[]> errors, string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors[field] = [$"Required: {what}."];
        else if (value.Trim().Length > MaxNameLength)
            errors[field] = [$"At most {MaxNameLength} characters."];
    }

    public static IResult Invalid(Dictionary<string, string[]> errors, string what) =>
        Results.ValidationProblem(errors, statusCode: 422, title: $"Invalid {what}; nothing was changed.");

    /// <summary>A 409 that names the field in conflict, as a validation problem does.</summary>
    public static IResult Conflict(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: 409,
            title: "The directory does not allow this change; nothing was changed.");

    public static IResult NotFound(string what) => Results.Problem(statusCode: 404, title: $"No {what} in the directory.");

    public static async Task<IResult> ExclusiveAsync(this WriteGate writes, Func<Task<IResult>> change, CancellationToken cancellationToken)
    {
        // one writer at a time: the checks (a second head, a duplicate code) must still hold when the change is saved
        await writes.EnterAsync(cancellationToken);
        try
        {
            return await change();
        }
        finally
        {
            writes.Exit();
        }
    }
}
