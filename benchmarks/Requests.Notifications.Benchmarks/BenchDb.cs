using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.Notifications.Delivery;
using Requests.ServiceDefaults.Data;

namespace Requests.Notifications.Benchmarks;

/// <summary>A service's database reduced to its notifications table, migrated as the services do.</summary>
public sealed class BenchDb(DbContextOptions<BenchDb> options) : DbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseTextGuids();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddNotificationsTable();
        modelBuilder.UseSnakeCaseNames();
    }
}

[DbContext(typeof(BenchDb))]
[Migration("20261209000000_Notifications")]
public sealed class BenchMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateNotifications();
        migrationBuilder.AddNotificationPriorities();
    }
}
