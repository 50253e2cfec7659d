using Microsoft.EntityFrameworkCore;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Storage;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<TrackingCounter> TrackingCounters => Set<TrackingCounter>();
    public DbSet<HolidayCorrection> HolidayCorrections => Set<HolidayCorrection>();

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
        });
        modelBuilder.Entity<CaseEvent>(e =>
        {
            e.HasIndex(c => new { c.CaseId, c.At });
            e.HasOne<CaseRecord>().WithMany().HasForeignKey(c => c.CaseId);
        });
        modelBuilder.Entity<TrackingCounter>().HasKey(c => c.Key);
        modelBuilder.Entity<HolidayCorrection>().HasIndex(c => c.HolidayDate);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.UseSnakeCaseNames();
    }
}
