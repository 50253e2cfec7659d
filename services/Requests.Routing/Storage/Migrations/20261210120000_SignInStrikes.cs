using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Routing.Storage.Migrations;

/// <summary>Failed sign-ins counted in the database, so that every instance counts together; the addresses each account
/// signed in from.</summary>
[DbContext(typeof(RoutingDbContext))]
[Migration("20261210120000_SignInStrikes")]
public sealed class SignInStrikes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("sign_in_strikes", table => new
        {
            key = table.Column<string>(nullable: false),
            account = table.Column<string>(nullable: true),
            count = table.Column<int>(nullable: false),
            last_at = table.Column<DateTime>(nullable: false),
            held_until = table.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_sign_in_strikes", x => x.key));
        migrationBuilder.CreateIndex("ix_sign_in_strikes_account", "sign_in_strikes", "account");
        migrationBuilder.CreateIndex("ix_sign_in_strikes_last_at", "sign_in_strikes", "last_at");

        migrationBuilder.CreateTable("sign_in_addresses", table => new
        {
            account = table.Column<string>(nullable: false),
            address = table.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_sign_in_addresses", x => new { x.account, x.address }));
    }
}
