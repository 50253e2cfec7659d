using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.Notifications.Delivery;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Storage.Migrations;

[DbContext(typeof(RoutingDbContext))]
[Migration("20261123000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("staff_users", table => new
        {
            id = table.Column<string>(nullable: false),
            role = table.Column<string>(nullable: false),
            user_name = table.Column<string>(maxLength: 256, nullable: true),
            normalized_user_name = table.Column<string>(maxLength: 256, nullable: true),
            email = table.Column<string>(maxLength: 256, nullable: true),
            normalized_email = table.Column<string>(maxLength: 256, nullable: true),
            email_confirmed = table.Column<bool>(nullable: false),
            password_hash = table.Column<string>(nullable: true),
            security_stamp = table.Column<string>(nullable: true),
            concurrency_stamp = table.Column<string>(nullable: true),
            phone_number = table.Column<string>(nullable: true),
            phone_number_confirmed = table.Column<bool>(nullable: false),
            two_factor_enabled = table.Column<bool>(nullable: false),
            lockout_end = table.Column<DateTimeOffset>(nullable: true),
            lockout_enabled = table.Column<bool>(nullable: false),
            access_failed_count = table.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_staff_users", x => x.id));
        migrationBuilder.CreateIndex("email_index", "staff_users", "normalized_email");
        migrationBuilder.CreateIndex("user_name_index", "staff_users", "normalized_user_name", unique: true);

        migrationBuilder.CreateTable("staff_user_claims", table => new
        {
            id = table.Column<int>(nullable: false).AutoIncrement(),
            user_id = table.Column<string>(nullable: false),
            claim_type = table.Column<string>(nullable: true),
            claim_value = table.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_staff_user_claims", x => x.id);
            t.ForeignKey("fk_staff_user_claims_staff_users_user_id", x => x.user_id, "staff_users", "id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_staff_user_claims_user_id", "staff_user_claims", "user_id");

        migrationBuilder.CreateTable("staff_user_logins", table => new
        {
            login_provider = table.Column<string>(nullable: false),
            provider_key = table.Column<string>(nullable: false),
            provider_display_name = table.Column<string>(nullable: true),
            user_id = table.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_staff_user_logins", x => new { x.login_provider, x.provider_key });
            t.ForeignKey("fk_staff_user_logins_staff_users_user_id", x => x.user_id, "staff_users", "id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_staff_user_logins_user_id", "staff_user_logins", "user_id");

        migrationBuilder.CreateTable("staff_user_tokens", table => new
        {
            user_id = table.Column<string>(nullable: false),
            login_provider = table.Column<string>(nullable: false),
            name = table.Column<string>(nullable: false),
            value = table.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_staff_user_tokens", x => new { x.user_id, x.login_provider, x.name });
            t.ForeignKey("fk_staff_user_tokens_staff_users_user_id", x => x.user_id, "staff_users", "id", onDelete: ReferentialAction.Cascade);
        });

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
            account_id = table.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_officers", x => x.id);
            t.ForeignKey("fk_officers_staff_users_account_id", x => x.account_id, "staff_users", "id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("fk_officers_bodies_body_code", x => x.body_code, "bodies", "code", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_officers_body_code_role", "officers", ["body_code", "role"]);
        migrationBuilder.CreateIndex("ix_officers_account_id", "officers", "account_id");

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
            clock_starts_on = table.Column<DateOnly>(nullable: false),
            status = table.Column<string>(nullable: false),
            assigned_officer_id = table.Column<string>(nullable: true),
            assigned_at = table.Column<DateTime>(nullable: true),
            flag = table.Column<string>(nullable: true),
            channel = table.Column<string>(nullable: false),
            theme = table.Column<string>(nullable: true),
            language = table.Column<string>(nullable: false),
            requester_name = table.Column<string>(nullable: true),
            requester_email = table.Column<string>(nullable: true),
            requester_address = table.Column<string>(nullable: true),
            version = table.Column<int>(nullable: false),
            extension_reasons = table.Column<string>(nullable: true),
            paused_since = table.Column<DateOnly>(nullable: true),
            outcome = table.Column<string>(nullable: true),
            refusal_ground = table.Column<string>(nullable: true),
            answer_text = table.Column<string>(nullable: true),
            answered_on = table.Column<DateOnly>(nullable: true),
            recourse_last_day = table.Column<DateOnly>(nullable: true),
            recourse_filed_on = table.Column<DateOnly>(nullable: true),
            recourse_text = table.Column<string>(nullable: true),
            recourse_due_on = table.Column<DateOnly>(nullable: true),
            recourse_outcome = table.Column<string>(nullable: true),
            recourse_answer_text = table.Column<string>(nullable: true),
            redirected_to = table.Column<string>(nullable: true),
            redirected_from = table.Column<string>(nullable: true),
            close_reason = table.Column<string>(nullable: true),
            rating = table.Column<int>(nullable: true),
            alert_deadline = table.Column<string>(nullable: true),
            alert_stage = table.Column<int>(nullable: false),
            next_alert_on = table.Column<DateOnly>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_cases", x => x.id));
        migrationBuilder.CreateIndex("ix_cases_tracking_number", "cases", "tracking_number", unique: true);
        migrationBuilder.CreateIndex("ix_cases_assigned_officer_id_status", "cases", ["assigned_officer_id", "status"]);
        migrationBuilder.CreateIndex("ix_cases_body_code_status_due_on", "cases", ["body_code", "status", "due_on"]);
        migrationBuilder.CreateIndex("ix_cases_next_alert_on", "cases", "next_alert_on", filter: "next_alert_on IS NOT NULL");

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

        migrationBuilder.CreateTable("case_pauses", table => new
        {
            id = table.Column<long>(nullable: false).AutoIncrement(),
            case_id = table.Column<string>(nullable: false),
            starts_on = table.Column<DateOnly>(nullable: false),
            ends_on = table.Column<DateOnly>(nullable: true),
            question = table.Column<string>(nullable: false),
            answer = table.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_case_pauses", x => x.id);
            t.ForeignKey("fk_case_pauses_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_case_pauses_case_id_starts_on", "case_pauses", ["case_id", "starts_on"]);

        migrationBuilder.CreateTable("holiday_corrections", table => new
        {
            id = table.Column<long>(nullable: false).AutoIncrement(),
            holiday_date = table.Column<DateOnly>(nullable: false),
            new_date = table.Column<DateOnly>(nullable: true),
            confirmed = table.Column<bool>(nullable: false),
            reason = table.Column<string>(nullable: false),
            corrected_by = table.Column<string>(nullable: false),
            corrected_at = table.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_holiday_corrections", x => x.id));

        migrationBuilder.CreateOutboxAndInbox();
        migrationBuilder.CreateNotifications();
        migrationBuilder.CreateTable("alert_notices", table => new
        {
            id = table.Column<long>(nullable: false).AutoIncrement(),
            case_id = table.Column<string>(nullable: false),
            kind = table.Column<string>(nullable: false),
            sequence = table.Column<int>(nullable: false),
            deadline = table.Column<string>(nullable: false),
            due_on = table.Column<DateOnly>(nullable: false),
            working_days_left = table.Column<int>(nullable: false),
            recourse_last_day = table.Column<DateOnly>(nullable: true),
            at = table.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_alert_notices", x => x.id));
    }
}
