using Microsoft.AspNetCore.Identity;

namespace Requests.Routing.Accounts;

/// <summary>
/// Slows password guessing without letting anyone lock an account. Failures are counted per path (an account from one
/// client address), per client address and per account; past a threshold each further failure holds that key for twice
/// as long as the one before (1 s, 2 s, 4 s... at most 15 minutes), and a held attempt is refused without its password
/// being tried. A hold on the account applies only to addresses it never signed in from: its holder, on their usual
/// path, still signs in while someone elsewhere guesses. Held in memory: a restart forgives.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    private const int PerPath = 5;
    private const int PerAddress = 20;
    private const int PerAccount = 20;
    private const int UsualAddresses = 10;
    private const int MaxKeys = 100_000;
    private static readonly TimeSpan MaxHold = TimeSpan.FromMinutes(15);

    // a hash to check when there is no account, so that an unknown user takes as long to refuse as a wrong password
    private static readonly PasswordHasher<StaffUser> Hasher = new();
    private static readonly string NoAccountHash = Hasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString());

    private readonly Dictionary<string, Strikes> _strikes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _usual = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Whether this attempt is refused without trying its password.</summary>
    public bool IsHeld(string account, string address)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
            return Held(Path(account, address), now) || Held($"a|{address}", now)
                || (Held($"u|{account}", now) && !(_usual.TryGetValue(account, out var usual) && usual.Contains(address)));
    }

    /// <summary>Whether some path to the account is held now (the administrators' list shows it).</summary>
    public bool IsThrottled(string account)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
            return Held($"u|{account}", now) || _strikes.Any(s => s.Key.StartsWith($"p|{account}|", StringComparison.Ordinal) && s.Value.Until > now);
    }

    public void Failed(string account, string address)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_strikes.Count > MaxKeys)
                Prune(now);
            Strike(Path(account, address), PerPath, now);
            Strike($"a|{address}", PerAddress, now);
            Strike($"u|{account}", PerAccount, now);
        }
    }

    public void SignedIn(string account, string address)
    {
        lock (_gate)
        {
            _strikes.Remove(Path(account, address));
            if (!_usual.TryGetValue(account, out var usual))
                _usual[account] = usual = new HashSet<string>(StringComparer.Ordinal);
            if (usual.Count < UsualAddresses)
                usual.Add(address);
        }
    }

    /// <summary>An administrator set a new password: every hold on the account ends.</summary>
    public void Forgive(string account)
    {
        lock (_gate)
        {
            foreach (var key in _strikes.Keys.Where(k => k == $"u|{account}" || k.StartsWith($"p|{account}|", StringComparison.Ordinal)).ToList())
                _strikes.Remove(key);
        }
    }

    /// <summary>Takes as long as checking a password: what an attempt costs when none is checked.</summary>
    public static void CheckNoPassword(string password) =>
        Hasher.VerifyHashedPassword(new StaffUser(), NoAccountHash, password);

    private static string Path(string account, string address) => $"p|{account}|{address}";

    private bool Held(string key, DateTimeOffset now) => _strikes.TryGetValue(key, out var s) && s.Until > now;

    private void Strike(string key, int threshold, DateTimeOffset now)
    {
        if (!_strikes.TryGetValue(key, out var s) || now - s.Last > MaxHold)
            _strikes[key] = s = new Strikes();
        s.Count++;
        s.Last = now;
        if (s.Count >= threshold)
            s.Until = now + TimeSpan.FromSeconds(Math.Min(Math.Pow(2, s.Count - threshold), MaxHold.TotalSeconds));
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _strikes.Where(s => now - s.Value.Last > MaxHold && s.Value.Until <= now).Select(s => s.Key).ToList())
            _strikes.Remove(key);
    }

    private sealed class Strikes
    {
        public int Count { get; set; }
        public DateTimeOffset Last { get; set; }
        public DateTimeOffset Until { get; set; }
    }
}
