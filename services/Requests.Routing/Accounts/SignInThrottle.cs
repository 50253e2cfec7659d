using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Accounts;

/// <summary>
/// Slows password guessing without letting anyone lock an account. Failures are counted per path (an account from one
/// client address), per client address and per account; past a threshold each further failure holds that key for twice
/// as long as the one before (1 s, 2 s, 4 s... at most 15 minutes), and a held attempt is refused without its password
/// being tried. A hold on the account applies only to addresses it signed in from never (it keeps its first ten): its
/// holder, on their usual path, still signs in while someone elsewhere guesses. The counts are rows of routing's
/// database (<c>sign_in_strikes</c>, each failure one atomic update of its row), so every instance counts together and
/// a restart forgives nothing.
/// </summary>
public sealed class SignInThrottle(RoutingDbContext db, WriteGate writes, TimeProvider clock)
{
    private const int PerPath = 5;
    private const int PerAddress = 20;
    private const int PerAccount = 20;
    private const int UsualAddresses = 10;
    private static readonly TimeSpan MaxHold = TimeSpan.FromMinutes(15);

    // a hash to check when there is no account, so that an unknown user takes as long to refuse as a wrong password
    private static readonly PasswordHasher<StaffUser> Hasher = new();
    private static readonly string NoAccountHash = Hasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString());

    /// <summary>Whether this attempt is refused without trying its password.</summary>
    public async Task<bool> IsHeldAsync(string account, string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        string[] keys = [PathKey(account, address), AddressKey(address), AccountKey(account)];
        var held = await db.SignInStrikes.AsNoTracking().Where(s => keys.Contains(s.Key) && s.HeldUntil > now)
            .Select(s => s.Key).ToListAsync(cancellationToken);
        return held.Contains(keys[0]) || held.Contains(keys[1]) || (held.Contains(keys[2])
            && !await db.SignInAddresses.AnyAsync(a => a.Account == account && a.Address == address, cancellationToken));
    }

    /// <summary>The accounts to which some path is held now (the administrators' list shows them).</summary>
    public async Task<HashSet<string>> ThrottledAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await db.SignInStrikes.AsNoTracking().Where(s => s.Account != null && s.HeldUntil > now)
            .Select(s => s.Account!).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task FailedAsync(string account, string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var held = await writes.HoldAsync(cancellationToken);
        await db.SignInStrikes.Where(s => s.LastAt < now - MaxHold && s.HeldUntil <= now).ExecuteDeleteAsync(cancellationToken);
        await StrikeAsync(PathKey(account, address), account, PerPath, now, cancellationToken);
        await StrikeAsync(AddressKey(address), null, PerAddress, now, cancellationToken);
        await StrikeAsync(AccountKey(account), account, PerAccount, now, cancellationToken);
    }

    public async Task SignedInAsync(string account, string address, CancellationToken cancellationToken)
    {
        var path = PathKey(account, address);
        using var held = await writes.HoldAsync(cancellationToken);
        await db.SignInStrikes.Where(s => s.Key == path).ExecuteDeleteAsync(cancellationToken);
        if (await db.SignInAddresses.CountAsync(a => a.Account == account, cancellationToken) < UsualAddresses)
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO sign_in_addresses (account, address) VALUES ({account}, {address}) ON CONFLICT DO NOTHING", cancellationToken);
    }

    /// <summary>An administrator set a new password: every hold on the account ends.</summary>
    public async Task ForgiveAsync(string account, CancellationToken cancellationToken)
    {
        using var held = await writes.HoldAsync(cancellationToken);
        await db.SignInStrikes.Where(s => s.Account == account).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Takes as long as checking a password: what an attempt costs when none is checked.</summary>
    public static void CheckNoPassword(string password) =>
        Hasher.VerifyHashedPassword(new StaffUser(), NoAccountHash, password);

    private static string PathKey(string account, string address) => $"p|{account}|{address}";

    private static string AddressKey(string address) => $"a|{address}";

    private static string AccountKey(string account) => $"u|{account}";

    /// <summary>Counts one failure on <paramref name="key"/> in one statement (a count idle for longer than the longest
    /// hold starts again), then holds the key when the count has reached <paramref name="threshold"/>.</summary>
    private async Task StrikeAsync(string key, string? account, int threshold, DateTime now, CancellationToken cancellationToken)
    {
        var count = (await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_strikes (key, account, count, last_at, held_until) VALUES ({key}, {account}, 1, {now}, {now})
            ON CONFLICT (key) DO UPDATE SET last_at = excluded.last_at,
                count = CASE WHEN sign_in_strikes.last_at < {now - MaxHold} THEN 1 ELSE sign_in_strikes.count + 1 END
            RETURNING count AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        if (count < threshold)
            return;
        var until = now + TimeSpan.FromSeconds(Math.Min(Math.Pow(2, count - threshold), MaxHold.TotalSeconds));
        await db.SignInStrikes.Where(s => s.Key == key && s.HeldUntil < until)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.HeldUntil, until), cancellationToken);
    }
}

/// <summary>The failed sign-ins counted on one key: a path (<c>p|account|address</c>), an address (<c>a|address</c>) or
/// an account (<c>u|account</c>).</summary>
public sealed class SignInStrike
{
    public required string Key { get; init; }

    /// <summary>The account a path or account key is about; null for an address.</summary>
    public string? Account { get; init; }

    public int Count { get; init; }

    public DateTime LastAt { get; init; }

    public DateTime HeldUntil { get; init; }
}

/// <summary>An address an account signed in from (its first ten): a hold on the account does not apply there.</summary>
public sealed class SignInAddress
{
    public required string Account { get; init; }

    public required string Address { get; init; }
}
