#!/usr/bin/env python3
"""Writes an import file (format of /account/export.json, version 1) with N applications
(default 200), each with one interview and 2-3 events in varied states, dated relative to
today so that Today shows a mix of waiting / follow-up due / call back / finished steps.
Deterministic for a given date (seeded RNG). Usage: seed.py [N] > import.json"""
import datetime as dt, json, random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
rng = random.Random(42)
today = dt.date.today()

def d(x): return x.isoformat()
def t(h, m=0): return f"{h:02d}:{m:02d}"

routes = ["Direct", "StaffingAgency", "JobSite", "PartTime"]
stages = ["First", "Second", "Final", "AgencyMeeting", "Other"]
apps = []
for i in range(n):
    iv_day = today - dt.timedelta(days=rng.randint(2, 30))
    kind = rng.choice(["Unspecified", "ByDate", "WithinDays", "WithinWeeks", "WithinBusinessDays"])
    iv = {"date": d(iv_day), "time": t(rng.randint(9, 16)), "stage": rng.choice(stages),
          "promiseKind": kind, "promiseDate": None, "promiseCount": None,
          "contactsSuccessfulOnly": rng.random() < 0.3, "notes": f"Interview {i}"}
    if kind == "ByDate":
        iv["promiseDate"] = d(iv_day + dt.timedelta(days=rng.randint(3, 20)))
    elif kind != "Unspecified":
        iv["promiseCount"] = rng.randint(1, 3) if kind == "WithinWeeks" else rng.randint(3, 10)

    # Event templates: (kind, extra fields); varied so the primary step differs per application.
    pool = [
        ("EmailSent", {"emailPurpose": "ThankYou"}),
        ("ThankYouSkipped", {}),
        ("MissedCall", {"voicemail": rng.choice(["None", "CallBack", "WillCallAgain", "Unclear", "NoCallbackNeeded"])}),
        ("CallMade", {"callOutcome": rng.choice(["Reached", "NoAnswer", "LeftMessage", "LeftVoicemail"]),
                      "callPurpose": rng.choice(["CallBack", "FollowUp"])}),
        ("EmailSent", {"emailPurpose": rng.choice(["FollowUp", "Other"])}),
        ("ContactReceived", {"channel": rng.choice(["Phone", "Email"])}),
        ("Result", {"resultOutcome": rng.choice(["UnderReview", "UnderReview", "NextRound", "Offer", "Rejected"])}),
    ]
    first = pool[0] if rng.random() < 0.7 else pool[1]
    rest = rng.sample(pool[2:], rng.randint(1, 2))
    events = []
    span = max(1, (today - iv_day).days - 1)  # up to yesterday: the app refuses events dated after now
    days = sorted(rng.randint(0, span) for _ in range(1 + len(rest)))
    days[0] = 0
    for (k, extra), off in zip([first] + rest, days):
        ev = {"kind": k, "date": d(iv_day + dt.timedelta(days=off)), "time": t(rng.randint(18, 20) if off == 0 else rng.randint(10, 17), rng.choice([0, 15, 30, 45])),
              "voicemail": None, "callOutcome": None, "callPurpose": None, "emailPurpose": None,
              "channel": None, "resultOutcome": None, "newDate": None, "note": None}
        ev.update(extra)
        if k == "Result" and ev["resultOutcome"] == "NextRound":
            ev["newDate"] = d(today + dt.timedelta(days=rng.randint(2, 10)))
        events.append(ev)

    apps.append({
        "company": f"Bench Company {i:03d} K.K.", "position": rng.choice(["Engineer", "Clerk", "Analyst", "Designer"]),
        "route": rng.choice(routes), "agencyName": None, "agencyCoordinator": None,
        "contactPerson": f"Tanaka {i}", "phone": "03-1234-5678", "email": f"hr{i}@example.com",
        "notes": None, "timeZoneId": "Asia/Tokyo", "opensAt": "09:00", "closesAt": "18:00",
        "closedWeekdays": ["Saturday", "Sunday"], "observesNationalHolidays": True,
        "yearEndClosure": True, "obonClosure": rng.random() < 0.5, "closures": [],
        "interviews": [iv], "events": events,
    })
    if apps[-1]["route"] == "StaffingAgency":
        apps[-1]["agencyName"] = "Bench Agency"

json.dump({"format": "followup-export", "version": 1, "profile": None, "applications": apps},
          sys.stdout, ensure_ascii=False, indent=1)
