using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Routing.Storage.Migrations;

/// <summary>Refresh tokens in families, a used one kept until it expires: its second use ends the family.</summary>
[DbContext(typeof(RoutingDbContext))]
[Migration("20261210000000_RefreshTokenFamilies")]
public sealed class RefreshTokenFamilies : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("family", "staff_refresh_tokens", nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<DateTimeOffset>("used_at", "staff_refresh_tokens", nullable: true);
        migrationBuilder.Sql("UPDATE staff_refresh_tokens SET family = hash");
        migrationBuilder.CreateIndex("ix_staff_refresh_tokens_family", "staff_refresh_tokens", "family");
    }
}
