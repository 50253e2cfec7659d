namespace Requests.Domain.Calendar;

/// <summary>
/// A public holiday in Morocco. Lunar holidays are announced a day or two before they happen, so a holiday
/// whose date is a forecast is <see cref="Estimated"/> until an administrator confirms or moves it.
/// </summary>
public sealed record Holiday(DateOnly Date, string NameFr, string NameAr, HolidayKind Kind, bool Estimated,
    string Source);
