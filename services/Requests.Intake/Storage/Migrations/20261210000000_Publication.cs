using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Storage.Migrations;

/// <summary>
/// What bodies publish (register entries, answers made public), their history and files, and the full-text index over
/// them: an FTS5 table on SQLite, a tsvector with a GIN index on PostgreSQL (neither is in the EF model).
/// </summary>
[DbContext(typeof(IntakeDbContext))]
[Migration("20261210000000_Publication")]
public sealed class Publication : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>("publishable", "cases", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateOnly>("answered_on", "cases", nullable: true);
        migrationBuilder.AddColumn<string>("refusal_ground", "cases", nullable: true);
        migrationBuilder.AddColumn<string>("officers", "bodies", nullable: true);
        migrationBuilder.CreateTable("published_items", table => new
        {
            number = table.Column<long>(nullable: false).AutoIncrement(),
            id = table.Column<string>(nullable: false),
            kind = table.Column<string>(nullable: false),
            body_code = table.Column<string>(nullable: false),
            sector = table.Column<string>(nullable: false),
            date = table.Column<DateOnly>(nullable: false),
            version = table.Column<int>(nullable: false),
            state = table.Column<string>(nullable: false),
            updated_by = table.Column<string>(nullable: false),
            updated_at = table.Column<DateTime>(nullable: false),
            withdrawn_reason = table.Column<string>(nullable: true),
            category = table.Column<string>(nullable: true),
            title_fr = table.Column<string>(nullable: true),
            title_ar = table.Column<string>(nullable: true),
            summary_fr = table.Column<string>(nullable: true),
            summary_ar = table.Column<string>(nullable: true),
            link = table.Column<string>(nullable: true),
            case_id = table.Column<string>(nullable: true),
            subject = table.Column<string>(nullable: true),
            question = table.Column<string>(nullable: true),
            answer = table.Column<string>(nullable: true),
            outcome = table.Column<string>(nullable: true),
            ground = table.Column<string>(nullable: true),
            filed_on = table.Column<DateOnly>(nullable: true),
            delay_working_days = table.Column<int>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_published_items", x => x.number));
        migrationBuilder.CreateIndex("ix_published_items_id", "published_items", "id", unique: true);
        migrationBuilder.CreateIndex("ix_published_items_case_id", "published_items", "case_id", unique: true);
        migrationBuilder.CreateIndex("ix_published_items_state_date", "published_items", ["state", "date"]);
        migrationBuilder.CreateIndex("ix_published_items_body_code_state", "published_items", ["body_code", "state"]);

        migrationBuilder.CreateTable("published_versions", table => new
        {
            id = table.Column<long>(nullable: false).AutoIncrement(),
            item_id = table.Column<string>(nullable: false),
            version = table.Column<int>(nullable: false),
            action = table.Column<string>(nullable: false),
            content = table.Column<string>(nullable: false),
            reason = table.Column<string>(nullable: true),
            by = table.Column<string>(nullable: false),
            at = table.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_published_versions", x => x.id));
        migrationBuilder.CreateIndex("ix_published_versions_item_id_version", "published_versions", ["item_id", "version"]);

        migrationBuilder.CreateTable("published_files", table => new
        {
            id = table.Column<string>(nullable: false),
            item_id = table.Column<string>(nullable: false),
            store_id = table.Column<string>(nullable: false),
            version = table.Column<int>(nullable: false),
            current = table.Column<bool>(nullable: false),
            name = table.Column<string>(nullable: false),
            size = table.Column<long>(nullable: false),
            content_type = table.Column<string>(nullable: false),
            sha256 = table.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_published_files", x => x.id));
        migrationBuilder.CreateIndex("ix_published_files_item_id", "published_files", "item_id");

        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("CREATE TABLE publication_search (number bigint PRIMARY KEY, document tsvector NOT NULL)");
            migrationBuilder.Sql("CREATE INDEX ix_publication_search_document ON publication_search USING GIN (document)");
        }
        else
        {
            // the text is normalised before it comes here (SearchText): the tokenizer only splits it at the spaces
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE publication_search USING fts5(title, body, content='', contentless_delete=1,
                    tokenize='unicode61 remove_diacritics 0')
                """);
        }
    }
}
