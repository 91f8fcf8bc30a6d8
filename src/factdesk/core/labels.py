"""Short human labels for spans and claims, shared by the CLI, the TUI inspector and the reports."""

from __future__ import annotations

from factdesk.core.models import Span

QUALIFIER_SIGNS = {
    "at_least": "≥",
    "more_than": ">",
    "less_than": "<",
    "up_to": "≤",
    "about": "≈",
    "exactly": "=",
}


def format_number(value: float | None) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ") if abs(value) >= 10000 else str(int(value))
    return f"{value:g}"


def span_label(span: Span) -> str:
    """``killed ≥ 18``, ``2024-02-02 (day)``, ``quote — Joe Biden``, ``source: OSDH``, ``al-Qaim (place)``,
    ``the company → Brandt & Söhne (org)``."""
    if span.type == "quantity":
        sign = QUALIFIER_SIGNS.get(span.qualifier or "", "")
        number = format_number(span.value)
        unit = f" {span.unit}" if span.unit else ""
        kind = span.kind or "count"
        return f"{kind} {sign} {number}{unit}".replace("  ", " ") if sign else f"{kind} {number}{unit}"
    if span.type == "date":
        if span.resolved:
            gran = f" ({span.granularity})" if span.granularity and span.granularity != "day" else ""
            return f"{span.resolved}{gran}"
        return f"{span.text} (unresolved)"
    if span.type == "quote":
        return f"quote — {span.speaker}" if span.speaker else "quote"
    if span.type == "attribution":
        return f"source: {span.source or span.text}"
    if span.type == "entity":
        kind = f" ({span.kind})" if span.kind and span.kind != "unknown" else ""
        refers = f" → {span.basis}" if span.basis else ""  # "the company → Brandt & Söhne"
        return f"{span.text}{refers}{kind}"
    return span.text
