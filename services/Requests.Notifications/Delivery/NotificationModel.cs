using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Requests.ServiceDefaults.Data;

namespace Requests.Notifications.Delivery;

public static class NotificationModel
{
    /// <summary>
    /// Maps the <c>notifications</c> table into a service's own database, to be written in the same transaction as the
    /// events that cause them. Call it before <c>UseSnakeCaseNames()</c>, as with <c>AddOutboxAndInbox()</c>.
    /// </summary>
    public static ModelBuilder AddNotificationsTable(this ModelBuilder model)
    {
        model.Entity<Notification>(e =>
        {
            e.ToTable("Notifications");
            e.HasIndex(n => n.IdempotencyKey).IsUnique();
            // the worker reads only what is waiting, by due time, and one recipient's messages in order
            e.HasIndex(n => n.NextAttemptAt).HasFilter("status = 'pending'").HasDatabaseName("ix_notifications_due");
            e.HasIndex(n => new { n.Recipient, n.Id }).HasFilter("status = 'pending'").HasDatabaseName("ix_notifications_pending_by_recipient");
            e.HasIndex(n => n.CaseId);
            // the law's notices first: the worker reads the pending ones by priority, then in order
            e.HasIndex(n => new { n.Priority, n.Id }).HasFilter("status = 'pending'").HasDatabaseName("ix_notifications_pending_by_priority");
            e.HasIndex(n => new { n.Recipient, n.NextAttemptAt }).HasFilter("status = 'held'").HasDatabaseName("ix_notifications_held");
            // an officer's recent notices about one case each, which decide whether the next one waits to be grouped
            e.HasIndex(n => new { n.Recipient, n.CreatedAt }).HasFilter("reference IS NOT NULL").HasDatabaseName("ix_notifications_listed");
            e.Property(n => n.Reference).HasMaxLength(50);
            e.Property(n => n.Priority).HasDefaultValue(NotificationPriority.Legal);
            e.Property(n => n.IdempotencyKey).HasMaxLength(400);
            e.Property(n => n.Template).HasMaxLength(100);
            e.Property(n => n.Language).HasMaxLength(10);
            e.Property(n => n.Recipient).HasMaxLength(254);
            e.Property(n => n.Status).HasMaxLength(20);
        });
        return model;
    }

    /// <summary>The table of <see cref="AddNotificationsTable"/>, for a service's hand-written migration.</summary>
    public static void CreateNotifications(this MigrationBuilder migration)
    {
        migration.CreateTable("notifications", table => new
        {
            id = table.Column<long>(nullable: false).AutoIncrement(),
            idempotency_key = table.Column<string>(maxLength: 400, nullable: false),
            template = table.Column<string>(maxLength: 100, nullable: false),
            language = table.Column<string>(maxLength: 10, nullable: false),
            recipient = table.Column<string>(maxLength: 254, nullable: true),
            subject = table.Column<string>(nullable: false),
            html = table.Column<string>(nullable: false),
            text = table.Column<string>(nullable: false),
            status = table.Column<string>(maxLength: 20, nullable: false),
            attempts = table.Column<int>(nullable: false),
            next_attempt_at = table.Column<DateTime>(nullable: true),
            last_error = table.Column<string>(nullable: true),
            // Guids are stored as text in every service (UseTextGuids)
            case_id = table.Column<string>(nullable: true),
            created_at = table.Column<DateTime>(nullable: false),
            sent_at = table.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_notifications", x => x.id));
        migration.CreateIndex("ix_notifications_idempotency_key", "notifications", "idempotency_key", unique: true);
        migration.CreateIndex("ix_notifications_due", "notifications", "next_attempt_at", filter: "status = 'pending'");
        migration.CreateIndex("ix_notifications_pending_by_recipient", "notifications", ["recipient", "id"], filter: "status = 'pending'");
        migration.CreateIndex("ix_notifications_case_id", "notifications", "case_id");
    }

    /// <summary>The priority and the grouping of staff notices (<see cref="Notification.Priority"/>, <see cref="Notification.Reference"/>),
    /// for a service's hand-written migration after <see cref="CreateNotifications"/>. Routine notices already waiting are marked so.</summary>
    public static void AddNotificationPriorities(this MigrationBuilder migration)
    {
        migration.AddColumn<int>("priority", "notifications", nullable: false, defaultValue: NotificationPriority.Legal);
        migration.AddColumn<string>("reference", "notifications", maxLength: 50, nullable: true);
        migration.AddColumn<DateOnly>("due_on", "notifications", nullable: true);
        migration.Sql($"UPDATE notifications SET priority = {NotificationPriority.Routine} WHERE template IN ('case-assigned', 'deadline-reminder', 'overdue', 'daily-digest')");
        migration.CreateIndex("ix_notifications_pending_by_priority", "notifications", ["priority", "id"], filter: "status = 'pending'");
        migration.CreateIndex("ix_notifications_held", "notifications", ["recipient", "next_attempt_at"], filter: "status = 'held'");
        migration.CreateIndex("ix_notifications_listed", "notifications", ["recipient", "created_at"], filter: "reference IS NOT NULL");
    }
}
