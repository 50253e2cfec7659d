using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Intake.Storage.Migrations;

/// <summary>A case's documents; their bytes in <c>document_chunks</c> when the database keeps them (PostgreSQL).</summary>
[DbContext(typeof(IntakeDbContext))]
[Migration("20261208090000_Documents")]
public sealed class Documents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("documents", table => new
        {
            id = table.Column<string>(nullable: false),
            case_id = table.Column<string>(nullable: false),
            step = table.Column<string>(nullable: true),
            name = table.Column<string>(nullable: false),
            size = table.Column<long>(nullable: false),
            declared_type = table.Column<string>(nullable: true),
            content_type = table.Column<string>(nullable: false),
            sha256 = table.Column<string>(nullable: false),
            added_by = table.Column<string>(nullable: false),
            added_at = table.Column<DateTime>(nullable: false),
            state = table.Column<string>(nullable: false),
            sequence = table.Column<int>(nullable: true),
            action_id = table.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_documents", x => x.id);
            t.ForeignKey("fk_documents_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_documents_case_id", "documents", "case_id");
        migrationBuilder.CreateTable("document_chunks", table => new
        {
            document_id = table.Column<string>(nullable: false),
            number = table.Column<int>(nullable: false),
            data = table.Column<byte[]>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_document_chunks", x => new { x.document_id, x.number }));
    }
}
