using Microsoft.EntityFrameworkCore;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Storage;

public sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : DbContext(options)
{
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<OfficerLeave> OfficerLeaves => Set<OfficerLeave>();
    public DbSet<RoutedCase> Cases => Set<RoutedCase>();
    public DbSet<CaseAuditEntry> CaseAuditEntries => Set<CaseAuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseTextGuids();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Body>().HasKey(b => b.Code);
        modelBuilder.Entity<Officer>(e =>
        {
            e.HasOne<Body>().WithMany().HasForeignKey(o => o.BodyCode);
            e.HasIndex(o => new { o.BodyCode, o.Role });
        });
        modelBuilder.Entity<OfficerLeave>(e =>
        {
            e.HasOne<Officer>().WithMany().HasForeignKey(l => l.OfficerId);
            e.HasIndex(l => new { l.OfficerId, l.StartsOn });
        });
        modelBuilder.Entity<RoutedCase>(e =>
        {
            e.ToTable("Cases");
            e.HasIndex(c => c.TrackingNumber).IsUnique();
            e.HasIndex(c => new { c.AssignedOfficerId, c.Status });
            e.HasIndex(c => new { c.BodyCode, c.Status });
        });
        modelBuilder.Entity<CaseAuditEntry>(e =>
        {
            e.HasIndex(a => new { a.CaseId, a.At });
            e.HasOne<RoutedCase>().WithMany().HasForeignKey(a => a.CaseId);
        });
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.UseSnakeCaseNames();
    }
}
