using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.Notifications.Delivery;

namespace Requests.Routing.Storage.Migrations;

/// <summary>Notifications sent by priority, and an officer's notices grouped when they come too fast.</summary>
[DbContext(typeof(RoutingDbContext))]
[Migration("20261209000000_NoticePriorities")]
public sealed class NoticePriorities : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddNotificationPriorities();
}
