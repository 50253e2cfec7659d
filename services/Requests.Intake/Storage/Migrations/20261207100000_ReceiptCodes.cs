using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Intake.Storage.Migrations;

/// <summary>
/// A receipt's sealed access code kept beside its e-mail until it is sent (<c>receipt_codes</c>), no longer in the
/// e-mail's text. Receipts written before: a pending one's code (the first placeholder of its text, which the template
/// puts before anything the citizen wrote) moves to the new table; a sent or failed one's is erased from its text.
/// </summary>
[DbContext(typeof(IntakeDbContext))]
[Migration("20261207100000_ReceiptCodes")]
public sealed class ReceiptCodes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("receipt_codes", table => new
        {
            case_id = table.Column<string>(nullable: false),
            placeholder = table.Column<string>(nullable: false),
            sealed_code = table.Column<string>(nullable: false),
            created_at = table.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_receipt_codes", x => x.case_id));

        var find = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "strpos" : "instr";
        var rest = $"substr(text, {find}(text, '[[access-code:') + 14)";
        var placeholder = $"'[[access-code:' || substr({rest}, 1, {find}({rest}, ']]') - 1) || ']]'";
        var legacy = $"template = 'receipt' AND case_id IS NOT NULL AND {find}(text, '[[access-code:') > 0 AND {find}({rest}, ']]') > 1";
        migrationBuilder.Sql($"""
            INSERT INTO receipt_codes (case_id, placeholder, sealed_code, created_at)
            SELECT case_id, {placeholder}, substr({rest}, 1, {find}({rest}, ']]') - 1), created_at
            FROM notifications WHERE status = 'pending' AND {legacy}
            """);
        migrationBuilder.Sql($"""
            UPDATE notifications SET html = replace(html, {placeholder}, '-'), text = replace(text, {placeholder}, '-')
            WHERE status <> 'pending' AND {legacy}
            """);
    }
}
