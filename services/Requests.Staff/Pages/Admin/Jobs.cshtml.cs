using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Admin;

/// <summary>The deadline jobs: each one's last run and result, its next run, and a run now.</summary>
[Authorize(Roles = "admin")]
public sealed class JobsModel(ServiceApi api, IStringLocalizer<FormPage> text) : FormPage(api, text)
{
    public IReadOnlyList<JobEntry> Jobs { get; private set; } = [];

    protected override async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Jobs = (await Api.GetAsync<List<JobEntry>>(Service.Routing, "/api/jobs", cancellationToken)).Value ?? [];
        return true;
    }

    public Task<IActionResult> OnPostRunAsync(string? name, CancellationToken cancellationToken) =>
        SendAsync($"job-{name}", HttpMethod.Post, $"/api/jobs/{Uri.EscapeDataString(name ?? "")}/run", null,
            "Tâche « {0} » lancée : son résultat s'affiche ici quand elle a fini.", Url.Page("/Admin/Jobs")!, cancellationToken,
            Workspace.Show.Job(name ?? ""));
}
