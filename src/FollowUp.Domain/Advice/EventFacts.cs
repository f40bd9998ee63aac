using FollowUp.Domain.Events;

namespace FollowUp.Domain.Advice;

/// <summary>What the events say, gathered in one pass in time order: the facts the rules count.</summary>
internal struct EventFacts
{
    public DateTime? DoneAt;
    public ResultOutcome DoneOutcome;
    public bool ThreadOpen;
    public bool ThreadSeen;
    public DateTime MissedAt;
    public VoicemailKind Voicemail;
    public int Attempts;
    public DateTime LastAttemptAt;
    public CallOutcome LastAttemptOutcome;
    public List<DateTime>? AttemptTimes;
    public DateTime? ReachedAt;
    public bool ThankYouSent;
    public bool ThankYouSkipped;
    public DateTime? ReviewAt;
    public DateOnly? ReviewNewDate;
    public int FollowUps;
    public DateTime LastFollowUpAt;
    public bool UnansweredFollowUpCall;

    /// <summary>
    /// Gathers the facts of every event dated at or before <paramref name="now"/>; later ones have not happened yet.
    /// A list passed as <paramref name="attempts"/> collects the times of the counted callback attempts (only
    /// <see cref="EtiquetteEngine.LatestCallback"/> needs them; advice itself allocates nothing for them).
    /// </summary>
    public static EventFacts Scan(InterviewFacts interview, IReadOnlyList<ContactEvent> events, DateTime now, List<DateTime>? attempts = null)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(events);
        if (interview.Promise is null)
        {
            throw new ArgumentException("The interview has no reply promise; use ReplyPromise.Unspecified.", nameof(interview));
        }

        var facts = new EventFacts { AttemptTimes = attempts };
        if (IsSorted(events))
        {
            for (var i = 0; i < events.Count && events[i].At <= now; i++)
            {
                Apply(ref facts, events[i]);
            }
        }
        else
        {
            // OrderBy is stable: events at the same minute keep the order they were given in.
            foreach (var e in events.OrderBy(static e => e.At))
            {
                if (e.At > now)
                {
                    break;
                }

                Apply(ref facts, e);
            }
        }

        return facts;
    }

    private static bool IsSorted(IReadOnlyList<ContactEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentException($"Event #{i} is null.", nameof(events));
            }

            if (i > 0 && events[i].At < events[i - 1].At)
            {
                return false;
            }
        }

        return true;
    }

    private static void Apply(ref EventFacts f, ContactEvent e)
    {
        switch (e)
        {
            case MissedCall m:
                if ((uint)m.Voicemail > (uint)VoicemailKind.NoCallbackNeeded)
                {
                    throw new ArgumentException($"Unknown voicemail kind '{m.Voicemail}'.", nameof(e));
                }

                // The spec's thread starts at the latest missed call that asks for (or allows) a callback;
                // a "no need to call back" voicemail neither opens one nor closes an earlier one.
                if (m.Voicemail != VoicemailKind.NoCallbackNeeded)
                {
                    f.ThreadOpen = true;
                    f.ThreadSeen = true;
                    f.MissedAt = m.At;
                    f.Voicemail = m.Voicemail;
                    f.Attempts = 0;
                    f.AttemptTimes?.Clear();
                    f.ReachedAt = null;
                }

                break;
            case CallMade c:
                if ((uint)c.Outcome > (uint)CallOutcome.LeftVoicemail || (uint)(c.Purpose ?? CallPurpose.CallBack) > (uint)CallPurpose.FollowUp)
                {
                    throw new ArgumentException("Unknown call outcome or purpose.", nameof(e));
                }

                var isCallback = c.Purpose == CallPurpose.CallBack || (c.Purpose is null && f.ThreadOpen);
                if (!isCallback && c.Outcome != CallOutcome.NoAnswer)
                {
                    f.FollowUps++;
                    f.LastFollowUpAt = c.At;
                    f.UnansweredFollowUpCall = false;
                }
                else if (!isCallback)
                {
                    // A follow-up call nobody answered asked nothing: the one follow-up is still to come.
                    f.UnansweredFollowUpCall = true;
                }

                if (c.Outcome == CallOutcome.Reached)
                {
                    if (f.ThreadOpen)
                    {
                        f.ReachedAt = c.At;
                    }

                    f.ThreadOpen = false;
                }
                else if (isCallback && f.ThreadOpen)
                {
                    f.Attempts++;
                    f.LastAttemptAt = c.At;
                    f.LastAttemptOutcome = c.Outcome;
                    f.AttemptTimes?.Add(c.At);
                }

                break;
            case EmailSent s:
                switch (s.Purpose)
                {
                    case EmailPurpose.ThankYou:
                        f.ThankYouSent = true;
                        break;
                    case EmailPurpose.FollowUp:
                        f.FollowUps++;
                        f.LastFollowUpAt = s.At;
                        f.UnansweredFollowUpCall = false;
                        break;
                    case EmailPurpose.Other:
                        break;
                    default:
                        throw new ArgumentException($"Unknown email purpose '{s.Purpose}'.", nameof(e));
                }

                break;
            case ContactReceived r:
                if ((uint)r.Channel > (uint)ContactChannel.Email)
                {
                    throw new ArgumentException($"Unknown channel '{r.Channel}'.", nameof(e));
                }

                f.ThreadOpen = false;
                break;
            case ResultReceived r:
                f.ThreadOpen = false;
                switch (r.Outcome)
                {
                    case ResultOutcome.UnderReview:
                        // An answer resets the follow-up count; a new date replaces D.
                        f.ReviewAt = r.At;
                        f.ReviewNewDate = r.NewDate;
                        f.FollowUps = 0;
                        f.UnansweredFollowUpCall = false;
                        break;
                    case ResultOutcome.Offer or ResultOutcome.Rejected or ResultOutcome.NextRound:
                        f.DoneAt = r.At;
                        f.DoneOutcome = r.Outcome;
                        break;
                    default:
                        throw new ArgumentException($"Unknown result outcome '{r.Outcome}'.", nameof(e));
                }

                break;
            case Events.ThankYouSkipped: // the type, not the field of that name
                f.ThankYouSkipped = true;
                break;
            default:
                throw new ArgumentException($"Unknown event type '{e.GetType().Name}'.", nameof(e));
        }
    }
}
