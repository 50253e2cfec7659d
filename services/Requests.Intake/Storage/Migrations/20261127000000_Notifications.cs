using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.Notifications.Delivery;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Storage.Migrations;

/// <summary>The citizens' notices (the receipt, written with the filing) and the delivery status of routing's.</summary>
[DbContext(typeof(IntakeDbContext))]
[Migration("20261127000000_Notifications")]
public sealed class Notifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateNotifications();
        migrationBuilder.CreateTable("case_notices", table => new
        {
            id = table.Column<long>(nullable: false).AutoIncrement(),
            case_id = table.Column<string>(nullable: false),
            notice_key = table.Column<string>(nullable: false),
            template = table.Column<string>(nullable: false),
            subject = table.Column<string>(nullable: false),
            status = table.Column<string>(nullable: false),
            at = table.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_case_notices", x => x.id);
            t.ForeignKey("fk_case_notices_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_case_notices_notice_key", "case_notices", "notice_key", unique: true);
        migrationBuilder.CreateIndex("ix_case_notices_case_id", "case_notices", "case_id");
        migrationBuilder.CreateTable("receipt_notices", table => new
        {
            case_id = table.Column<string>(nullable: false),
            sealed_code = table.Column<string>(nullable: true),
            created_at = table.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_receipt_notices", x => x.case_id));
        migrationBuilder.CreateIndex("ix_receipt_notices_created_at", "receipt_notices", "created_at");
        migrationBuilder.CreateTable("receipt_keys", table => new
        {
            id = table.Column<string>(nullable: false),
            wrapped_key = table.Column<string>(nullable: false),
            created_at = table.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_receipt_keys", x => x.id));
    }
}
