using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Intake.Storage.Migrations;

/// <summary>A body's published items by date: browsing a body (and a year) reads its latest items without sorting them all.</summary>
[DbContext(typeof(IntakeDbContext))]
[Migration("20261211000000_PublicationBrowsing")]
public sealed class PublicationBrowsing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_published_items_body_code_state", "published_items");
        migrationBuilder.CreateIndex("ix_published_items_body_code_state_date", "published_items", ["body_code", "state", "date"]);
    }
}
