using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Storage.Migrations;

[DbContext(typeof(IntakeDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("cases", table => new
        {
            id = table.Column<string>(nullable: false),
            tracking_number = table.Column<string>(nullable: false),
            regime = table.Column<string>(nullable: false),
            kind = table.Column<string>(nullable: false),
            body_code = table.Column<string>(nullable: false),
            channel = table.Column<string>(nullable: false),
            language = table.Column<string>(nullable: false),
            subject = table.Column<string>(nullable: false),
            description = table.Column<string>(nullable: false),
            theme = table.Column<string>(nullable: true),
            document_type = table.Column<string>(nullable: true),
            delivery = table.Column<string>(nullable: true),
            period_from = table.Column<DateOnly>(nullable: true),
            period_to = table.Column<DateOnly>(nullable: true),
            urgent = table.Column<bool>(nullable: false),
            urgent_reason = table.Column<string>(nullable: true),
            requester_name = table.Column<string>(nullable: false),
            requester_identity = table.Column<string>(nullable: false),
            requester_email = table.Column<string>(nullable: true),
            requester_phone = table.Column<string>(nullable: true),
            requester_address = table.Column<string>(nullable: true),
            received_at = table.Column<DateTime>(nullable: false),
            received_on = table.Column<DateOnly>(nullable: false),
            due_on = table.Column<DateOnly>(nullable: false),
            rule_version = table.Column<string>(nullable: false),
            access_code_hash = table.Column<byte[]>(nullable: false),
            status = table.Column<string>(nullable: false),
            recorded_by = table.Column<string>(nullable: true),
            sequence = table.Column<int>(nullable: false),
            outcome = table.Column<string>(nullable: true),
            recourse_last_day = table.Column<DateOnly>(nullable: true),
            recourse_due_on = table.Column<DateOnly>(nullable: true),
            redirected_from = table.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_cases", x => x.id));
        migrationBuilder.CreateIndex("ix_cases_tracking_number", "cases", "tracking_number", unique: true);
        migrationBuilder.CreateIndex("ix_cases_body_code_received_on", "cases", ["body_code", "received_on"]);
        migrationBuilder.CreateIndex("ix_cases_redirected_from", "cases", "redirected_from", unique: true);

        migrationBuilder.CreateTable("case_events", table => new
        {
            id = table.Column<long>(nullable: false).AutoIncrement(),
            case_id = table.Column<string>(nullable: false),
            at = table.Column<DateTime>(nullable: false),
            kind = table.Column<string>(nullable: false),
            description = table.Column<string>(nullable: true),
            due_on = table.Column<DateOnly>(nullable: true),
            sequence = table.Column<int>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_case_events", x => x.id);
            t.ForeignKey("fk_case_events_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_case_events_case_id_at", "case_events", ["case_id", "at"]);
        migrationBuilder.CreateIndex("ix_case_events_case_id_sequence", "case_events", ["case_id", "sequence"], unique: true);

        migrationBuilder.CreateTable("tracking_counters", table => new
        {
            key = table.Column<string>(nullable: false),
            last = table.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_tracking_counters", x => x.key));

        migrationBuilder.CreateTable("holiday_corrections", table => new
        {
            id = table.Column<long>(nullable: false),
            holiday_date = table.Column<DateOnly>(nullable: false),
            new_date = table.Column<DateOnly>(nullable: true),
            confirmed = table.Column<bool>(nullable: false),
            reason = table.Column<string>(nullable: false),
            corrected_by = table.Column<string>(nullable: false),
            corrected_at = table.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_holiday_corrections", x => x.id));
        migrationBuilder.CreateIndex("ix_holiday_corrections_holiday_date", "holiday_corrections", "holiday_date");

        migrationBuilder.CreateTable("citizen_actions", table => new
        {
            id = table.Column<string>(nullable: false),
            case_id = table.Column<string>(nullable: false),
            action = table.Column<string>(nullable: false),
            text = table.Column<string>(nullable: true),
            rating = table.Column<int>(nullable: true),
            at = table.Column<DateTime>(nullable: false),
            occurred_on = table.Column<DateOnly>(nullable: false),
            state = table.Column<string>(nullable: false),
            refusal_reason = table.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_citizen_actions", x => x.id);
            t.ForeignKey("fk_citizen_actions_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_citizen_actions_case_id_at", "citizen_actions", ["case_id", "at"]);

        migrationBuilder.CreateTable("bodies", table => new
        {
            code = table.Column<string>(nullable: false),
            name_fr = table.Column<string>(nullable: false),
            name_ar = table.Column<string>(nullable: false),
            sector = table.Column<string>(nullable: false),
            region = table.Column<string>(nullable: false),
            parent_code = table.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_bodies", x => x.code));

        migrationBuilder.CreateTable("directory_versions", table => new
        {
            id = table.Column<int>(nullable: false),
            version = table.Column<long>(nullable: false),
            published_at = table.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_directory_versions", x => x.id));

        migrationBuilder.CreateOutboxAndInbox();
    }
}
