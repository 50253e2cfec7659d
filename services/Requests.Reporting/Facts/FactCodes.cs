using Requests.Domain.Lifecycle;

namespace Requests.Reporting.Facts;

/// <summary>
/// A case's small dimensions and flags packed in one integer (<c>case_facts.codes</c>), so that the year's scan
/// reads a few integer columns. Each list's position is its code: append to a list, never reorder it.
/// </summary>
public static class FactCodes
{
    public static readonly IReadOnlyList<string> Regimes = ["information", "complaint"];
    public static readonly IReadOnlyList<string> Kinds = ["request", "complaint", "observation", "suggestion"];
    public static readonly IReadOnlyList<string> Channels = ["portal", "email", "post", "counter", "phone"];

    /// <summary>Outcomes of an answer; code 0 is "none" (not answered).</summary>
    public static readonly IReadOnlyList<string> Outcomes =
        ["", "granted", "partially-granted", "refused", "not-held", "founded", "unfounded", "not-admissible", "redirected"];

    /// <summary>Refusal grounds; code 0 is "none".</summary>
    public static readonly IReadOnlyList<string> Grounds = ["", .. LifecycleCodes.All<RefusalGround>()];

    public static readonly IReadOnlyList<string> Sectors = ["ministry", "public-establishment", "territorial-collectivity", "other"];

    private const int RegimeShift = 0, KindShift = 1, ChannelShift = 3, OutcomeShift = 6, GroundShift = 10;

    public const int Urgent = 1 << 16;
    public const int Extended = 1 << 17;
    public const int Paused = 1 << 18;
    public const int Recourse = 1 << 19;
    public const int DeadlineMissed = 1 << 20;
    public const int Reopened = 1 << 21;

    public static int Regime(int codes) => (codes >> RegimeShift) & 1;

    public static int Kind(int codes) => (codes >> KindShift) & 3;

    public static int Channel(int codes) => (codes >> ChannelShift) & 7;

    public static int Outcome(int codes) => (codes >> OutcomeShift) & 15;

    public static int Ground(int codes) => (codes >> GroundShift) & 63;

    public static bool Has(int codes, int flag) => (codes & flag) != 0;

    public static int WithRegime(int codes, int regime) => Set(codes, RegimeShift, 1, regime);

    public static int WithKind(int codes, int kind) => Set(codes, KindShift, 3, kind);

    public static int WithChannel(int codes, int channel) => Set(codes, ChannelShift, 7, channel);

    public static int WithOutcome(int codes, int outcome) => Set(codes, OutcomeShift, 15, outcome);

    public static int WithGround(int codes, int ground) => Set(codes, GroundShift, 63, ground);

    /// <summary>The code of <paramref name="value"/> in <paramref name="list"/>, or -1.</summary>
    public static int Of(IReadOnlyList<string> list, string? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    private static int Set(int codes, int shift, int mask, int value) => (codes & ~(mask << shift)) | ((value & mask) << shift);
}
