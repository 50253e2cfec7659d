using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.Staff.Api;

namespace Requests.Staff.Pages;

/// <summary>The officer's queue: the cases of the caller's bodies, filtered, sorted by due date, a page at a time.</summary>
public sealed class QueueModel(ServiceApi api) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? DueWithin { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Regime { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Urgent { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public QueuePage? Result { get; private set; }

    public ApiProblem? Problem { get; private set; }

    public int Pages => Result is null ? 1 : Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var answer = await api.GetAsync<QueuePage>(Service.Routing, "/api/queue" + Query(PageNumber), cancellationToken);
        (Result, Problem) = (answer.Value, answer.Problem);
        if (Problem is not null)
            Response.StatusCode = Problem.Status;
    }

    /// <summary>Routing's query for these filters; the same filters on another page of the workspace.</summary>
    public string Query(int page, bool forApi = true)
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        Add("status", Status);
        Add("dueWithin", DueWithin?.ToString(CultureInfo.InvariantCulture));
        Add("overdue", Overdue ? "true" : null);
        Add("regime", Regime);
        Add("urgent", Urgent ? "true" : null);
        if (forApi)
        {
            Add("assignedTo", Mine ? "me" : null);
            Add("sort", Sort == "-due" ? "-due" : null);
            Add("limit", PageSize.ToString(CultureInfo.InvariantCulture));
            Add("offset", ((page - 1) * PageSize).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Add("mine", Mine ? "true" : null);
            Add("sort", Sort == "-due" ? "-due" : null);
            Add("page", page.ToString(CultureInfo.InvariantCulture));
        }
        return query.ToString();
    }
}
