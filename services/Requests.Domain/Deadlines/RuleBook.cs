using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Requests.Domain.Deadlines;

/// <summary>
/// The rule table: deadlines as data, versioned, so that a body or a court reading can get its own table and each
/// due date records the version that produced it.
/// </summary>
public sealed class RuleBook
{
    private static readonly int StepCount = Enum.GetValues<DeadlineStep>().Length;
    private static readonly Lazy<RuleBook> Embedded = new(() => Parse(EmbeddedData.Read("Data.rules.json")));

    private readonly StepRule?[] _steps;
    private readonly RegimeRule[] _regimes;

    internal RuleBook(string version, IReadOnlyList<RegimeRule> regimes)
    {
        Version = version;
        _regimes = new RegimeRule[Enum.GetValues<Regime>().Length];
        _steps = new StepRule?[_regimes.Length * StepCount];
        foreach (var regime in regimes)
        {
            _regimes[(int)regime.Regime] = regime;
            foreach (var step in regime.Steps)
            {
                _steps[Index(regime.Regime, step.Step)] = step;
            }
        }
    }

    /// <summary>The table shipped with this version of the code (Data/rules.json).</summary>
    public static RuleBook Current => Embedded.Value;

    public string Version { get; }

    /// <summary>Reads a rule table; a malformed one throws a <see cref="FormatException"/> saying what is wrong where.</summary>
    public static RuleBook Parse(string json) => RuleBookParser.Parse(json);

    public RegimeRule For(Regime regime) => _regimes[(int)regime];

    public bool TryGetRule(Regime regime, DeadlineStep step, [NotNullWhen(true)] out StepRule? rule)
    {
        int i = Index(regime, step);
        rule = (uint)i < (uint)_steps.Length ? _steps[i] : null;
        return rule is not null;
    }

    /// <summary>A step's rule; a step the regime does not have is a bad query (<see cref="ArgumentException"/>).</summary>
    public StepRule Rule(Regime regime, DeadlineStep step) => TryGetRule(regime, step, out var rule)
        ? rule
        : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"The {DeadlineCodes.Code(regime)} regime has no step '{DeadlineCodes.Code(step)}' in rule table {Version}."),
            nameof(step));

    private static int Index(Regime regime, DeadlineStep step) => ((int)regime * StepCount) + (int)step;
}
