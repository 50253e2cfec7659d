using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.ServiceDefaults.Data;

namespace Requests.Reporting.Storage.Migrations;

[DbContext(typeof(ReportingDbContext))]
[Migration("20261127000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("case_facts", table => new
        {
            id = table.Column<long>(nullable: false).AutoIncrement(),
            case_id = table.Column<string>(nullable: false),
            tracking_number = table.Column<string>(nullable: true),
            body_id = table.Column<int>(nullable: false),
            theme_id = table.Column<int>(nullable: false),
            codes = table.Column<int>(nullable: false),
            received_day = table.Column<int>(nullable: true),
            due_day = table.Column<int>(nullable: true),
            answered_day = table.Column<int>(nullable: true),
            closed_day = table.Column<int>(nullable: true),
            rating = table.Column<int>(nullable: true),
            sequence = table.Column<int>(nullable: false),
            due_set_at = table.Column<long>(nullable: false),
            status = table.Column<string>(nullable: true),
            source = table.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_case_facts", x => x.id));
        migrationBuilder.CreateIndex("ix_case_facts_case_id", "case_facts", "case_id", unique: true);
        migrationBuilder.CreateIndex("ix_case_facts_year", "case_facts",
            ["received_day", "body_id", "theme_id", "codes", "due_day", "answered_day", "closed_day", "id"]);

        migrationBuilder.CreateTable("bodies", table => new
        {
            id = table.Column<int>(nullable: false).AutoIncrement(),
            code = table.Column<string>(nullable: false),
            name = table.Column<string>(nullable: true),
            sector = table.Column<string>(nullable: false),
            region = table.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_bodies", x => x.id));
        migrationBuilder.CreateIndex("ix_bodies_code", "bodies", "code", unique: true);

        migrationBuilder.CreateTable("themes", table => new
        {
            id = table.Column<int>(nullable: false).AutoIncrement(),
            code = table.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_themes", x => x.id));
        migrationBuilder.CreateIndex("ix_themes_code", "themes", "code", unique: true);

        migrationBuilder.CreateTable("directory_versions", table => new
        {
            id = table.Column<int>(nullable: false),
            version = table.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_directory_versions", x => x.id));

        migrationBuilder.CreateTable("fact_years", table => new
        {
            year = table.Column<int>(nullable: false),
            version = table.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_fact_years", x => x.year));

        migrationBuilder.CreateTable("holiday_corrections", table => new
        {
            id = table.Column<long>(nullable: false),
            holiday_date = table.Column<DateOnly>(nullable: false),
            new_date = table.Column<DateOnly>(nullable: true),
            confirmed = table.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_holiday_corrections", x => x.id));

        migrationBuilder.CreateOutboxAndInbox();
    }
}
