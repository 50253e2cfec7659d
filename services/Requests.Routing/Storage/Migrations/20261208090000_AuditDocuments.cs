using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Requests.Routing.Storage.Migrations;

/// <summary>The documents a move sent (their references; intake keeps the files), or the one staff downloaded.</summary>
[DbContext(typeof(RoutingDbContext))]
[Migration("20261208090000_AuditDocuments")]
public sealed class AuditDocuments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("documents", "case_audit_entries", nullable: true);
}
