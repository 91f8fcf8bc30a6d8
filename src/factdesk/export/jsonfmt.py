"""The report as JSON: the full structured data, schema ``factdesk-report/1``.

Top-level keys (all always present; ``null`` where unknown):

``schema``
    ``"factdesk-report/1"``. A reader checks it; incompatible changes bump the number, new keys
    may be added within a version.
``title``, ``generated``, ``workspace``
    Report title, the ``Generated`` stamp (``FACTDESK_REPORT_DATE`` overrides the clock) and the
    workspace directory's name.
``scope``
    ``{"articles": [ids] | null, "event": {"id", "label", "date_start", "date_end"} | null}``.
``rules``
    ``{"contradiction_resolved": text, "resolving_tags": [...]}``: how open/resolved is decided.
``articles``
    List in import order: ``{"id", "number", "title", "outlet", "language", "published", "url",
    "file", "claims"}`` (``claims`` = the article's claim count; ``file`` is relative).
``summary``
    ``{"articles", "claims", "reviewed_claims", "notes", "links_confirmed", "facts",
    "contradictions": {"total", "open", "resolved"}, "verdicts": {verdict: count, every verdict
    of the scale}, "suggestions": {"unreviewed", "accepted", "rejected"}}``.
``claims``
    Object keyed by claim id, holding every claim the report mentions, in report order:
    ``{"id", "article", "text", "start", "end", "location": {"paragraph", "line", "line_end",
    "column"}, "prefix", "suffix", "sources", "spans", "language", "note", "verdict"}``.
    ``text == article_text[start:end]`` (character offsets); paragraph/line/column are 1-based;
    ``prefix``/``suffix`` are up to 32 characters of context; ``note`` is ``{"text", "tags",
    "created", "updated"}`` or null; ``verdict`` is ``{"value", "label", "date"}`` or null.
``contradictions``
    ``{"number", "id", "claims": [a, b], "status": "open"|"resolved", "resolution": text|null,
    "origin": "analyst link"|"accepted suggestion", "note", "created", "suggestion"}``.
``facts``
    Confirmed links grouped by fact: ``{"id", "number", "claims": [ids], "articles": [ids],
    "links": [link]}``; a link is ``{"id", "claims": [a, b], "relation": "same"|"supports",
    "origin", "note", "created", "suggestion"}``.
``annotated``
    Ids of the other claims carrying a note or a verdict.
``unreviewed``, ``rejected``
    Suggestions: ``{"id", "kind": "match"|"contradiction", "ctype", "score", "reasons", "event",
    "status", "decided", "claims": [a, b]}``. Unreviewed suggestions are leads, never findings.

``suggestion`` inside a link or contradiction is the accepted suggestion's id, or null.
"""

from __future__ import annotations

import json
from typing import Any

from factdesk.export.model import (
    RESOLVING_TAGS,
    ClaimInfo,
    Location,
    PairLink,
    Report,
    SuggestionInfo,
)

SCHEMA = "factdesk-report/1"

RESOLVED_RULE = (
    "resolved when both claims carry a verdict other than 'unverified', or the contradiction link"
    " carries the analyst's note, or a note on either claim is tagged 'resolved' or 'explained'; open otherwise"
)

_ESCAPE_IN_STRINGS = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}
_ESCAPE_IN_STRINGS |= {code: f"\\u{code:04x}" for code in (0x2028, 0x2029, 0x200B, 0x2060, 0xFEFF, 0x00AD, 0x180E)}
_ESCAPE_IN_STRINGS |= {code: f"\\u{code:04x}" for code in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)}


def dumps(data: Any) -> str:
    """Pretty JSON, UTF-8 text kept readable, but every control / invisible character \\u-escaped.

    The data is unchanged (a JSON reader gets the exact text back); the escaping only keeps a
    terminal or an editor from acting on C1 controls, bidi overrides or line separators.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.translate(_ESCAPE_IN_STRINGS) + "\n"


def _location(loc: Location) -> dict[str, int]:
    return {"paragraph": loc.paragraph, "line": loc.line, "line_end": loc.line_end, "column": loc.column}


def claim_json(c: ClaimInfo) -> dict[str, Any]:
    return {
        "id": c.id,
        "article": c.article.id,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "location": _location(c.location),
        "prefix": c.prefix,
        "suffix": c.suffix,
        "sources": list(c.sources),
        "spans": c.spans,
        "language": c.language,
        "note": dict(c.note) if c.note else None,
        "verdict": dict(c.verdict) if c.verdict else None,
    }


def link_json(link: PairLink) -> dict[str, Any]:
    return {
        "id": link.id,
        "claims": [link.a.id, link.b.id],
        "relation": link.relation,
        "origin": link.origin,
        "note": link.note,
        "created": link.created,
        "suggestion": link.suggestion.id if link.suggestion is not None else None,
    }


def suggestion_json(s: SuggestionInfo) -> dict[str, Any]:
    return {
        "id": s.id,
        "kind": s.kind,
        "ctype": s.ctype,
        "score": round(s.score, 4),
        "reasons": list(s.reasons),
        "event": s.event,
        "status": s.status,
        "decided": s.decided,
        "claims": [s.a.id, s.b.id],
    }


def report_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data (``factdesk-report/1``)."""
    return {
        "schema": SCHEMA,
        "title": report.title,
        "generated": report.generated,
        "workspace": report.workspace,
        "scope": report.scope,
        "rules": {"contradiction_resolved": RESOLVED_RULE, "resolving_tags": list(RESOLVING_TAGS)},
        "articles": [
            {
                "id": a.id,
                "number": a.number,
                "title": a.title,
                "outlet": a.outlet,
                "language": a.language,
                "published": a.published,
                "url": a.url,
                "file": a.file,
                "claims": a.claim_count,
            }
            for a in report.articles
        ],
        "summary": report.summary,
        "claims": {cid: claim_json(c) for cid, c in report.claims.items()},
        "contradictions": [
            {
                "number": k.number,
                "id": k.link.id,
                "claims": [k.link.a.id, k.link.b.id],
                "status": k.status,
                "resolution": k.resolution,
                "origin": k.link.origin,
                "note": k.link.note,
                "created": k.link.created,
                "suggestion": k.link.suggestion.id if k.link.suggestion is not None else None,
            }
            for k in report.contradictions
        ],
        "facts": [
            {
                "id": f.id,
                "number": f.number,
                "claims": [c.id for c in f.claims],
                "articles": [a.id for a in f.articles],
                "links": [link_json(l) for l in f.links],
            }
            for f in report.facts
        ],
        "annotated": [c.id for c in report.annotated],
        "unreviewed": [suggestion_json(s) for s in report.unreviewed],
        "rejected": [suggestion_json(s) for s in report.rejected],
    }


def render_json(report: Report) -> str:
    return dumps(report_json(report))
