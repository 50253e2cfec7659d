using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Requests.Staff.Api;
using Requests.Staff.Pages.Admin;

namespace Requests.Staff.Pages.Bodies;

/// <summary>
/// The head's view of a body: its figures (each a link to the queue so filtered), each officer's load, leave and
/// substitutes, and the cases to hand over (overdue and escalated, or one officer's) with a reassign form each.
/// </summary>
public sealed class OverviewModel(ServiceApi api, IStringLocalizer<FormPage> text) : FormPage(api, text)
{
    public static readonly string[] Escalations = ["deadline-missed", "recourse-deadline-missed"];

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    /// <summary>One officer whose open cases are listed instead of the overdue and escalated ones.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    public BodyOverview? Body { get; private set; }

    public IReadOnlyList<QueueItem> Cases { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldMessages { get; } = new Dictionary<string, string>
    {
        ["officerId"] = "Choisissez un agent de l'organisme.",
    };

    protected override async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!(User.IsInRole("head") || User.IsInRole("admin") || User.IsInRole("ministry")))
            return false;
        var code = Uri.EscapeDataString(Code);
        var overview = await Api.GetAsync<BodyOverview>(Service.Routing, $"/api/bodies/{code}/overview", cancellationToken);
        if (overview.Value is null)
            return false;
        Body = overview.Value;
        if (Officer is { } officer && Body.Officers.Any(o => o.Id == officer))
        {
            var all = await Api.GetAsync<QueuePage>(Service.Routing, $"/api/queue?body={code}&limit=500", cancellationToken);
            Cases = [.. (all.Value?.Items ?? []).Where(c => c.AssignedOfficerId == officer)];
        }
        else
        {
            Officer = null;
            var overdue = await Api.GetAsync<QueuePage>(Service.Routing, $"/api/queue?body={code}&overdue=true&limit=200", cancellationToken);
            var escalated = await Api.GetAsync<QueuePage>(Service.Routing,
                $"/api/queue?body={code}&status={string.Join(',', Escalations)}&limit=200", cancellationToken);
            Cases = [.. (overdue.Value?.Items ?? []).Concat(escalated.Value?.Items ?? []).DistinctBy(c => c.CaseId).OrderBy(c => c.DueOn)];
        }
        return true;
    }

    public Task<IActionResult> OnPostReassignAsync(Guid caseId, string? officerId, string? trackingNumber,
        CancellationToken cancellationToken) =>
        SendAsync($"reassign-{caseId:N}", HttpMethod.Post, $"/api/cases/{caseId}/reassign", new { officerId },
            "Dossier {0} réattribué à {1}.", Url.Page("/Bodies/Overview", new { Code, Officer })!, cancellationToken,
            trackingNumber ?? "", officerId ?? "");
}
