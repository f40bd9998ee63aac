using FollowUp.Domain.Scripts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static FollowUp.Web.Data.FollowUpDbContext;

namespace FollowUp.Web.Data;

/// <summary>
/// What the user told the script page about one application (issue 13, point 5) and the language the scripts
/// to that company are written in (point 6). One row per application, made at the first answer.
/// </summary>
public sealed class ScriptAnswersRecord : IOwnedRow
{
    public int ApplicationId { get; set; }
    public string OwnerId { get; set; } = "";

    /// <summary>The short reason a callback is late, e.g. 「出張で電話に出られませんでした」.</summary>
    public string? LateReason { get; set; }

    /// <summary>When the user can take calls, e.g. 「平日の18時以降」.</summary>
    public string? ReachableTimes { get; set; }

    /// <summary>One thing learned in the interview (thank-you mail).</summary>
    public string? LearnedInInterview { get; set; }

    /// <summary>A message from the company may not have reached the user (the 「もしかすると」 follow-up).</summary>
    public bool MessageMayNotHaveReached { get; set; }

    /// <summary>The scripts to this company are written in English; false: Japanese (the default, ADR 0022).</summary>
    public bool WritesInEnglish { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A script the user edited in the app, kept for that application, step (kind) and language.</summary>
public sealed class ScriptDraftRecord : IOwnedRow
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public string OwnerId { get; set; } = "";
    public ScriptKind Kind { get; set; }

    /// <summary>"ja" or "en".</summary>
    public string Language { get; set; } = "ja";

    /// <summary>The edited subject (emails); null for phone scripts.</summary>
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class ScriptAnswersConfiguration : IEntityTypeConfiguration<ScriptAnswersRecord>
{
    public void Configure(EntityTypeBuilder<ScriptAnswersRecord> a)
    {
        a.ToTable("ScriptAnswers");
        a.HasKey(x => x.ApplicationId);
        a.Property(x => x.ApplicationId).ValueGeneratedNever();
        a.Property(x => x.OwnerId).IsRequired();
        a.Property(x => x.LateReason).HasMaxLength(Limits.ShortText);
        a.Property(x => x.ReachableTimes).HasMaxLength(Limits.ShortText);
        a.Property(x => x.LearnedInInterview).HasMaxLength(Limits.ShortText);
        a.HasIndex(x => x.OwnerId);
        a.HasOne<JobApplication>().WithOne().HasForeignKey<ScriptAnswersRecord>(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScriptDraftConfiguration : IEntityTypeConfiguration<ScriptDraftRecord>
{
    public void Configure(EntityTypeBuilder<ScriptDraftRecord> d)
    {
        d.ToTable("ScriptDrafts");
        d.Property(x => x.OwnerId).IsRequired();
        d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        d.Property(x => x.Language).HasMaxLength(10).IsRequired();
        d.Property(x => x.Subject).HasMaxLength(Limits.ShortText);
        d.Property(x => x.Body).HasMaxLength(Limits.Note).IsRequired();
        d.HasIndex(x => new { x.ApplicationId, x.Kind, x.Language }).IsUnique();
        d.HasIndex(x => x.OwnerId);
        d.HasOne<JobApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
