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
        migrationBuilder.AddColumn<string>("posted_by", "notifications", nullable: true);
    }
}
