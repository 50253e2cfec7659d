using Requests.Domain.Lifecycle;

namespace Requests.Domain.Deadlines;

/// <summary>
/// The names used in the rule table and on the wire ("recourse-head"): the member's name in kebab case, as for
/// <see cref="LifecycleCodes"/>; and the steps' French labels.
/// </summary>
public static class DeadlineCodes
{
    private static readonly string[] StepLabels =
    [
        "réponse de l'organisme",
        "recours auprès du chef de l'organisme",
        "réponse du chef de l'organisme au recours",
        "plainte auprès de la Commission (CDAI)",
        "décision de la Commission",
        "recours devant le tribunal administratif",
    ];

    public static string Code(DeadlineStep step) => LifecycleCodes.Code(step);

    public static string Code(Regime regime) => LifecycleCodes.Code(regime);

    public static string Code(DayUnit unit) => LifecycleCodes.Code(unit);

    public static string LabelFr(DeadlineStep step) => StepLabels[(int)step];

    public static bool TryParseStep(string? code, out DeadlineStep step) => LifecycleCodes.TryParse(code, out step);

    /// <summary>The step of <paramref name="code"/>; an unknown code is a <see cref="FormatException"/>.</summary>
    public static DeadlineStep ParseStep(string? code) =>
        TryParseStep(code, out var step) ? step : throw new FormatException($"Unknown deadline step '{code}'.");

    public static bool TryParseRegime(string? code, out Regime regime) => LifecycleCodes.TryParse(code, out regime);

    public static bool TryParseUnit(string? code, out DayUnit unit) => LifecycleCodes.TryParse(code, out unit);
}
