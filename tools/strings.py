#!/usr/bin/env python3
"""Upserts UI strings into the app's two resource files.

Usage: tools/strings.py < strings.tsv   (lines: key<TAB>English<TAB>Japanese; '#' lines ignored)

English goes to SharedResource.resx (the neutral fallback), Japanese to SharedResource.ja.resx.
Existing keys are updated in place; new keys are appended; keys are kept sorted.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RES = Path(__file__).resolve().parent.parent / "src/FollowUp.Web/Resources"
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path):
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    return {d.get("name"): d.findtext("value") or "" for d in root.findall("data")}


def save(path, entries):
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = "".join(
        f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(v)}</value></data>\n'
        for k, v in sorted(entries.items()))
    path.write_text(HEADER + body + "</root>\n", encoding="utf-8")


def main():
    en_path, ja_path = RES / "SharedResource.resx", RES / "SharedResource.ja.resx"
    en, ja = load(en_path), load(ja_path)
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            sys.exit(f"expected key<TAB>en<TAB>ja: {line!r}")
        key, e, j = parts
        en[key], ja[key] = e, j
    RES.mkdir(parents=True, exist_ok=True)
    save(en_path, en)
    save(ja_path, ja)
    print(f"{len(en)} strings")


if __name__ == "__main__":
    main()
