using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Requests.ServiceDefaults.Messaging;

public static class MessagingModel
{
    /// <summary>Maps the outbox and inbox tables into a service's own database.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasKey(m => m.Seq);
            e.HasIndex(m => m.MessageId).IsUnique();
            e.HasIndex(m => m.Seq).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
            e.Property(m => m.MessageType).HasMaxLength(200);
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("InboxMessages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
        });
        return model;
    }
}

/// <summary>Wakes the relay as soon as a transaction that wrote outbox messages has committed.</summary>
internal sealed class OutboxNotifier(OutboxSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Notify(DbContext? context)
    {
        // an explicit transaction may still roll back; the relay's poll picks those messages up after commit
        if (context is not null && context.Database.CurrentTransaction is null)
            signal.Notify();
    }
}
