using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Intake.Storage.Migrations;

/// <summary>Each timeline step also in Arabic; the steps recorded before keep their French only.</summary>
[DbContext(typeof(IntakeDbContext))]
[Migration("20261207060000_ArabicTimeline")]
public sealed class ArabicTimeline : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("description_ar", "case_events", nullable: true);
}
