using System.Collections.Frozen;
using System.Text;

namespace Requests.Domain.Lifecycle;

/// <summary>
/// The names on the wire and in the databases ("awaiting-clarification", "partially-granted"): the enum member's
/// name in kebab case. Renaming a member changes its code, so the codes are pinned by a test.
/// </summary>
public static class LifecycleCodes
{
    public static string Code(CaseStatus status) => Codes<CaseStatus>.Of(status);

    public static string Code(CaseTrigger trigger) => Codes<CaseTrigger>.Of(trigger);

    public static string Code(AnswerOutcome outcome) => Codes<AnswerOutcome>.Of(outcome);

    public static string Code(ComplaintOutcome outcome) => Codes<ComplaintOutcome>.Of(outcome);

    public static bool TryParse(string? code, out CaseStatus status) => Codes<CaseStatus>.TryParse(code, out status);

    public static bool TryParse(string? code, out CaseTrigger trigger) => Codes<CaseTrigger>.TryParse(code, out trigger);

    public static bool TryParse(string? code, out AnswerOutcome outcome) => Codes<AnswerOutcome>.TryParse(code, out outcome);

    public static bool TryParse(string? code, out ComplaintOutcome outcome) => Codes<ComplaintOutcome>.TryParse(code, out outcome);

    /// <summary>The value of <paramref name="code"/>; an unknown code is a <see cref="FormatException"/>.</summary>
    public static T Parse<T>(string? code)
        where T : struct, Enum => Codes<T>.TryParse(code, out var value)
            ? value
            : throw new FormatException($"Unknown {typeof(T).Name} '{code}'.");

    /// <summary>Every code of an enum, in declaration order: for an error message listing what is expected.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Codes<T>.All;

    private static class Codes<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<T>().Select(v => Kebab(v.ToString()))];

        private static readonly FrozenDictionary<string, T> ByCode =
            Enum.GetValues<T>().ToFrozenDictionary(v => Kebab(v.ToString()), StringComparer.Ordinal);

        private static readonly FrozenDictionary<T, string> ByValue = ByCode.ToFrozenDictionary(p => p.Value, p => p.Key);

        public static string Of(T value) => ByValue.TryGetValue(value, out string? code)
            ? code
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Unknown {typeof(T).Name}.");

        public static bool TryParse(string? code, out T value) => ByCode.TryGetValue(code ?? "", out value);

        private static string Kebab(string name)
        {
            var text = new StringBuilder(name.Length + 4);
            foreach (char c in name)
            {
                if (char.IsUpper(c) && text.Length > 0)
                {
                    text.Append('-');
                }

                text.Append(char.ToLowerInvariant(c));
            }

            return text.ToString();
        }
    }
}
