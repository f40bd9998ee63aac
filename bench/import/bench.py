#!/usr/bin/env python3
"""Posts abusive imports to a running FollowUp and reports time and the server's extra memory (RSS).

Usage: bench.py BASE_URL SERVER_PID WORK_DIR   (run.sh starts the server and calls this)
"""
import http.cookiejar, re, sys, threading, time, urllib.request, uuid

base, pid, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
MB = 1024 * 1024


def rss_mb():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Client:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(base + path, timeout=120) as r:
            return r.read().decode("utf-8", "replace")

    def post(self, path, body, content_type):
        req = urllib.request.Request(base + path, data=body, headers={"Content-Type": content_type})
        with self.opener.open(req, timeout=300) as r:
            return r.status, r.read().decode("utf-8", "replace")

    def token(self, html):
        return re.search(r'name="__RequestVerificationToken" value="([^"]*)"', html).group(1)

    def register(self):
        email, password = f"import-{uuid.uuid4().hex[:12]}@example.com", "Bench-Passw0rd-2026!"
        token = self.token(self.get("/account/register"))
        form = urllib.parse.urlencode({"_handler": "register", "__RequestVerificationToken": token, "Input.Email": email,
                                       "Input.Password": password, "Input.ConfirmPassword": password}).encode()
        self.post("/account/register", form, "application/x-www-form-urlencoded")
        assert any(c.name == "followup.auth" for c in self.jar), "not signed in after registering"

    def import_file(self, data):
        token = self.token(self.get("/account/import"))
        boundary = "----bench" + uuid.uuid4().hex
        parts = []
        for name, value in (("_handler", "import"), ("__RequestVerificationToken", token)):
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="Upload"; filename="abuse.json"\r\n'
                     f'Content-Type: application/json\r\n\r\n'.encode() + data + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        started = time.monotonic()
        status, html = self.post("/account/import", b"".join(parts), f"multipart/form-data; boundary={boundary}")
        took = time.monotonic() - started
        m = re.search(r'data-testid="import-(?:rejected|done)"[^>]*>\s*(?:<p>)?([^<]*)', html)
        first = re.search(r'data-testid="import-rejected".*?<li>([^<]*)', html, re.S)
        answer = (m.group(1).strip() if m else html[:200]) + (" " + first.group(1).strip() if first else "")
        return took, status, answer


def abusive_file():
    head, tail = b'{"format":"followup-export","version":1,"applications":[', b"{}]}"
    count = (5 * MB - len(head) - len(tail)) // 3
    return head + b"{}," * count + tail, count + 1


def run(label, clients, data):
    peak = [0.0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb())
            time.sleep(0.02)

    before = rss_mb()
    sampler = threading.Thread(target=sample); sampler.start()
    results = [None] * len(clients)
    threads = [threading.Thread(target=lambda i=i, c=c: results.__setitem__(i, c.import_file(data))) for i, c in enumerate(clients)]
    started = time.monotonic()
    for t in threads: t.start()
    for t in threads: t.join()
    wall = time.monotonic() - started
    done.set(); sampler.join()
    time.sleep(5)
    after = rss_mb()
    times = ", ".join(f"{r[0]:.2f} s" for r in results)
    print(f"{label}: {times} (wall {wall:.2f} s); RSS before {before:.0f} MB, peak {peak[0]:.0f} MB "
          f"(+{peak[0] - before:.0f} MB), 5 s after {after:.0f} MB (+{after - before:.0f} MB)")
    print(f"  answer: HTTP {results[0][1]}: {results[0][2][:160]}")


def heaviest_accepted_file():
    """Just under 5 MB, all valid: 40 applications, each with one interview and 499 events (20,000 rows, the most one file may carry)."""
    import json
    note = "折り返しのお電話をいただきました。" * 4
    apps = []
    for a in range(40):
        events = [{"kind": "MissedCall", "date": "2026-11-%02d" % (1 + e % 20), "time": "10:%02d" % (e % 60),
                   "voicemail": "None", "note": note[: 40 + (e % 3)]} for e in range(499)]
        apps.append({"company": f"Heavy {a}", "opensAt": "09:00", "closesAt": "18:00",
                     "closedWeekdays": ["Saturday", "Sunday"], "observesNationalHolidays": True,
                     "interviews": [{"date": "2026-10-01", "time": "10:00", "promiseKind": "Unspecified"}], "events": events})
    data = json.dumps({"format": "followup-export", "version": 1, "applications": apps}, ensure_ascii=False).encode()
    return data


def many_applications_file(n=999):
    """The import of the crash report: n applications with an interview each (reminders planned for every one)."""
    import json
    apps = [{"company": f"Many {a}", "opensAt": "09:00", "closesAt": "18:00", "closedWeekdays": ["Saturday", "Sunday"],
             "observesNationalHolidays": True,
             "interviews": [{"date": "2026-11-%02d" % (20 + a % 8), "time": "10:00", "promiseKind": "WithinBusinessDays", "promiseCount": 3}]}
            for a in range(n)]
    return json.dumps({"format": "followup-export", "version": 1, "applications": apps}, ensure_ascii=False).encode()


data, count = abusive_file()
print(f"file: {len(data) / MB:.2f} MB, {count:,} empty applications")
clients = [Client() for _ in range(3)]
for c in clients: c.register()
# Warm-up: one small valid import per client, so JIT and first-use costs are not counted.
small = b'{"format":"followup-export","version":1,"applications":[{"company":"Warm-up","opensAt":"09:00","closesAt":"18:00"}]}'
for c in clients: c.import_file(small)
time.sleep(2)
run("one at a time", clients[:1], data)
run("three at once", clients, data)
heavy = heaviest_accepted_file()
print(f"heaviest accepted file: {len(heavy) / MB:.2f} MB, 40 applications, 20,000 interviews and events")
run("heaviest accepted, one", clients[:1], heavy)
many = many_applications_file()
print(f"999 applications with an interview each: {len(many) / MB:.2f} MB")
run("999 applications, one", [clients[2]], many)
