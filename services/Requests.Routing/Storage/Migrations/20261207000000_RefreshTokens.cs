using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Routing.Storage.Migrations;

[DbContext(typeof(RoutingDbContext))]
[Migration("20261207000000_RefreshTokens")]
public sealed class RefreshTokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("staff_refresh_tokens", table => new
        {
            hash = table.Column<string>(nullable: false),
            user_id = table.Column<string>(nullable: false),
            claims_stamp = table.Column<string>(nullable: false),
            expires_at = table.Column<DateTimeOffset>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_staff_refresh_tokens", x => x.hash);
            t.ForeignKey("fk_staff_refresh_tokens_staff_users_user_id", x => x.user_id, "staff_users", "id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("ix_staff_refresh_tokens_user_id", "staff_refresh_tokens", "user_id");
    }
}
