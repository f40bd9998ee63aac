#!/usr/bin/env python3
"""March / September equinox dates in Japan Standard Time (UTC+9), 1955-2099.

Algorithm: Jean Meeus, "Astronomical Algorithms" (2nd ed., 1998), chapter 27
"Equinoxes and Solstices":
  * mean instant JDE0 from Table 27.B (polynomial valid for years +1000..+3000),
  * T, W, delta-lambda and the 24 periodic terms S of Table 27.C,
  * JDE = JDE0 + 0.00001 * S / delta-lambda          (Dynamical Time, TT)
Meeus quotes the result as good to about a minute for 1951-2050.

TT -> UT: delta-T is approximated with the Espenak & Meeus (2006) polynomial
expressions (NASA "Polynomial Expressions for Delta T"); UT1 and UTC differ by
< 1 s, so JST = UT + 9 h.  Use --no-delta-t to ignore delta-T instead (it is
only 30 s..~3.5 min over 1955-2099, so it can only matter for instants within
a few minutes of JST midnight; see --near-midnight).

Standard library only.

Usage:
  equinox.py                      -> YYYY,MM-DD,MM-DD  (vernal, autumnal) per year
  equinox.py --times              -> year plus full JST instants and delta-T
  equinox.py --near-midnight 30   -> equinox instants within N minutes of JST midnight
  options: --from YEAR --to YEAR --no-delta-t --self-test
"""
import argparse
import datetime
import math

# Table 27.C: A, B (deg), C (deg/century)
PERIODIC = [
    (485, 324.96, 1934.136), (203, 337.23, 32964.467), (199, 342.08, 20.186),
    (182, 27.85, 445267.112), (156, 73.14, 45036.886), (136, 171.52, 22518.443),
    (77, 222.54, 65928.934), (74, 296.72, 3034.906), (70, 243.58, 9037.513),
    (58, 119.81, 33718.147), (52, 297.17, 150.678), (50, 21.02, 2281.226),
    (45, 247.54, 29929.562), (44, 325.15, 31555.956), (29, 60.93, 4443.417),
    (18, 155.12, 67555.328), (17, 288.79, 4562.452), (16, 198.04, 62894.029),
    (14, 199.76, 31436.921), (12, 95.39, 14577.848), (12, 287.11, 31931.756),
    (12, 320.81, 34777.259), (9, 227.73, 1222.114), (8, 15.45, 16859.074),
]

# Table 27.B (years +1000 .. +3000), Y = (year - 2000) / 1000
JDE0_COEFFS = {
    "march": (2451623.80984, 365242.37404, 0.05169, -0.00411, -0.00057),
    "june": (2451716.56767, 365241.62603, 0.00325, 0.00888, -0.00030),
    "september": (2451810.21715, 365242.01767, -0.11575, 0.00337, 0.00078),
    "december": (2451900.05952, 365242.74049, -0.06223, -0.00823, 0.00032),
}

JD_UNIX_EPOCH = 2440587.5  # 1970-01-01T00:00Z


def jde(year, event):
    """Instant of the equinox/solstice as a Julian Ephemeris Day (TT)."""
    y = (year - 2000) / 1000.0
    c = JDE0_COEFFS[event]
    jde0 = c[0] + c[1] * y + c[2] * y ** 2 + c[3] * y ** 3 + c[4] * y ** 4
    t = (jde0 - 2451545.0) / 36525.0
    w = math.radians(35999.373 * t - 2.47)
    dl = 1 + 0.0334 * math.cos(w) + 0.0007 * math.cos(2 * w)
    s = sum(a * math.cos(math.radians(b + cc * t)) for a, b, cc in PERIODIC)
    return jde0 + 0.00001 * s / dl


def delta_t(decimal_year):
    """TT - UT in seconds, Espenak & Meeus (2006) polynomials (1941..2150)."""
    y = decimal_year
    if y < 1941 or y > 2150:
        raise ValueError("delta_t approximation only implemented for 1941-2150")
    if y < 1961:
        t = y - 1950
        return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547
    if y < 1986:
        t = y - 1975
        return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718
    if y < 2005:
        t = y - 2000
        return (63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3
                + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5)
    if y < 2050:
        t = y - 2000
        return 62.92 + 0.32217 * t + 0.005589 * t ** 2
    return -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y)


def jd_to_datetime(jd):
    """Julian Day -> naive datetime (same time scale), microsecond precision."""
    return datetime.datetime(1970, 1, 1) + datetime.timedelta(days=jd - JD_UNIX_EPOCH)


def equinox_jst(year, event, use_delta_t=True):
    """Return (jst_datetime, delta_t_seconds) for the given event of the year."""
    j = jde(year, event)
    dt = 0.0
    if use_delta_t:
        month = 3 if event == "march" else 9
        dt = delta_t(year + (month - 0.5) / 12)
    ut = jd_to_datetime(j - dt / 86400.0)
    return ut + datetime.timedelta(hours=9), dt


def minutes_from_midnight(t):
    """Signed minutes to the nearest JST midnight (negative: just before it)."""
    m = t.hour * 60 + t.minute + t.second / 60 + t.microsecond / 6e7
    return m if m < 720 else m - 1440


def self_test():
    # Meeus example 27.a: June solstice 1962 -> JDE 2437837.39245
    # (1962 June 21, 21h25m08s TD).
    j = jde(1962, "june")
    assert abs(j - 2437837.39245) < 1e-5, j
    print("self-test: Meeus example 27.a reproduced, JDE =", round(j, 5))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--from", dest="y0", type=int, default=1955)
    ap.add_argument("--to", dest="y1", type=int, default=2099)
    ap.add_argument("--no-delta-t", action="store_true", help="treat TT as UT")
    ap.add_argument("--times", action="store_true", help="print full JST instants")
    ap.add_argument("--near-midnight", type=float, metavar="MIN",
                    help="list instants within MIN minutes of JST midnight")
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    if a.self_test:
        self_test()
        return
    use_dt = not a.no_delta_t
    if a.near_midnight is not None:
        print("year,event,jst_instant,minutes_from_midnight,date_if_deltaT_ignored")
    elif a.times:
        print("year,vernal_jst,autumnal_jst,deltaT_mar_s,deltaT_sep_s")
    for year in range(a.y0, a.y1 + 1):
        v, dtv = equinox_jst(year, "march", use_dt)
        s, dts = equinox_jst(year, "september", use_dt)
        if a.near_midnight is not None:
            for name, t, ev in (("vernal", v, "march"), ("autumnal", s, "september")):
                off = minutes_from_midnight(t)
                if abs(off) <= a.near_midnight:
                    alt = equinox_jst(year, ev, False)[0]
                    print("%d,%s,%s,%+.1f,%s" % (year, name, t.strftime("%Y-%m-%dT%H:%M:%S"),
                                                off, alt.strftime("%m-%d")))
        elif a.times:
            print("%d,%s,%s,%.1f,%.1f" % (year, v.strftime("%Y-%m-%dT%H:%M:%S"),
                                          s.strftime("%Y-%m-%dT%H:%M:%S"), dtv, dts))
        else:
            print("%d,%s,%s" % (year, v.strftime("%m-%d"), s.strftime("%m-%d")))


if __name__ == "__main__":
    main()
