#!/usr/bin/env python3
"""Sequential keep-alive GETs with a sign-in cookie: median and p95 latency. Usage: bench.py HOST PORT N"""
import http.client, re, statistics, sys, time, urllib.parse, uuid

host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
conn = http.client.HTTPConnection(host, port)
cookies = {}


def request(method, path, body=None, headers=None):
    h = dict(headers or {})
    if cookies:
        h["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    for k, v in r.getheaders():
        if k.lower() == "set-cookie":
            name, value = v.split(";")[0].split("=", 1)
            cookies[name] = value
    return r.status, data


status, page = request("GET", "/account/register")
token = re.search(rb'name="__RequestVerificationToken" value="([^"]*)"', page).group(1).decode()
email, password = f"s-{uuid.uuid4().hex[:10]}@example.com", "Bench-Passw0rd-2026!"
form = urllib.parse.urlencode({"_handler": "register", "__RequestVerificationToken": token, "Input.Email": email,
                               "Input.Password": password, "Input.ConfirmPassword": password})
status, _ = request("POST", "/account/register", form, {"Content-Type": "application/x-www-form-urlencoded"})
assert status == 302 and "followup.auth" in cookies, status


def measure(path):
    for _ in range(200):  # warm-up
        request("GET", path)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        status, _ = request("GET", path)
        times.append((time.perf_counter() - t) * 1000)
        assert status == 200, (path, status)
    times.sort()
    print(f"{path}: median {statistics.median(times):.3f} ms, p95 {times[int(0.95 * len(times))]:.3f} ms ({n} requests)")


measure("/account/export.json")
measure("/favicon.svg")
