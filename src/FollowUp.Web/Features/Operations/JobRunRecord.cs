using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FollowUp.Web.Features.Operations;

/// <summary>One run of a job (or one failed delivery channel), as the job reports it.</summary>
public sealed record JobRun(string Job, DateTimeOffset StartedAtUtc, TimeSpan Took, bool Succeeded, string Detail);

/// <summary>
/// A stored job run (table <c>JobRuns</c>), for the operations page. Not user data: it belongs to no owner and
/// only administrators see it; details name reminder ids, never people.
/// </summary>
public sealed class JobRunRecord
{
    public const int MaxJob = 64;
    public const int MaxDetail = 1000;

    public int Id { get; set; }
    public string Job { get; set; } = "";
    public DateTime StartedAtUtc { get; set; }
    public double DurationMs { get; set; }
    public bool Succeeded { get; set; }
    public string Detail { get; set; } = "";
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRunRecord>
{
    public void Configure(EntityTypeBuilder<JobRunRecord> j)
    {
        j.ToTable("JobRuns");
        j.Property(x => x.Job).HasMaxLength(JobRunRecord.MaxJob).IsRequired();
        j.Property(x => x.Detail).HasMaxLength(JobRunRecord.MaxDetail).IsRequired();
        j.HasIndex(x => new { x.Job, x.Id });
        j.HasIndex(x => new { x.Succeeded, x.Id });
    }
}
