using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Intake.Storage.Migrations;

/// <summary>Filings' idempotency keys, one row per key, stored with the case (see <c>IdempotencyKeys</c>).</summary>
[DbContext(typeof(IntakeDbContext))]
[Migration("20261212000000_IdempotencyKeys")]
public sealed class IdempotencyKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("idempotency_keys", table => new
        {
            key = table.Column<string>(nullable: false),
            fingerprint = table.Column<string>(nullable: false),
            case_id = table.Column<string>(nullable: false),
            sealed_code = table.Column<string>(nullable: false),
            created_at = table.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_idempotency_keys", x => x.key));
        migrationBuilder.CreateIndex("ix_idempotency_keys_created_at", "idempotency_keys", "created_at");
    }
}
