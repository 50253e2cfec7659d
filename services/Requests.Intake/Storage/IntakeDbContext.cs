using Microsoft.EntityFrameworkCore;
using Requests.Intake.Documents;
using Requests.Intake.Publication;
using Requests.Intake.Submissions;
using Requests.Notifications.Delivery;
using Requests.ServiceDefaults.Calendar;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Storage;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<TrackingCounter> TrackingCounters => Set<TrackingCounter>();
    public DbSet<CitizenAction> CitizenActions => Set<CitizenAction>();
    public DbSet<BodyRecord> Bodies => Set<BodyRecord>();
    public DbSet<DirectoryVersion> DirectoryVersions => Set<DirectoryVersion>();
    public DbSet<CaseNotice> CaseNotices => Set<CaseNotice>();
    public DbSet<RecordedReceipt> RecordedReceipts => Set<RecordedReceipt>();
    public DbSet<ReceiptKey> ReceiptKeys => Set<ReceiptKey>();
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();
    public DbSet<ReceiptCode> ReceiptCodes => Set<ReceiptCode>();
    public DbSet<PublishedItem> PublishedItems => Set<PublishedItem>();
    public DbSet<PublishedVersion> PublishedVersions => Set<PublishedVersion>();
    public DbSet<PublishedFile> PublishedFiles => Set<PublishedFile>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseTextGuids();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseRecord>(e =>
        {
            e.ToTable("Cases");
            e.Ignore(c => c.AccessCode);
            e.HasIndex(c => c.TrackingNumber).IsUnique();
            e.HasIndex(c => new { c.BodyCode, c.ReceivedOn });
            e.HasIndex(c => c.RedirectedFrom).IsUnique();
            // two deliveries applying moves to one case at once: the second fails and its retry reads the first
            e.Property(c => c.Sequence).IsConcurrencyToken();
            e.Property(c => c.Publishable).HasDefaultValue(false);
        });
        modelBuilder.Entity<CaseEvent>(e =>
        {
            e.HasIndex(c => new { c.CaseId, c.At });
            e.HasIndex(c => new { c.CaseId, c.Sequence }).IsUnique();
            e.HasOne<CaseRecord>().WithMany().HasForeignKey(c => c.CaseId);
        });
        modelBuilder.Entity<TrackingCounter>().HasKey(c => c.Key);
        modelBuilder.Entity<CitizenAction>(e =>
        {
            e.HasIndex(a => new { a.CaseId, a.At });
            e.HasOne<CaseRecord>().WithMany().HasForeignKey(a => a.CaseId);
        });
        modelBuilder.Entity<CaseNotice>(e =>
        {
            e.HasIndex(n => n.NoticeKey).IsUnique();
            e.HasIndex(n => n.CaseId);
            e.HasOne<CaseRecord>().WithMany().HasForeignKey(n => n.CaseId);
        });
        modelBuilder.Entity<RecordedReceipt>(e =>
        {
            e.ToTable("ReceiptNotices");
            e.HasKey(r => r.CaseId);
            e.HasIndex(r => r.CreatedAt);
        });
        modelBuilder.Entity<DocumentRecord>(e =>
        {
            e.ToTable("Documents");
            e.HasIndex(d => d.CaseId);
            e.HasOne<CaseRecord>().WithMany().HasForeignKey(d => d.CaseId);
        });
        modelBuilder.Entity<DocumentChunk>(e => e.ToTable("DocumentChunks").HasKey(c => new { c.DocumentId, c.Number }));
        modelBuilder.Entity<ReceiptCode>().HasKey(r => r.CaseId);
        modelBuilder.Entity<IdempotencyKey>(e =>
        {
            e.ToTable("IdempotencyKeys");
            e.HasKey(k => k.Key);
            e.HasIndex(k => k.CreatedAt);
        });
        modelBuilder.Entity<PublishedItem>(e =>
        {
            e.ToTable("published_items");
            e.HasKey(p => p.Number);
            e.HasIndex(p => p.Id).IsUnique();
            e.HasIndex(p => p.CaseId).IsUnique();
            e.HasIndex(p => new { p.State, p.Date });
            e.HasIndex(p => new { p.BodyCode, p.State, p.Date });
        });
        modelBuilder.Entity<PublishedVersion>(e =>
        {
            e.ToTable("published_versions");
            e.HasIndex(v => new { v.ItemId, v.Version });
        });
        modelBuilder.Entity<PublishedFile>(e =>
        {
            e.ToTable("published_files");
            e.HasIndex(f => f.ItemId);
        });
        modelBuilder.Entity<BodyRecord>().HasKey(b => b.Code);
        modelBuilder.Entity<DirectoryVersion>().Property(v => v.Id).ValueGeneratedNever();
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddPublishedCalendar();
        modelBuilder.AddNotificationsTable();
        modelBuilder.UseSnakeCaseNames();
    }
}
