#!/usr/bin/env python3
"""Seeds Scheduled reminders straight into a migrated FollowUp database (the app stopped).

Usage: seed.py DB planning   -> 100,000 reminders for 100 users over the next 30 days (default quiet hours)
       seed.py DB lateness   -> 200 reminders due 20-80 s from now, for users without quiet hours
Times are UTC, written as EF Core writes them ('YYYY-MM-DD HH:MM:SS'), so the app's comparisons hold.
"""
import datetime, random, sqlite3, sys, uuid

db, mode = sys.argv[1], sys.argv[2]
random.seed(42)
now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None, microsecond=0)
fmt = lambda t: t.strftime("%Y-%m-%d %H:%M:%S")
con = sqlite3.connect(db)
con.execute("DELETE FROM JobRuns")  # the migrating start's runs are not part of the measurement
users, per_user = (100, 1000) if mode == "planning" else (20, 10)
quiet = ("22:00:00", "08:00:00") if mode == "planning" else ("00:00:00", "00:00:00")
rows = 0
for u in range(users):
    uid = str(uuid.uuid4())
    email = f"bench{u}@example.com"
    con.execute("""INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed,
        TimeZoneId, CreatedAtUtc, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, SecurityStamp)
        VALUES (?, ?, ?, ?, ?, 0, 'Asia/Tokyo', ?, 0, 0, 1, 0, ?)""",
        (uid, email, email.upper(), email, email.upper(), fmt(now), str(uuid.uuid4())))
    con.execute("INSERT INTO ReminderPreferences (UserId, EmailEnabled, QuietStart, QuietEnd) VALUES (?, 0, ?, ?)", (uid, *quiet))
    cur = con.execute("""INSERT INTO Applications (OwnerId, Company, Route, TimeZoneId, OpensAt, ClosesAt, ClosedWeekdays,
        ObservesNationalHolidays, YearEndClosure, ObonClosure, CreatedAtUtc, UpdatedAtUtc, IsSample)
        VALUES (?, ?, 0, 'Asia/Tokyo', '09:00:00', '18:00:00', 65, 1, 1, 0, ?, ?, 0)""", (uid, f"Bench {u}", fmt(now), fmt(now)))
    app = cur.lastrowid
    for i in range(per_user):
        due = now + (datetime.timedelta(minutes=random.randint(1, 30 * 24 * 60)) if mode == "planning"
                     else datetime.timedelta(seconds=20 + random.random() * 60))
        con.execute("""INSERT INTO Reminders (OwnerId, ApplicationId, InterviewId, StepKind, Kind, OpensAt, DueAtUtc, State, CreatedAtUtc)
            VALUES (?, ?, ?, 5, 1, ?, ?, 0, ?)""", (uid, app, u * 100000 + i, fmt(due + datetime.timedelta(hours=9)), fmt(due), fmt(now)))
        rows += 1
# The applications count as planned (ADR 0019): as if the app had planned these reminders itself. Otherwise the
# start-up sweep re-plans each application from its data (no interview here, so no reminders) and supersedes them.
con.execute('UPDATE ReminderPlans SET PlannedVersion = ChangeVersion')
con.commit()
print(f"seeded {rows} reminders for {users} users ({mode})")
