#!/usr/bin/env python3
"""Seeds N applications with one interview each into a migrated FollowUp database (the app stopped), as a crash
between an import's commit and its planning would leave them: rows present, no reminders planned.

Usage: sweep.py DB N   -> N applications over max(1, N/100) users, interviews yesterday with a 3-business-day promise.
The database's triggers mark each new application unplanned (ReminderPlans), as they do for any write.
"""
import datetime, sqlite3, sys, uuid

db, n = sys.argv[1], int(sys.argv[2])
now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None, microsecond=0)
tokyo = now + datetime.timedelta(hours=9)
fmt = lambda t: t.strftime("%Y-%m-%d %H:%M:%S")
con = sqlite3.connect(db)
con.execute("DELETE FROM JobRuns")  # the migrating start's runs are not part of the measurement
users = max(1, n // 100)
owners = []
for u in range(users):
    uid = str(uuid.uuid4()); email = f"sweep{u}@example.com"
    con.execute("""INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed,
        TimeZoneId, CreatedAtUtc, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, SecurityStamp)
        VALUES (?, ?, ?, ?, ?, 0, 'Asia/Tokyo', ?, 0, 0, 0, 0, ?)""",
        (uid, email, email.upper(), email, email.upper(), fmt(now), str(uuid.uuid4())))
    owners.append(uid)
for i in range(n):
    owner = owners[i % users]
    cur = con.execute("""INSERT INTO Applications (OwnerId, Company, Route, TimeZoneId, OpensAt, ClosesAt, ClosedWeekdays,
        ObservesNationalHolidays, YearEndClosure, ObonClosure, CreatedAtUtc, UpdatedAtUtc, IsSample)
        VALUES (?, ?, 0, 'Asia/Tokyo', '09:00:00', '18:00:00', 65, 1, 1, 0, ?, ?, 0)""", (owner, f"Sweep {i}", fmt(now), fmt(now)))
    interview = (tokyo - datetime.timedelta(days=1 + i % 5)).replace(hour=10, minute=0, second=0)
    con.execute("""INSERT INTO Interviews (ApplicationId, OwnerId, At, Stage, PromiseKind, PromiseCount, ContactsSuccessfulOnly, CreatedAtUtc)
        VALUES (?, ?, ?, 0, 4, 3, 0, ?)""", (cur.lastrowid, owner, fmt(interview), fmt(now)))
con.commit()
stale = con.execute('SELECT COUNT(*) FROM ReminderPlans WHERE PlannedVersion < ChangeVersion').fetchone()[0]
print(f"seeded {n} applications with an interview each for {users} users; {stale} marked unplanned")
