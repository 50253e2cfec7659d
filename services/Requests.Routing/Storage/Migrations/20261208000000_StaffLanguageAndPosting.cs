using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Routing.Storage.Migrations;

[DbContext(typeof(RoutingDbContext))]
[Migration("20261208000000_StaffLanguageAndPosting")]
public sealed class StaffLanguageAndPosting : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("language", "staff_users", maxLength: 2, nullable: false, defaultValue: "fr");
        migrationBuilder.AddColumn<bool>("disabled", "staff_users", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>("language", "officers", maxLength: 2, nullable: false, defaultValue: "fr");
        migrationBuilder.CreateTable("posted_letters", table => new
        {
            notification_id = table.Column<long>(nullable: false),
            posted_by = table.Column<string>(nullable: false),
            posted_at = table.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_posted_letters", x => x.notification_id);
            t.ForeignKey("fk_posted_letters_notifications_notification_id", x => x.notification_id, "notifications", "id",
                onDelete: ReferentialAction.Cascade);
        });
    }
}
