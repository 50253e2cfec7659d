using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Reporting.Storage.Migrations;

/// <summary>
/// Each fact carries the data version of its year at its last write, so that a report catches up on the facts it
/// holds in memory instead of reading the whole year again; facts that left a year are listed for that year.
/// </summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("20261128000000_FactVersions")]
public sealed class FactVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("year", "case_facts", nullable: true);
        migrationBuilder.AddColumn<long>("version", "case_facts", nullable: false, defaultValue: 0L);
        migrationBuilder.CreateIndex("ix_case_facts_year_version", "case_facts", ["year", "version"]);

        migrationBuilder.CreateTable("fact_departures", table => new
        {
            year = table.Column<int>(nullable: false),
            version = table.Column<long>(nullable: false),
            fact_id = table.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_fact_departures", x => new { x.year, x.version, x.fact_id }));
    }
}
