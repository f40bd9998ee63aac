using System.Collections.Immutable;
using FollowUp.Domain.Events;

namespace FollowUp.Domain.Advice;

/// <summary>
/// The latest missed call that asks for a callback and what became of it, as <see cref="EtiquetteEngine"/>
/// counts it (see <see cref="EtiquetteEngine.LatestCallback"/>): a newer missed call starts afresh, a call
/// they took from us, a contact from them or a result closes it, and a call logged without a purpose is a
/// callback only while one is owed.
/// </summary>
/// <param name="MissedAt">When their call was missed.</param>
/// <param name="Voicemail">What its voicemail said.</param>
/// <param name="FailedAttempts">
/// The callback attempts that did not reach them, in time order: the engine's attempt count, with their times.
/// </param>
/// <param name="DueBy">By when the first callback was due: the end of the call day of the first call window after <paramref name="MissedAt"/>.</param>
/// <param name="IsOpen">The callback is still owed.</param>
/// <param name="ReachedAt">When a call of ours got through and closed the thread, if one did.</param>
/// <param name="IsLate">
/// The callback was late: the first call back was made after <paramref name="DueBy"/>, or none has been made
/// yet and it is past <paramref name="DueBy"/> (the engine's overdue callback, R4).
/// </param>
public sealed record CallbackThread(
    DateTime MissedAt,
    VoicemailKind Voicemail,
    ImmutableArray<DateTime> FailedAttempts,
    DateTime DueBy,
    bool IsOpen,
    DateTime? ReachedAt,
    bool IsLate);
