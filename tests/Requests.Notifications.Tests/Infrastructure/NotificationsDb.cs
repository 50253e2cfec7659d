using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.Notifications.Delivery;
using Requests.ServiceDefaults.Data;

namespace Requests.Notifications.Tests.Infrastructure;

/// <summary>A service's database reduced to the notifications table: mapped and migrated the way a service does it.</summary>
public sealed class NotificationsDb(DbContextOptions<NotificationsDb> options) : DbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseTextGuids();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddNotificationsTable();
        modelBuilder.UseSnakeCaseNames();
    }
}

[DbContext(typeof(NotificationsDb))]
[Migration("20261123000000_Notifications")]
public sealed class NotificationsMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateNotifications();
}

[DbContext(typeof(NotificationsDb))]
[Migration("20261209000000_NoticePriorities")]
public sealed class NoticePrioritiesMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddNotificationPriorities();
}
