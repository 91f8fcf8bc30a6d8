"""Check-worthiness score of a claim, in [0, 1], with human-readable reasons.

score = quantity + date + attribution + quote + entities, then scaled by sentence kind:

- quantity:    0.40 when a counted kind is known (killed, targets, money...), 0.25 when only
               ``other``/``duration``/``age``; +0.10 when a casualty kind is present;
- date:        0.20 when resolved, 0.10 when not;
- attribution: 0.15;
- quote:       0.15 for quoted speech, 0.05 for scare quotes only;
- entities:    0.03 per distinct entity key, at most 0.09 (an entities-only claim also gets 0.05);
- headings x 0.9, foreign-script lines x 0.6; capped at 1.0, rounded to 3 decimals.
"""

from __future__ import annotations

from ..models import Span
from .numbers import CASUALTY_KINDS


def _fmt_value(v: float | None) -> str:
    if v is None:
        return "?"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:g}"


def score(spans: list[Span], kind: str) -> tuple[float, list[str]]:
    reasons: list[str] = []
    q: list[Span] = []
    d: list[Span] = []
    a: list[Span] = []  # attributions, conduits left out
    qt: list[Span] = []
    ents: set[str] = set()
    for s in spans:
        t = s.type
        if t == "entity":
            if s.key:
                ents.add(s.key)
        elif t == "quantity":
            q.append(s)
        elif t == "date":
            d.append(s)
        elif t == "quote":
            qt.append(s)
        elif t == "attribution" and s.kind != "conduit":
            a.append(s)
    total = 0.0
    if q:
        strong = [s for s in q if s.kind not in ("other", "duration", "age")]
        total += 0.40 if strong else 0.25
        if any(s.kind in CASUALTY_KINDS for s in q):
            total += 0.10
        for s in q[:4]:
            qual = f"{s.qualifier.replace('_', ' ')} " if s.qualifier else ""
            unit = f" {s.unit}" if s.unit and s.kind == "money" else ""
            reasons.append(f"quantity: {qual}{_fmt_value(s.value)}{unit} {s.kind}")
    if d:
        total += 0.20 if any(s.resolved for s in d) else 0.10
        for s in d[:3]:
            reasons.append(f"date: {s.resolved or 'unresolved ' + repr(s.text)}")
    if a:
        total += 0.15
        for s in a[:2]:
            reasons.append(f"attributed to {s.source}")
    if qt:
        speech = [s for s in qt if s.kind != "scare"]
        total += 0.15 if speech else 0.05
        if speech:
            who = next((s.speaker for s in speech if s.speaker), None)
            reasons.append("quoted speech" + (f" ({who})" if who else ""))
        else:
            reasons.append("scare quotes")
    if ents:
        total += min(0.09, 0.03 * len(ents))
        if not (q or d or a or qt):
            total += 0.05
            reasons.append("entities only: " + ", ".join(sorted(ents)[:4]))
    if kind == "heading":
        total *= 0.9
    elif kind == "foreign":
        total *= 0.6
    return round(min(1.0, max(0.0, total)), 3), reasons
