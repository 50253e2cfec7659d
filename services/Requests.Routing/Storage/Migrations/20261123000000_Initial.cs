using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Storage.Migrations;

[DbContext(typeof(RoutingDbContext))]
[Migration("20261123000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("bodies", table => new
        {
            code = table.Column<string>(nullable: false),
            name_fr = table.Column<string>(nullable: false),
            name_ar = table.Column<string>(nullable: false),
            sector = table.Column<string>(nullable: false),
            region = table.Column<string>(nullable: false),
            parent_code = table.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_bodies", x => x.code));

        migrationBuilder.CreateTable("officers", table => new
        {
            id = table.Column<string>(nullable: false),
            body_code = table.Column<string>(nullable: false),
            full_name = table.Column<string>(nullable: false),
            email = table.Column<string>(nullable: false),
            role = table.Column<string>(nullable: false),
            substitute_of = table.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_officers", x => x.id);
            t.ForeignKey("fk_officers_bodies_body_code", x => x.body_code, "bodies", "code", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_officers_body_code_role", "officers", ["body_code", "role"]);

        migrationBuilder.CreateTable("officer_leaves", table => new
        {
            id = table.Column<long>(nullable: false).AutoIncrement(),
            officer_id = table.Column<string>(nullable: false),
            starts_on = table.Column<DateOnly>(nullable: false),
            ends_on = table.Column<DateOnly>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_officer_leaves", x => x.id);
            t.ForeignKey("fk_officer_leaves_officers_officer_id", x => x.officer_id, "officers", "id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_officer_leaves_officer_id_starts_on", "officer_leaves", ["officer_id", "starts_on"]);

        migrationBuilder.CreateTable("cases", table => new
        {
            id = table.Column<string>(nullable: false),
            tracking_number = table.Column<string>(nullable: false),
            regime = table.Column<string>(nullable: false),
            kind = table.Column<string>(nullable: false),
            body_code = table.Column<string>(nullable: false),
            subject = table.Column<string>(nullable: false),
            description = table.Column<string>(nullable: false),
            urgent = table.Column<bool>(nullable: false),
            received_at = table.Column<DateTime>(nullable: false),
            received_on = table.Column<DateOnly>(nullable: false),
            due_on = table.Column<DateOnly>(nullable: false),
            rule_version = table.Column<string>(nullable: false),
            status = table.Column<string>(nullable: false),
            assigned_officer_id = table.Column<string>(nullable: true),
            assigned_at = table.Column<DateTime>(nullable: true),
            flag = table.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_cases", x => x.id));
        migrationBuilder.CreateIndex("ix_cases_tracking_number", "cases", "tracking_number", unique: true);
        migrationBuilder.CreateIndex("ix_cases_assigned_officer_id_status", "cases", ["assigned_officer_id", "status"]);
        migrationBuilder.CreateIndex("ix_cases_body_code_status", "cases", ["body_code", "status"]);

        migrationBuilder.CreateTable("case_audit_entries", table => new
        {
            id = table.Column<long>(nullable: false).AutoIncrement(),
            case_id = table.Column<string>(nullable: false),
            at = table.Column<DateTime>(nullable: false),
            actor = table.Column<string>(nullable: false),
            action = table.Column<string>(nullable: false),
            from_status = table.Column<string>(nullable: true),
            to_status = table.Column<string>(nullable: false),
            officer_id = table.Column<string>(nullable: true),
            note = table.Column<string>(nullable: true),
            previous_due_on = table.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_case_audit_entries", x => x.id);
            t.ForeignKey("fk_case_audit_entries_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_case_audit_entries_case_id_at", "case_audit_entries", ["case_id", "at"]);

        migrationBuilder.CreateOutboxAndInbox();
    }
}
