"""Blocking keys ("anchors") of a claim: what another claim must share with it to be compared.

Anchor kinds (prefix):

- ``e:`` normalised entity key (names carry over across languages)
- ``s:`` attribution source key
- ``c:`` lexicon concept (``c:warehouse`` for warehouse / entrepôt / almacén / Lager)
- ``m:`` counted-thing measure (``m:killed``) and ``q:`` measure + value (``q:killed:18``)
- ``d:`` resolved day (and, for a weekday wrong for its date, the days nearby it fits), ``mo:`` resolved month
- ``w:`` a rare folded word of a quote or of the text (names the extractor missed, cognates)

Anchors only choose candidates; the pair scorer decides. Anchors carried by too many claims are
skipped for blocking (their document frequency is capped) but still weigh in scoring via IDF.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache

from factdesk.core.matching.features import UNCOMPARABLE_KINDS, Features
from factdesk.core.matching.lexicon import lexicon

_SKIP_CONCEPT_TYPES = {"report", "time", "general"}
"""Concept types that choose no candidates (general ones only inside a quote, see claim_anchors)."""
MAX_WORD_ANCHORS = 8
MAX_DAYS_PER_DATE = 4

# Blocking weight of each anchor kind (multiplies IDF when ranking candidates).
KIND_WEIGHT = {"e": 1.0, "s": 0.6, "c": 0.7, "m": 0.3, "q": 0.5, "d": 0.8, "mo": 0.3, "w": 0.8}


def claim_anchors(f: Features) -> list[str]:
    types = lexicon().types
    out: list[str] = ["e:" + k for k in f.entities]
    out += ["s:" + k for k in f.sources]
    out += ["c:" + c for c in sorted(f.concepts) if types.get(c) not in _SKIP_CONCEPT_TYPES]
    if f.quotes:
        # common words (open, late, door …) choose no candidates, except inside a quote: a
        # translated quote keeps few names, but its common words map to the same concepts
        general = lexicon().general_concepts
        out += ["c:" + t for q in f.quotes for t in q.split() if t in general]
    for q in f.quantities:
        m = q.measure
        if m is None or m in UNCOMPARABLE_KINDS:
            continue
        out.append("m:" + m)
        v = int(q.value) if float(q.value).is_integer() else q.value
        out.append(f"q:{m}:{v}")
    for d in f.dates:
        lo, hi = d.lo, d.hi
        if hi - lo < MAX_DAYS_PER_DATE and d.granularity != "month":
            out += ["d:" + _iso_day(o) for o in range(lo, hi + 1)]
        if hi - lo <= 31:
            first, last = _iso_day(lo)[:7], _iso_day(hi)[:7]
            out.append("mo:" + first)
            if last != first:
                out.append("mo:" + last)
        if d.stated is not None and lo == hi and date.fromordinal(lo).weekday() != d.stated:
            # a weekday wrong for its own date ("sabato 21 luglio" in a year where the 21st of
            # July is a Monday) is most likely right for the date meant: the same day of a
            # month nearby, which the claims stating that date carry as their day anchor
            out += ["d:" + day for day in _told_days(lo, d.stated)]
    words = sorted({t for t in f.residual if len(t) >= 6 and not t.isdigit()}, key=lambda t: (-len(t), t))
    out += ["w:" + t for t in words[:MAX_WORD_ANCHORS]]
    return list(dict.fromkeys(out))


SLIP_MONTHS = 13
"""How far from a misdated day (in months, either way) the day meant is looked for."""


@lru_cache(maxsize=1024)
def _told_days(ordinal: int, weekday: int) -> tuple[str, ...]:
    """The same day of the month as ``ordinal`` in the months around it where it is ``weekday``."""
    day = date.fromordinal(ordinal)
    out = []
    for k in range(-SLIP_MONTHS, SLIP_MONTHS + 1):
        y, m = divmod(day.month - 1 + k, 12)
        try:
            other = date(day.year + y, m + 1, day.day)
        except ValueError:
            continue  # the 31st of a shorter month
        if k and other.weekday() == weekday:
            out.append(other.isoformat())
    return tuple(out)


@lru_cache(maxsize=4096)
def _iso_day(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def anchor_kind(anchor: str) -> str:
    return anchor.split(":", 1)[0]


def idf(df: int, n: int) -> float:
    """Inverse document frequency in (0, 1]: 1 for an anchor only one claim carries."""
    if n <= 1:
        return 1.0
    df = max(1, df)
    return max(0.05, min(1.0, math.log((n + 1) / df) / math.log(n + 1)))


MAX_BLOCKING_DF = 600
"""No anchor carried by more claims ever blocks, however large the workspace: the anchor index
keeps no postings for it (a stop anchor), only its document frequency."""


def max_df_for(n_claims: int) -> int:
    """Cap on anchor document frequency for blocking."""
    return max(40, min(MAX_BLOCKING_DF, int(n_claims * 0.004)))
