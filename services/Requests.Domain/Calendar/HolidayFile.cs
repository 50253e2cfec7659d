using System.Globalization;
using System.Text.Json;
using Requests.Domain.Lifecycle;

namespace Requests.Domain.Calendar;

/// <summary>Reads a holiday file: <c>{ "holidays": [ { "date", "nameFr", "nameAr", "kind", "estimated", "source" } ] }</c>.</summary>
public static class HolidayFile
{
    private const string MoroccoResource = "Data.holidays-ma.json";

    public static IReadOnlyList<Holiday> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("holidays", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The holiday file needs a \"holidays\" array.");
            }

            return [.. list.EnumerateArray().Select((item, i) => ReadHoliday(item, i))];
        }
        catch (JsonException e)
        {
            throw new FormatException($"The holiday file is not valid JSON: {e.Message}", e);
        }
    }

    internal static IReadOnlyList<Holiday> LoadMorocco() => Parse(EmbeddedData.Read(MoroccoResource));

    private static Holiday ReadHoliday(JsonElement item, int index)
    {
        string Text(string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString()!
                : throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"Holiday #{index}: \"{name}\" must be a non-empty string."));

        var date = DateOnly.TryParseExact(Text("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var parsed)
            ? parsed
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"Holiday #{index}: \"date\" must be YYYY-MM-DD."));
        var kind = LifecycleCodes.TryParse(Text("kind"), out HolidayKind k)
            ? k
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"Holiday #{index}: kind \"{Text("kind")}\" is not fixed, lunar or exceptional."));
        bool estimated = item.TryGetProperty("estimated", out var flag)
            && flag.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? flag.GetBoolean()
                : throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"Holiday #{index}: \"estimated\" must be true or false."));
        return new Holiday(date, Text("nameFr"), Text("nameAr"), kind, estimated, Text("source"));
    }
}
