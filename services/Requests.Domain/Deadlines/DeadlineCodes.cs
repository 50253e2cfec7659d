namespace Requests.Domain.Deadlines;

/// <summary>The names used in the rule table and on the wire ("recourse-head"), and their French labels.</summary>
public static class DeadlineCodes
{
    private static readonly string[] StepCodes =
        ["answer", "recourse-head", "head-answer", "commission", "commission-decision", "court"];

    private static readonly string[] StepLabels =
    [
        "réponse de l'organisme",
        "recours auprès du chef de l'organisme",
        "réponse du chef de l'organisme au recours",
        "plainte auprès de la Commission (CDAI)",
        "décision de la Commission",
        "recours devant le tribunal administratif",
    ];

    public static string Code(DeadlineStep step) => StepCodes[(int)step];

    public static string Code(Regime regime) => regime == Regime.Information ? "information" : "complaint";

    public static string Code(DayUnit unit) => unit == DayUnit.Working ? "working" : "calendar";

    public static string LabelFr(DeadlineStep step) => StepLabels[(int)step];

    public static bool TryParseStep(string? code, out DeadlineStep step)
    {
        int i = Array.IndexOf(StepCodes, code);
        step = i < 0 ? default : (DeadlineStep)i;
        return i >= 0;
    }

    /// <summary>The step of <paramref name="code"/>; an unknown code is a <see cref="FormatException"/>.</summary>
    public static DeadlineStep ParseStep(string? code) =>
        TryParseStep(code, out var step) ? step : throw new FormatException($"Unknown deadline step '{code}'.");

    public static bool TryParseRegime(string? code, out Regime regime)
    {
        regime = code == "complaint" ? Regime.Complaint : Regime.Information;
        return code is "information" or "complaint";
    }

    public static bool TryParseUnit(string? code, out DayUnit unit)
    {
        unit = code == "calendar" ? DayUnit.Calendar : DayUnit.Working;
        return code is "working" or "calendar";
    }
}
