"""Clock times in text ("23:10", "23h10", "3.50 Uhr", "at about 5:40 p.m.", "vers 3 heures")."""

from __future__ import annotations

import re

CLOCK_PROBE_RE = re.compile(r"\d\s?(?:[h:.]\s?\d\d|[ap]\.?m\b|\s?[ap]\.m\.|uhr|uur|heure|h\b|o['’]clock)", re.I)
CLOCK_RE = re.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])(?:\s?(?:h|:)\s?(?P<m>[0-5]\d)|\.(?P<m2>[0-5]\d)(?=\s?(?:uhr|uur|h\b|hrs|horas?|ore)))"
    r"(?:\s?(?P<ap>[ap])\.?\s?m\b\.?)?(?![\d.,:]\d)"
    r"|(?<![\d.,:])(?P<h2>1[0-2]|0?[1-9])\s?(?P<ap2>[ap])\.?\s?m\b\.?"
    r"|\b(?:vers|à|jusqu['’]à|gegen|um|bis|om|rond|at|around|about|until|às|das|alle|las|peu (?:avant|après)|"
    r"kurz (?:vor|nach)|shortly (?:before|after)|poco (?:antes de|después de|prima delle|dopo le))\s+"
    r"(?P<h3>[01]?\d|2[0-3])\s?(?:uhr|uur|heures?|h|o['’]clock)(?![\w\d])(?!\s?\d)",
    re.I,
)
"""A clock time: "23:10", "23h10", "3.50 Uhr", "3am", "9 p.m.", and a whole hour after a word that
makes it a time of day ("gegen 3 Uhr", "vers 3 heures", "om 3 uur", "às 3h"; not "il y a 3 heures")."""


def clock_times(text: str) -> frozenset[str]:
    """The clock times of ``text`` as ``HH:MM`` (see ``Features.times``)."""
    out = set()
    for m in CLOCK_RE.finditer(text):
        if m["h2"]:
            h, mi, ap = int(m["h2"]), 0, m["ap2"].lower()
        elif m["h3"]:
            h, mi, ap = int(m["h3"]), 0, ""
        else:
            h, mi, ap = int(m["h"]), int(m["m"] or m["m2"]), (m["ap"] or "").lower()
        if ap == "p" and h < 12:
            h += 12
        elif ap == "a" and h == 12:
            h = 0
        out.add(f"{h:02d}:{mi:02d}")
    return frozenset(out)
