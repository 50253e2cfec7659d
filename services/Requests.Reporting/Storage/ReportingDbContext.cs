using Microsoft.EntityFrameworkCore;
using Requests.ServiceDefaults.Calendar;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Reporting.Storage;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public DbSet<CaseFact> Facts => Set<CaseFact>();
    public DbSet<BodyRecord> Bodies => Set<BodyRecord>();
    public DbSet<ThemeRecord> Themes => Set<ThemeRecord>();
    public DbSet<DirectoryVersion> DirectoryVersions => Set<DirectoryVersion>();
    public DbSet<FactYear> FactYears => Set<FactYear>();
    public DbSet<FactDeparture> FactDepartures => Set<FactDeparture>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseTextGuids();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseFact>(e =>
        {
            e.ToTable("CaseFacts");
            e.HasIndex(f => f.CaseId).IsUnique();
            // the year's scan reads only this index: every column a report needs, in receipt order
            e.HasIndex(f => new { f.ReceivedDay, f.BodyId, f.ThemeId, f.Codes, f.DueDay, f.AnsweredDay, f.ClosedDay, f.Id })
                .HasDatabaseName("ix_case_facts_year");
            // a report catching up on its cached year reads the facts written since its version
            e.HasIndex(f => new { f.Year, f.Version });
            e.Property(f => f.Version).HasDefaultValue(0L);
        });
        modelBuilder.Entity<BodyRecord>(e =>
        {
            e.ToTable("Bodies");
            e.HasIndex(b => b.Code).IsUnique();
        });
        modelBuilder.Entity<ThemeRecord>(e =>
        {
            e.ToTable("Themes");
            e.HasIndex(t => t.Code).IsUnique();
        });
        modelBuilder.Entity<DirectoryVersion>().Property(v => v.Id).ValueGeneratedNever();
        modelBuilder.Entity<FactYear>(e =>
        {
            e.HasKey(y => y.Year);
            e.Property(y => y.Year).ValueGeneratedNever();
        });
        modelBuilder.Entity<FactDeparture>().HasKey(d => new { d.Year, d.Version, d.FactId });
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddPublishedCalendar();
        modelBuilder.UseSnakeCaseNames();
    }
}
