using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static FollowUp.Web.Data.FollowUpDbContext;

namespace FollowUp.Web.Data;

// The schema of the shared entities in Entities.cs, one configuration each. A feature's own tables are configured
// beside their entities in the feature's folder; FollowUpDbContext applies every configuration of the assembly.

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> u)
    {
        u.Property(x => x.FullName).HasMaxLength(Limits.ShortText);
        u.Property(x => x.Furigana).HasMaxLength(Limits.ShortText);
        u.Property(x => x.Affiliation).HasMaxLength(Limits.ShortText);
        u.Property(x => x.Culture).HasMaxLength(10);
        u.Property(x => x.TimeZoneId).HasMaxLength(64);
    }
}

internal sealed class JobApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> a)
    {
        a.ToTable("Applications");
        a.Property(x => x.OwnerId).IsRequired();
        a.Property(x => x.Company).HasMaxLength(Limits.ShortText).IsRequired();
        a.Property(x => x.Position).HasMaxLength(Limits.ShortText);
        a.Property(x => x.AgencyName).HasMaxLength(Limits.ShortText);
        a.Property(x => x.AgencyCoordinator).HasMaxLength(Limits.ShortText);
        a.Property(x => x.ContactPerson).HasMaxLength(Limits.ShortText);
        a.Property(x => x.Phone).HasMaxLength(Limits.Phone);
        a.Property(x => x.Email).HasMaxLength(Limits.Email);
        a.Property(x => x.Notes).HasMaxLength(Limits.Note);
        a.Property(x => x.TimeZoneId).HasMaxLength(64).IsRequired();
        a.Property(x => x.IsSample).HasDefaultValue(false).ValueGeneratedNever();
        a.Property(x => x.Policy).HasConversion(PolicySettings.Converter);
        a.HasIndex(x => x.OwnerId);
        a.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        a.HasMany(x => x.Closures).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        a.HasMany(x => x.Interviews).WithOne(x => x.Application).HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        a.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserDefaultsConfiguration : IEntityTypeConfiguration<UserDefaults>
{
    public void Configure(EntityTypeBuilder<UserDefaults> d)
    {
        d.ToTable("UserDefaults");
        d.HasKey(x => x.UserId);
        d.Property(x => x.Policy).HasConversion(PolicySettings.Converter).IsRequired();
        d.HasOne<AppUser>().WithOne().HasForeignKey<UserDefaults>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClosureRangeConfiguration : IEntityTypeConfiguration<ClosureRange>
{
    public void Configure(EntityTypeBuilder<ClosureRange> c)
    {
        c.ToTable("ApplicationClosures");
        c.HasIndex(x => x.ApplicationId);
    }
}

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> i)
    {
        i.ToTable("Interviews");
        i.Property(x => x.OwnerId).IsRequired();
        i.Property(x => x.Notes).HasMaxLength(Limits.Note);
        i.HasIndex(x => new { x.OwnerId, x.ApplicationId });
        i.HasIndex(x => x.ApplicationId);
    }
}

internal sealed class ContactEventConfiguration : IEntityTypeConfiguration<ContactEventRecord>
{
    public void Configure(EntityTypeBuilder<ContactEventRecord> e)
    {
        e.ToTable("ContactEvents");
        e.Property(x => x.OwnerId).IsRequired();
        e.Property(x => x.Note).HasMaxLength(Limits.Note);
        e.HasIndex(x => new { x.OwnerId, x.ApplicationId, x.At });
        e.HasIndex(x => x.ApplicationId);
    }
}

/// <remarks>
/// No foreign key to the user on purpose: the triggers that write it run inside the cascade of an account
/// deletion, after the user row is gone. The account deletion removes the row itself.
/// </remarks>
internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> v)
    {
        v.ToTable("DataVersions");
        v.HasKey(x => x.OwnerId);
    }
}
