using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.ServiceDefaults.Calendar;

namespace Requests.Intake.Storage.Migrations;

/// <summary>
/// Routing's calendar is kept as the last snapshot it published instead of a table of corrections: the corrections
/// are dropped, and routing's next snapshot (it publishes one at each start) brings them back.
/// </summary>
[DbContext(typeof(IntakeDbContext))]
[Migration("20261207031500_PublishedCalendar")]
public sealed class PublishedCalendarSnapshot : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("holiday_corrections");
        migrationBuilder.CreatePublishedCalendar();
    }
}
