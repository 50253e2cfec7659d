using Microsoft.EntityFrameworkCore;
using Requests.Domain.Complaints;
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
        // the closed list's codes, in its order; a theme stored as free text before the list is "other"
        Themes = [null, .. ComplaintThemes.Codes];
        var maxTheme = themes.Count == 0 ? 0 : themes.Max(t => t.Id);
        ThemeSlot = new int[maxTheme + 1];
        foreach (var theme in themes)
            ThemeSlot[theme.Id] = 1 + FactCodes.Of(ComplaintThemes.Codes, ComplaintThemes.CodeOf(theme.Code));
    }

    public BodyRecord?[] Bodies { get; }
    public int[] BodySector { get; }
    public int[] BodyRegion { get; }
    public IReadOnlyList<string> Regions { get; }
    /// <summary>The themes' codes by slot (slot 0: none).</summary>
    public string?[] Themes { get; }

    /// <summary>Each theme id's slot in <see cref="Themes"/>.</summary>
    public int[] ThemeSlot { get; }

    public BodyRecord? Body(string code) => Bodies.FirstOrDefault(b => b?.Code == code);

    public static async Task<Lookups> LoadAsync(ReportingDbContext db, CancellationToken cancellationToken) =>
        new(await db.Bodies.AsNoTracking().ToListAsync(cancellationToken),
            await db.Themes.AsNoTracking().ToListAsync(cancellationToken));
}
