using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Storage.Migrations;

/// <summary>The messages intake wrote to requesters (the e-mails of moves that sent documents), as intake tells where they stand.</summary>
[DbContext(typeof(RoutingDbContext))]
[Migration("20261211000000_IntakeMessages")]
public sealed class IntakeMessages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("intake_messages", table => new
        {
            id = table.Column<long>(nullable: false).AutoIncrement(),
            case_id = table.Column<string>(nullable: false),
            notice_key = table.Column<string>(nullable: false),
            template = table.Column<string>(nullable: false),
            language = table.Column<string>(nullable: false),
            recipient = table.Column<string>(nullable: true),
            subject = table.Column<string>(nullable: false),
            status = table.Column<string>(nullable: false),
            attempts = table.Column<int>(nullable: false),
            created_at = table.Column<DateTime>(nullable: false),
            sent_at = table.Column<DateTime>(nullable: true),
            last_error = table.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_intake_messages", x => x.id);
            t.ForeignKey("fk_intake_messages_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_intake_messages_notice_key", "intake_messages", "notice_key", unique: true);
        migrationBuilder.CreateIndex("ix_intake_messages_case_id", "intake_messages", "case_id");
    }
}
