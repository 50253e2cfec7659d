using System.Collections.Frozen;
using System.Security.Claims;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Cases;

/// <summary>Who sees which cases and may make which moves. Officers and heads see every case of the bodies they are
/// designated for and nothing else (another body's case does not exist for them: 404); the ministry reads all and acts on
/// none; administrators do everything. Only a head (or an administrator) answers a recourse.</summary>
public static class CaseAccess
{
    /// <summary>The staff actions, as posted to <c>/api/cases/{id}/{action}</c>, and the move each makes.</summary>
    public static readonly FrozenDictionary<string, CaseTrigger> Actions = new Dictionary<string, CaseTrigger>
    {
        ["accept"] = CaseTrigger.Accept,
        ["ask-clarification"] = CaseTrigger.AskClarification,
        ["receive-clarification"] = CaseTrigger.ReceiveClarification,
        ["extend"] = CaseTrigger.Extend,
        ["answer"] = CaseTrigger.Answer,
        ["redirect"] = CaseTrigger.Redirect,
        ["close"] = CaseTrigger.Close,
        ["reassign"] = CaseTrigger.Assign,
        ["answer-recourse"] = CaseTrigger.AnswerRecourse,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<CaseTrigger, string> ActionOf = Actions.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// <summary>The statuses in which an answer is still owed: the body's (a hand-over is possible) or the head's.</summary>
    public static readonly IReadOnlyList<string> OpenStatuses = [.. Enum.GetValues<CaseStatus>()
        .Where(s => Enum.GetValues<Regime>().Any(r => CaseLifecycle.Allowed(r, s)
            .Any(t => t is CaseTrigger.Assign or CaseTrigger.AnswerRecourse)))
        .Select(LifecycleCodes.Code)];

    public static IQueryable<RoutedCase> VisibleTo(this IQueryable<RoutedCase> cases, ClaimsPrincipal user)
    {
        if (user.SeesAllBodies())
            return cases;
        var bodies = user.Bodies().ToArray();
        return cases.Where(c => bodies.Contains(c.BodyCode));
    }

    /// <summary>Officers, heads and administrators act on cases; the ministry only reads them.</summary>
    public static bool ActsOnCases(ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Officer) || user.IsInRole(StaffRoles.Head) || user.IsInRole(StaffRoles.Admin);

    /// <summary>Whether the account's role may make this move on a case it sees.</summary>
    public static bool MayMake(this ClaimsPrincipal user, CaseTrigger trigger) =>
        user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Head)
        || (user.IsInRole(StaffRoles.Officer) && trigger != CaseTrigger.AnswerRecourse);

    /// <summary>The actions the table allows from the case's status that this account may take.</summary>
    public static IReadOnlyList<string> AllowedActions(ClaimsPrincipal user, RoutedCase routed) =>
    [
        .. CaseLifecycle.Allowed(CaseClock.RegimeOf(routed), CaseClock.StatusOf(routed))
            .Where(t => ActionOf.ContainsKey(t) && user.MayMake(t))
            .Select(t => ActionOf[t]),
    ];
}
