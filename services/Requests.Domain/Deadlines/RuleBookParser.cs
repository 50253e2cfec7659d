using System.Globalization;
using System.Text.Json;

namespace Requests.Domain.Deadlines;

/// <summary>Reads rules.json strictly: an unknown name or a missing value is an error, not a silent default.</summary>
internal static class RuleBookParser
{
    private static readonly string[] RegimeFields = ["law", "redirectionRestartsClock", "steps"];

    private static readonly string[] StepFields =
        ["length", "unit", "clockStarts", "extensions", "extensionLength", "urgentLength"];

    public static RuleBook Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = Object(document.RootElement, "the rule table");
            string version = Text(root, "version", "the rule table");
            var regimes = Object(Required(root, "regimes", "the rule table"), "regimes");
            var parsed = regimes.EnumerateObject().Select(ReadRegime).ToList();
            if (parsed.DistinctBy(p => p.Regime).Count() != parsed.Count)
            {
                throw Error("regimes: a regime appears twice.");
            }

            foreach (var regime in Enum.GetValues<Regime>().Where(r => parsed.All(p => p.Regime != r)))
            {
                throw Error($"regimes: the {DeadlineCodes.Code(regime)} regime is missing.");
            }

            return new RuleBook(version, parsed);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The rule table is not valid JSON: {e.Message}", e);
        }
    }

    private static RegimeRule ReadRegime(JsonProperty property)
    {
        string where = $"regimes.{property.Name}";
        var regime = DeadlineCodes.TryParseRegime(property.Name, out var r)
            ? r
            : throw Error($"{where}: unknown regime (expected information or complaint).");
        var element = Object(property.Value, where);
        RejectUnknown(element, RegimeFields, where);
        var steps = Object(Required(element, "steps", where), $"{where}.steps")
            .EnumerateObject().Select(s => ReadStep(regime, s, $"{where}.steps.{s.Name}")).ToList();
        if (steps.DistinctBy(s => s.Step).Count() != steps.Count)
        {
            throw Error($"{where}.steps: a step appears twice.");
        }

        if (steps.All(s => s.Step != DeadlineStep.Answer))
        {
            throw Error($"{where}.steps: the answer step is missing.");
        }

        var restarts = Required(element, "redirectionRestartsClock", where);
        return new RegimeRule(regime, Text(element, "law", where),
            restarts.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? restarts.GetBoolean()
                : throw Error($"{where}.redirectionRestartsClock must be true or false."),
            steps);
    }

    private static StepRule ReadStep(Regime regime, JsonProperty property, string where)
    {
        var step = DeadlineCodes.TryParseStep(property.Name, out var s)
            ? s
            : throw Error($"{where}: unknown step (expected answer, recourse-head, head-answer, commission, commission-decision or court).");
        var element = Object(property.Value, where);
        RejectUnknown(element, StepFields, where);
        var unit = DeadlineCodes.TryParseUnit(Text(element, "unit", where), out var u)
            ? u
            : throw Error($"{where}.unit must be \"working\" or \"calendar\".");
        int extensions = Number(element, "extensions", where, optional: true, min: 0) ?? 0;
        int? extensionLength = Number(element, "extensionLength", where, optional: extensions == 0, min: 1);
        return new StepRule(regime, step, Number(element, "length", where, optional: false, min: 1)!.Value, unit,
            Text(element, "clockStarts", where), extensions, extensionLength ?? 0,
            Number(element, "urgentLength", where, optional: true, min: 1));
    }

    private static int? Number(JsonElement element, string name, string where, bool optional, int min)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return optional ? null : throw Error($"{where}.{name} is missing.");
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) && n >= min
            ? n
            : throw Error($"{where}.{name} must be a whole number of at least {min}.");
    }

    private static string Text(JsonElement element, string name, string where)
    {
        var value = Required(element, name, where);
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Error($"{where}.{name} must be a non-empty string.");
    }

    private static JsonElement Required(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) ? value : throw Error($"{where}: \"{name}\" is missing.");

    private static JsonElement Object(JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Error($"{where} must be a JSON object.");

    private static void RejectUnknown(JsonElement element, string[] known, string where)
    {
        foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            throw Error($"{where}: unknown field \"{property.Name}\".");
        }
    }

    private static FormatException Error(string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Rule table: {message}"));
}
