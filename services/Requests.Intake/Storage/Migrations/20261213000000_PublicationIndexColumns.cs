using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Intake.Storage.Migrations;

/// <summary>
/// On SQLite the full-text index made anew with <c>detail=column</c>: it keeps in which columns each word is, not where
/// in them. A search needs no more (every word is looked for on its own, never as a phrase), and the index is less than
/// half as large, so a search over words that many items hold reads that much less. Filled again from the published
/// items when the service starts (<c>PublicationIndex.FillAsync</c>).
/// </summary>
[DbContext(typeof(IntakeDbContext))]
[Migration("20261213000000_PublicationIndexColumns")]
public sealed class PublicationIndexColumns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            return;
        migrationBuilder.Sql("DROP TABLE publication_search");
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE publication_search USING fts5(title, body, facets, content='', contentless_delete=1,
                detail=column, tokenize='unicode61 remove_diacritics 0')
            """);
    }
}
