using System.Collections.Frozen;
using System.Text.Json;

namespace Requests.Domain.Lifecycle;

/// <summary>
/// The names on the wire and in the databases ("awaiting-clarification", "partially-granted"): the enum member's
/// name in kebab case. Renaming a member changes its code, so the codes are pinned by a test.
/// </summary>
public static class LifecycleCodes
{
    public static string Code<T>(T value)
        where T : struct, Enum => Codes<T>.ByValue.TryGetValue(value, out string? code)
            ? code
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Unknown {typeof(T).Name}.");

    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum => Codes<T>.ByCode.TryGetValue(code ?? "", out value);

    /// <summary>The value of <paramref name="code"/>; an unknown code is a <see cref="FormatException"/>.</summary>
    public static T Parse<T>(string? code)
        where T : struct, Enum => TryParse(code, out T value)
            ? value
            : throw new FormatException($"Unknown {typeof(T).Name} '{code}'.");

    /// <summary>Every code of an enum, in declaration order: for an error message listing what is expected.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Codes<T>.All;

    private static class Codes<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> All =
            [.. Enum.GetValues<T>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()))];

        public static readonly FrozenDictionary<string, T> ByCode =
            Enum.GetValues<T>().Zip(All).ToFrozenDictionary(p => p.Second, p => p.First, StringComparer.Ordinal);

        public static readonly FrozenDictionary<T, string> ByValue = ByCode.ToFrozenDictionary(p => p.Value, p => p.Key);
    }
}
