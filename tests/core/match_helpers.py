"""Helpers to build hand-made claims for the matching tests."""

from __future__ import annotations

from factdesk.core.models import Claim, Span


def span(text: str, sub: str, type_: str, occurrence: int = 0, **kw) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(sub, start + 1)
    return Span(type=type_, start=start, end=start + len(sub), text=sub, **kw)


def claim(cid: str, article: str, text: str, lang: str, *specs: tuple, ordinal: int = 0) -> Claim:
    """``specs``: ("q", sub, value, qualifier, kind) | ("d", sub, resolved[, granularity]) |
    ("e", sub, key, kind) | ("a", sub, key) | ("quote", sub[, speaker])."""
    spans = []
    for spec in specs:
        kind = spec[0]
        if kind == "q":
            _, sub, value, qualifier, counted = spec
            spans.append(span(text, sub, "quantity", value=float(value), qualifier=qualifier, kind=counted))
        elif kind == "d":
            sub, resolved = spec[1], spec[2]
            gran = spec[3] if len(spec) > 3 else ("day" if len(resolved) >= 10 else "month")
            spans.append(span(text, sub, "date", resolved=resolved, granularity=gran))
        elif kind == "e":
            _, sub, key, ekind = spec
            spans.append(span(text, sub, "entity", key=key, kind=ekind))
        elif kind == "a":
            _, sub, key = spec
            spans.append(span(text, sub, "attribution", key=key, source=sub))
        elif kind == "quote":
            sub = spec[1]
            spans.append(span(text, sub, "quote", speaker=spec[2] if len(spec) > 2 else None))
        else:
            raise ValueError(kind)
    spans.sort(key=lambda s: s.start)
    return Claim(id=cid, article_id=article, start=0, end=len(text), text=text, spans=spans, lang=lang, ordinal=ordinal)
