using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Intake.Storage.Migrations;

/// <summary>
/// A body's published items by date, so that browsing a body (and a year) reads its latest items without sorting them
/// all; on SQLite the full-text index made anew with a column for the filters (<c>facets</c>), filled again from the
/// published items when the service starts (<c>PublicationIndex.FillAsync</c>).
/// </summary>
[DbContext(typeof(IntakeDbContext))]
[Migration("20261211000000_PublicationBrowsing")]
public sealed class PublicationBrowsing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_published_items_body_code_state", "published_items");
        migrationBuilder.CreateIndex("ix_published_items_body_code_state_date", "published_items", ["body_code", "state", "date"]);
        if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("DROP TABLE publication_search");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE publication_search USING fts5(title, body, facets, content='', contentless_delete=1,
                    tokenize='unicode61 remove_diacritics 0')
                """);
        }
    }
}
