using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.Notifications.Delivery;

namespace Requests.Intake.Storage.Migrations;

/// <summary>Notifications sent by priority (the same table as routing's: a receipt is always the law's).</summary>
[DbContext(typeof(IntakeDbContext))]
[Migration("20261209000000_NoticePriorities")]
public sealed class NoticePriorities : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddNotificationPriorities();
}
