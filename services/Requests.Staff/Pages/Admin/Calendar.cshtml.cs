using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Requests.Domain.Calendar;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Admin;

/// <summary>A year's holidays in force, the correction of an estimated one (confirmed, or moved), and every correction.</summary>
[Authorize(Roles = "admin")]
public sealed class CalendarModel(ServiceApi api, IStringLocalizer<FormPage> text, TimeProvider clock) : FormPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<HolidayEntry> Holidays { get; private set; } = [];

    public IReadOnlyList<CorrectionEntry> Corrections { get; private set; } = [];

    public static IEnumerable<int> Years => Enumerable.Range(HolidayCalendar.FirstDay.Year,
        HolidayCalendar.LastDay.Year - HolidayCalendar.FirstDay.Year + 1);

    protected override IReadOnlyDictionary<string, string> FieldMessages { get; } = new Dictionary<string, string>
    {
        ["holidayDate"] = "Choisissez un jour férié du calendrier.",
        ["newDate"] = "Une date dans les années du calendrier.",
        ["confirmed"] = "Dites si la date est annoncée officiellement.",
        ["reason"] = "Indiquez l'annonce ou la décision (1000 caractères au plus).",
    };

    protected override async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Year ??= clock.GetLocalNow().Year;
        if (!Years.Contains(Year.Value))
            return false;
        Holidays = (await Api.GetAsync<List<HolidayEntry>>(Service.Routing, $"/api/calendar/{Year}", cancellationToken)).Value ?? [];
        Corrections = (await Api.GetAsync<List<CorrectionEntry>>(Service.Routing, "/api/calendar/corrections", cancellationToken)).Value ?? [];
        return true;
    }

    public Task<IActionResult> OnPostCorrectAsync(string? holidayDate, string? newDate, bool? confirmed, string? reason,
        CancellationToken cancellationToken) =>
        SendAsync("correction", HttpMethod.Post, "/api/calendar/corrections",
            new
            {
                holidayDate = string.IsNullOrWhiteSpace(holidayDate) ? null : holidayDate,
                newDate = string.IsNullOrWhiteSpace(newDate) ? null : newDate, confirmed, reason,
            },
            "Correction enregistrée ; les échéances des dossiers ouverts ont suivi.", Url.Page("/Admin/Calendar", new { Year })!,
            cancellationToken);
}
