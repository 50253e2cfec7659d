using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Delivery;
using Requests.Routing.Accounts;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Storage;

/// <summary>Routing's database: the directory, staff accounts, cases with their pauses and audit trail, the calendar's corrections.</summary>
public sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : IdentityUserContext<StaffUser>(options)
{
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<OfficerLeave> OfficerLeaves => Set<OfficerLeave>();
    public DbSet<RoutedCase> Cases => Set<RoutedCase>();
    public DbSet<CaseAuditEntry> CaseAuditEntries => Set<CaseAuditEntry>();
    public DbSet<CasePause> CasePauses => Set<CasePause>();
    public DbSet<HolidayCorrectionRecord> HolidayCorrections => Set<HolidayCorrectionRecord>();
    public DbSet<AlertNotice> AlertNotices => Set<AlertNotice>();
    public DbSet<StaffRefreshToken> RefreshTokens => Set<StaffRefreshToken>();
    public DbSet<PostedLetter> PostedLetters => Set<PostedLetter>();
    public DbSet<IntakeMessage> IntakeMessages => Set<IntakeMessage>();
    public DbSet<SignInStrike> SignInStrikes => Set<SignInStrike>();
    public DbSet<SignInAddress> SignInAddresses => Set<SignInAddress>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseTextGuids();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>(e =>
        {
            e.ToTable("StaffUsers");
            e.Property(u => u.Language).HasMaxLength(2).HasDefaultValue("fr");
            e.Property(u => u.Disabled).HasDefaultValue(false);
        });
        builder.Entity<IdentityUserClaim<string>>().ToTable("StaffUserClaims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("StaffUserLogins");
        builder.Entity<IdentityUserToken<string>>().ToTable("StaffUserTokens");
        builder.Entity<StaffRefreshToken>(e =>
        {
            e.ToTable("StaffRefreshTokens");
            e.HasKey(t => t.Hash);
            e.Property(t => t.Family).HasDefaultValue(""); // tokens issued before families: each its own (the migration fills it)
            e.HasIndex(t => t.Family);
            e.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SignInStrike>(e =>
        {
            e.HasKey(s => s.Key);
            e.HasIndex(s => s.Account);
            e.HasIndex(s => s.LastAt);
        });
        builder.Entity<SignInAddress>().HasKey(a => new { a.Account, a.Address });

        builder.Entity<Body>().HasKey(b => b.Code);
        builder.Entity<Officer>(e =>
        {
            e.HasOne<Body>().WithMany().HasForeignKey(o => o.BodyCode);
            e.HasOne<StaffUser>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(o => new { o.BodyCode, o.Role });
            e.Property(o => o.Language).HasMaxLength(2).HasDefaultValue("fr");
        });
        builder.Entity<OfficerLeave>(e =>
        {
            e.HasOne<Officer>().WithMany().HasForeignKey(l => l.OfficerId);
            e.HasIndex(l => new { l.OfficerId, l.StartsOn });
        });
        builder.Entity<RoutedCase>(e =>
        {
            e.ToTable("Cases");
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.TrackingNumber).IsUnique();
            e.HasIndex(c => new { c.AssignedOfficerId, c.Status });
            e.HasIndex(c => new { c.BodyCode, c.Status, c.DueOn });
            // the sweep reads only the cases whose next alert has come: a range on this index
            e.HasIndex(c => c.NextAlertOn).HasFilter("next_alert_on IS NOT NULL");
        });
        builder.Entity<CaseAuditEntry>(e =>
        {
            e.HasIndex(a => new { a.CaseId, a.At });
            e.HasOne<RoutedCase>().WithMany().HasForeignKey(a => a.CaseId);
        });
        builder.Entity<CasePause>(e =>
        {
            e.HasIndex(p => new { p.CaseId, p.StartsOn });
            e.HasOne<RoutedCase>().WithMany().HasForeignKey(p => p.CaseId);
        });
        builder.Entity<IntakeMessage>(e =>
        {
            e.HasIndex(m => m.NoticeKey).IsUnique();
            e.HasIndex(m => m.CaseId);
            e.HasOne<RoutedCase>().WithMany().HasForeignKey(m => m.CaseId);
        });
        builder.Entity<AlertNotice>().ToTable("AlertNotices");
        builder.AddOutboxAndInbox();
        builder.AddNotificationsTable();
        builder.Entity<PostedLetter>(e =>
        {
            e.HasKey(p => p.NotificationId);
            e.HasOne<Notification>().WithOne().HasForeignKey<PostedLetter>(p => p.NotificationId);
        });
        builder.UseSnakeCaseNames();
    }
}
