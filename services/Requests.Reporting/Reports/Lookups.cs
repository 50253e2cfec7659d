using Microsoft.EntityFrameworkCore;
using Requests.Reporting.Facts;
using Requests.Reporting.Storage;

namespace Requests.Reporting.Reports;

/// <summary>Bodies and themes by id, with each body's sector and region as small indexes for the year's pass.</summary>
public sealed class Lookups
{
    private Lookups(IReadOnlyList<BodyRecord> bodies, IReadOnlyList<ThemeRecord> themes)
    {
        var maxBody = bodies.Count == 0 ? 0 : bodies.Max(b => b.Id);
        Bodies = new BodyRecord?[maxBody + 1];
        BodySector = new int[maxBody + 1];
        BodyRegion = new int[maxBody + 1];
        var regions = new List<string>();
        foreach (var body in bodies)
        {
            Bodies[body.Id] = body;
            var sector = FactCodes.Of(FactCodes.Sectors, body.Sector);
            BodySector[body.Id] = sector < 0 ? FactCodes.Of(FactCodes.Sectors, "other") : sector;
            var region = regions.IndexOf(body.Region);
            if (region < 0)
            {
                region = regions.Count;
                regions.Add(body.Region);
            }
            BodyRegion[body.Id] = region;
        }
        Regions = regions;
        var maxTheme = themes.Count == 0 ? 0 : themes.Max(t => t.Id);
        Themes = new string?[maxTheme + 1];
        foreach (var theme in themes)
            Themes[theme.Id] = theme.Code;
    }

    public BodyRecord?[] Bodies { get; }
    public int[] BodySector { get; }
    public int[] BodyRegion { get; }
    public IReadOnlyList<string> Regions { get; }
    public string?[] Themes { get; }

    public BodyRecord? Body(string code) => Bodies.FirstOrDefault(b => b?.Code == code);

    public static async Task<Lookups> LoadAsync(ReportingDbContext db, CancellationToken cancellationToken) =>
        new(await db.Bodies.AsNoTracking().ToListAsync(cancellationToken),
            await db.Themes.AsNoTracking().ToListAsync(cancellationToken));
}
