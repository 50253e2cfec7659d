using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.ServiceDefaults.Calendar;

/// <summary>The calendar snapshot routing last published (one row): its version and its corrections as JSON.</summary>
public sealed class PublishedCalendarRecord
{
    public const int SingleId = 1;

    public int Id { get; set; }
    public long Version { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string Corrections { get; set; }
}

public static class PublishedCalendarModel
{
    /// <summary>Maps the published calendar's table into a service's own database.</summary>
    public static ModelBuilder AddPublishedCalendar(this ModelBuilder model)
    {
        model.Entity<PublishedCalendarRecord>(e =>
        {
            e.ToTable("PublishedCalendar");
            e.Property(c => c.Id).ValueGeneratedNever();
        });
        return model;
    }

    /// <summary>The table of <see cref="AddPublishedCalendar"/>, for a service's hand-written migration.</summary>
    public static void CreatePublishedCalendar(this MigrationBuilder migration) =>
        migration.CreateTable("published_calendar", table => new
        {
            id = table.Column<int>(nullable: false),
            version = table.Column<long>(nullable: false),
            published_at = table.Column<DateTime>(nullable: false),
            corrections = table.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_published_calendar", x => x.id));
}
