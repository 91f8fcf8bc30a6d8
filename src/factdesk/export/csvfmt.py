"""The report as CSV: one row per reviewed claim, for spreadsheets.

A claim is reviewed when it has a note, a verdict, a confirmed link or contradiction, or belongs
to an accepted or rejected suggestion. Rows follow report order (article import order, then
position). Columns, in this fixed order, are :data:`COLUMNS`.

Cells are data, never formulas: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading ``'`` so a spreadsheet shows it as text. Control characters are
made visible (one character for one, so offsets still match); newlines inside notes are kept in
quoted cells. The file is UTF-8 with CRLF line ends (RFC 4180).
"""

from __future__ import annotations

import csv
import io

from factdesk.core.textsafe import visible_keep_newlines
from factdesk.export.model import ClaimInfo, Report

COLUMNS = (
    "claim_id",
    "article_id",
    "article_title",
    "outlet",
    "language",
    "published",
    "file",
    "paragraph",
    "line",
    "start",
    "end",
    "claim_text",
    "attributed_to",
    "verdict",
    "note",
    "tags",
    "links",
    "contradiction",
    "fact",
    "suggestions",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A safe spreadsheet cell: controls visible, formula-like text neutralised."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return visible_keep_newlines(text)


def _rows(report: Report) -> list[dict[str, object]]:
    links: dict[str, list[str]] = {}
    for link in report.confirmed_links:
        links.setdefault(link.a.id, []).append(f"{link.relation} {link.b.id}")
        links.setdefault(link.b.id, []).append(f"{link.relation} {link.a.id}")
    contradiction: dict[str, list[str]] = {}
    for k in report.contradictions:
        for me, other in ((k.link.a, k.link.b), (k.link.b, k.link.a)):
            contradiction.setdefault(me.id, []).append(f"#{k.number} {k.status} (with {other.id})")
    fact: dict[str, str] = {c.id: f"Fact {f.number}" for f in report.facts for c in f.claims}
    decided: dict[str, list[str]] = {}
    for s in [*report.accepted, *report.rejected]:
        for c in (s.a, s.b):
            entry = f"{s.status} {s.kind} {s.id}"
            if entry not in decided.setdefault(c.id, []):
                decided[c.id].append(entry)
    rows = []
    for c in report.reviewed:
        rows.append(_row(c, links, contradiction, fact, decided))
    return rows


def _row(
    c: ClaimInfo,
    links: dict[str, list[str]],
    contradiction: dict[str, list[str]],
    fact: dict[str, str],
    decided: dict[str, list[str]],
) -> dict[str, object]:
    art = c.article
    return {
        "claim_id": c.id,
        "article_id": art.id,
        "article_title": art.title,
        "outlet": art.outlet,
        "language": c.language,
        "published": art.published,
        "file": art.file,
        "paragraph": c.location.paragraph,
        "line": c.location.line,
        "start": c.start,
        "end": c.end,
        "claim_text": c.text,
        "attributed_to": "; ".join(c.sources),
        "verdict": c.verdict["value"] if c.verdict else None,
        "note": c.note["text"] if c.note else None,
        "tags": ", ".join(c.note["tags"]) if c.note else None,
        "links": "; ".join(links.get(c.id, [])),
        "contradiction": "; ".join(contradiction.get(c.id, [])),
        "fact": fact.get(c.id),
        "suggestions": "; ".join(decided.get(c.id, [])),
    }


def render_csv(report: Report) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in _rows(report):
        writer.writerow([cell(row[name]) for name in COLUMNS])
    return buf.getvalue()
