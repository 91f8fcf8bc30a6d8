"""Clock times in text ("23:10", "23h10", "3.50 Uhr", "at about 5:40 p.m.", "vers 3 heures")."""

from __future__ import annotations

import re

from . import langdata

_CLOCK_PROBE = langdata.regex_probe(
    r"\d\s?(?:[h:.]\s?\d\d|[ap]\.?m\b|\s?[ap]\.m\.|uhr|uur|heure|h\b|o['’]clock)"
    r"|midnight|noon|minuit|midi\b|medianoche|mediod[ií]a|mitternacht|mezzanotte|mezzogiorno|meia-noite|meio-dia|middernacht"
)


def may_tell_time(text: str) -> bool:
    """A cheap test before ``clock_times``: False when ``text`` holds no clock time."""
    return _CLOCK_PROBE.search(text, langdata.caseless(text))


CLOCK_RE = re.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])(?:\s?(?:h|:)\s?(?P<m>[0-5]\d)|\.(?P<m2>[0-5]\d)(?=\s?(?:uhr|uur|h\b|hrs|horas?|ore)|(?-i:[ap]m)\b|\s?[ap]\.m\.))"
    r"(?:\s?(?P<ap>[ap])\.?\s?m\b\.?)?(?![\d.,:]\d)"
    r"|(?<![\d.,:])(?P<h2>1[0-2]|0?[1-9])\s?(?P<ap2>[ap])\.?\s?m\b\.?"
    r"|\b(?:vers|à|jusqu['’]à|gegen|um|bis|om|rond|at|around|about|until|às|das|alle|las|peu (?:avant|après)|"
    r"kurz (?:vor|nach)|shortly (?:before|after)|poco (?:antes de|después de|prima delle|dopo le))\s+"
    r"(?P<h3>[01]?\d|2[0-3])\s?(?:uhr|uur|heures?|h|o['’]clock)(?![\w\d])(?!\s?\d)",
    re.I,
)
"""A clock time: "23:10", "23h10", "3.50 Uhr", "8.40am", "3am", "9 p.m.", and a whole hour after a word that
makes it a time of day ("gegen 3 Uhr", "vers 3 heures", "om 3 uur", "às 3h"; not "il y a 3 heures")."""


_HOUR_UNIT = r"\s?(?:heures?|h|uhr|uur|horas?|ore|o['’]clock)"
CLOCK_RANGE_RE = re.compile(
    r"\b(?:de|von|from|desde|dalle|das|dès)\s+(?P<a>[01]?\d|2[0-3])" + _HOUR_UNIT
    + r"\s+(?:à|bis|to|a|alle|às|until)\s+(?P<b>[01]?\d|2[0-3])" + _HOUR_UNIT + r"(?![\w\d])",
    re.I,
)
"""Whole hours from one to another ("de 22 heures à 6 heures", "von 20 Uhr bis 6 Uhr"): two times."""
CLOCK_RANGE_DOT_RE = re.compile(
    r"\b(?:entre|between|de|from|von|dalle|das|desde|tra)\s+(?:(?:las?|les|the|le|i)\s+)?"
    r"(?P<a>[01]?\d|2[0-3])[.:h](?P<am>[0-5]\d)\s+(?:y|and|à|a|to|bis|alle|e|et|und|until)\s+(?:(?:las?|les|the|le)\s+)?"
    r"(?P<b>[01]?\d|2[0-3])[.:h](?P<bm>[0-5]\d)(?![\d.,:]\d)",
    re.I,
)
"""Times with minutes from one to another ("entre las 22.00 y las 6.00 horas"): two times, the dot
read as a clock's because of the range."""
NAMED_TIME_RE = re.compile(
    r"\b(?:at|à|a|um|alle|ao|from|until|till|since|dès|depuis|jusqu['’]à|seit|bis|desde|hasta|dalla|dalle|fino a|vanaf|tot)\s+"
    r"(?P<word>midnight|noon|minuit|midi|medianoche|mediod[ií]a|mitternacht|mezzanotte|mezzogiorno|meia-noite|meio-dia|"
    r"middernacht)\b",
    re.I,
)
"""Midnight and noon after a word that makes them a time ("à minuit", "at noon", "um Mitternacht")."""
_NOON_WORDS = frozenset(("noon", "midi", "mediodia", "mediodía", "mezzogiorno", "meio-dia"))


def clock_list(text: str) -> list[str]:
    """The clock times of ``text`` as ``HH:MM``, in the order the text gives them."""
    out: list[str] = []
    for _, hhmm in clock_positions(text):
        if hhmm not in out:
            out.append(hhmm)
    return out


def clock_positions(text: str) -> list[tuple[int, str]]:
    """``(offset, HH:MM)`` of each clock time of ``text``, in text order."""
    found: list[tuple[int, str]] = []
    for m in CLOCK_RANGE_RE.finditer(text):
        found.append((m.start("a"), f"{int(m['a']):02d}:00"))
        found.append((m.start("b"), f"{int(m['b']):02d}:00"))
    for m in CLOCK_RANGE_DOT_RE.finditer(text):
        found.append((m.start("a"), f"{int(m['a']):02d}:{m['am']}"))
        found.append((m.start("b"), f"{int(m['b']):02d}:{m['bm']}"))
    for m in NAMED_TIME_RE.finditer(text):
        found.append((m.start("word"), "12:00" if m["word"].lower() in _NOON_WORDS else "00:00"))
    for at, hhmm in _clock_matches(text):
        if not any(a == at for a, _ in found):
            found.append((at, hhmm))
    found.sort()
    return found


def clock_times(text: str) -> frozenset[str]:
    """The clock times of ``text`` as ``HH:MM`` (see ``Features.times``)."""
    return frozenset(clock_list(text))


def _clock_matches(text: str) -> list[tuple[int, str]]:
    """``(offset of the hour, HH:MM)`` for each match of ``CLOCK_RE``."""
    out = []
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
        out.append((m.start(m.lastgroup) if m.lastgroup else m.start(), f"{h:02d}:{mi:02d}"))
    return out
