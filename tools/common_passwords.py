#!/usr/bin/env python3
"""Writes src/FollowUp.Web/Features/Security/common-passwords.txt: common passwords of 10+ characters.

No download is possible where FollowUp is built, so the list is generated from well-known patterns: the
base words that top every published leak list (English and Japanese romaji), with the suffixes people add
(digits, years, "!"), keyboard walks, digit runs and repeats. Shorter passwords are refused anyway
(10-character minimum), so only entries of 10+ characters are kept. Run: python3 tools/common_passwords.py
"""
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/FollowUp.Web/Features/Security/common-passwords.txt"
MIN = 10

BASES = """password passw0rd p@ssword p@ssw0rd qwerty qwertyuiop iloveyou letmein welcome admin
administrator monkey dragon football baseball basketball soccer hockey sunshine princess shadow master
superman batman spiderman michael jennifer jordan hunter hunter2 charlie thomas jessica ashley daniel
starwars trustno1 whatever freedom computer internet secret summer winter autumn spring flower
chocolate cookie butterfly purple orange yellow banana cheese pepper ginger maggie buster tigger
killer hello hellokitty loveyou lovely love angel angels forever family friends mustang harley
ranger jordan23 michelle nicole daniel1 andrew joshua matthew george pokemon pikachu naruto
doraemon totoro sakura tokyo osaka kyoto japan nippon nihon yokohama fujisan samurai ninja sushi
ramen arigatou konnichiwa daisuki aishiteru himitsu kawaii tanaka suzuki sato takahashi watanabe
yamamoto nakamura kobayashi hiroshi takeshi yuki haruka kaori keiko akira kenji miku gundam onepiece
dragonball anpanman kitty hamster doggy kitten google facebook microsoft apple samsung iphone
android windows linux ubuntu oracle mysql database changeme default guest access login user
username test tester testing testtest abc abcd abcdef abcdefg abcdefgh qazwsx zaq12wsx 1q2w3e4r
1q2w3e4r5t asdfgh asdfghjkl zxcvbnm zxcvbnm123 qwer1234 asdf1234 zxcv1234 mypassword newpassword
mypass passpass pass pass123 letmein1 welcome1 football1 iloveyou1 princess1 monkey1 baseball1
jobhunt shukatsu tenshoku mensetsu followup recruit career kaisha shigoto""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "!", "1!", "123!",
            "01", "007", "11", "69", "77", "88", "99", "00", "000", "111", "777", "999", "2000", "2010",
            "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026",
            "2027", "@123", "#1", "_123"]

WALKS = """qwertyuiop qwertyuiop1 qwertyuiop123 asdfghjkl asdfghjkl1 asdfghjkl123 zxcvbnm123
1qaz2wsx3edc 1qaz2wsx 1qazxsw2 qazwsxedc qazwsxedcrfv zaq1xsw2cde3 1q2w3e4r5t6y 1q2w3e4r5t6y7u8i
q1w2e3r4t5y6 qwerty123456 qwertyqwerty asdfasdfasdf 123qweasdzxc qweasdzxc123 poiuytrewq
mnbvcxzlkjhgfdsa qwertyuiopasdfghjkl asdfghjklqwertyuiop 1234qwerasdf""".split()


def digit_runs():
    out = set()
    seq = "01234567890123456789"
    for start in range(10):
        for length in range(MIN, 17):
            out.add(seq[start:start + length])
            out.add(seq[start:start + length][::-1])
    for d in "0123456789":
        for length in range(MIN, 17):
            out.add(d * length)
    for pair in ["12", "123", "1234", "12345", "69", "007", "2580", "1212", "1122", "abc", "ab", "xo"]:
        s = pair * (MIN // len(pair) + 2)
        for length in range(MIN, min(len(s), 16) + 1):
            out.add(s[:length])
    for a in "abcdefghijklmnopqrstuvwxyz":
        out.add(a * MIN)
        out.add(a * 12)
    out.add("abcdefghij")
    out.add("abcdefghijklmnopqrstuvwxyz")
    out.add("abcdefghijk")
    out.add("abcdefghijkl")
    out.add("abcdef123456")
    out.add("abc1234567")
    out.add("abc123456789")
    # Dates: birthdays as yyyymmdd plus two more digits are too many; keep the famous ones.
    for year in range(1960, 2027):
        out.add(f"{year}{year}"[:MIN] if len(f"{year}{year}") >= MIN else f"{year}0101{year % 100:02d}")
    return out


def words():
    out = set()
    for base in BASES:
        for variant in {base, base.capitalize(), base.upper()}:
            for suffix in SUFFIXES:
                out.add(variant + suffix)
        out.add(base + base)
        out.add(base + "password")
        out.add("i love " + base)
        out.add("iloveyou" + base)
        out.add("ilove" + base)
        out.add("my" + base + "123")
    for walk in WALKS:
        out.add(walk)
        out.add(walk.capitalize())
        for suffix in ["1", "!", "123"]:
            out.add(walk + suffix)
    return out


def main():
    entries = {e for e in words() | digit_runs() if len(e) >= MIN and len(e) <= 128}
    # Case is ignored when checking, so keep one spelling of each.
    unique = {}
    for e in sorted(entries):
        unique.setdefault(e.lower(), e.lower())
    must = ["password123", "qwertyuiop", "1234567890", "iloveyou12", "password1234", "0987654321"]
    missing = [m for m in must if m not in unique]
    assert not missing, missing
    lines = sorted(unique)
    OUT.write_text("# Common passwords (10+ characters), generated by tools/common_passwords.py; one per line.\n"
                   + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} passwords -> {OUT}")


if __name__ == "__main__":
    main()
