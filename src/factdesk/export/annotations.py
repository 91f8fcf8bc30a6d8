"""W3C Web Annotation JSON-LD: the analyst's notes, verdicts and confirmed links.

The output is one ``AnnotationCollection`` whose ``first`` page holds every annotation (each
carries its own ``@context``, so items can be taken out one by one):

- a **note** → motivation ``commenting`` (``tagging`` when it only has tags); body: a
  ``TextualBody`` with the note (``format`` text/plain, ``language`` from
  ``FACTDESK_NOTE_LANGUAGE``, default ``en``) plus one ``tagging`` body per tag; ``created`` /
  ``modified`` from the note record.
- a **verdict** → motivation ``assessing``; body: a ``TextualBody`` with the verdict's words;
  ``created`` is when the verdict was set. ``unverified`` verdicts are exported too (they are
  the analyst's explicit state).
- a **confirmed link** (analyst link or accepted suggestion; contradictions included) → motivation
  ``linking`` with two targets; bodies: the relation (``tagging``), the analyst's link note
  (``commenting``) and for contradictions the open/resolved status (``describing``).

Every target is ``{"source", "selector": [TextQuoteSelector, TextPositionSelector]}``: the source
is the article's URL when known, else ``urn:factdesk:article:<id>``; ``exact`` is the claim text,
``prefix``/``suffix`` up to 32 characters around it (omitted when empty), and ``start``/``end``
are character offsets into the article's extracted text. Annotation ids are
``urn:factdesk:annotation:note-<claim>``, ``…:verdict-<claim>`` and ``…:link-<link id>``: stable
across exports. Unreviewed suggestions are not exported: they are not findings.
"""

from __future__ import annotations

import os
from typing import Any

from factdesk.core.models import stable_hash
from factdesk.export.jsonfmt import dumps
from factdesk.export.model import ClaimInfo, Contradiction, PairLink, Report

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ID_PREFIX = "urn:factdesk:annotation:"


def article_source(claim: ClaimInfo) -> str:
    return claim.article.url or f"urn:factdesk:article:{claim.article.id}"


def target(claim: ClaimInfo) -> dict[str, Any]:
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": claim.text}
    if claim.prefix:
        quote["prefix"] = claim.prefix
    if claim.suffix:
        quote["suffix"] = claim.suffix
    return {
        "source": article_source(claim),
        "selector": [quote, {"type": "TextPositionSelector", "start": claim.start, "end": claim.end}],
    }


def _creator(report: Report) -> dict[str, Any]:
    out: dict[str, Any] = {"type": report.author["type"], "name": report.author["name"]}
    if report.author.get("url"):
        out["id"] = report.author["url"]
    return out


def _annotation(ident: str, motivation: str, body: list[dict[str, Any]], tgt: Any, report: Report) -> dict[str, Any]:
    return {
        "@context": ANNO_CONTEXT,
        "id": ID_PREFIX + ident,
        "type": "Annotation",
        "motivation": motivation,
        "creator": _creator(report),
        "body": body[0] if len(body) == 1 else body,
        "target": tgt,
    }


def _stamp(anno: dict[str, Any], created: str | None, modified: str | None = None) -> dict[str, Any]:
    if created:
        anno["created"] = created
    if modified and modified != created:
        anno["modified"] = modified
    return anno


def note_annotation(report: Report, claim: ClaimInfo, language: str) -> dict[str, Any] | None:
    note = claim.note
    if not note:
        return None
    body: list[dict[str, Any]] = []
    if note["text"].strip():
        body.append(
            {"type": "TextualBody", "purpose": "commenting", "value": note["text"], "format": "text/plain", "language": language}
        )
    body += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in note["tags"]]
    if not body:
        return None
    motivation = "commenting" if note["text"].strip() else "tagging"
    anno = _annotation(f"note-{claim.id}", motivation, body, target(claim), report)
    return _stamp(anno, note.get("created"), note.get("updated"))


def verdict_annotation(report: Report, claim: ClaimInfo) -> dict[str, Any] | None:
    verdict = claim.verdict
    if not verdict:
        return None
    body = [
        {"type": "TextualBody", "purpose": "assessing", "value": verdict["label"], "format": "text/plain", "language": "en"}
    ]
    anno = _annotation(f"verdict-{claim.id}", "assessing", body, target(claim), report)
    return _stamp(anno, verdict.get("date"))


def link_annotation(
    report: Report, link: PairLink, language: str, contradiction: Contradiction | None = None
) -> dict[str, Any]:
    body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "tagging", "value": link.relation}]
    if link.note:
        body.append(
            {"type": "TextualBody", "purpose": "commenting", "value": link.note, "format": "text/plain", "language": language}
        )
    if contradiction is not None:
        text = f"contradiction {contradiction.status}"
        if contradiction.resolution:
            text += f": {contradiction.resolution}"
        body.append({"type": "TextualBody", "purpose": "describing", "value": text, "format": "text/plain", "language": "en"})
    anno = _annotation(f"link-{link.id}", "linking", body, [target(link.a), target(link.b)], report)
    return _stamp(anno, link.created)


def annotation_list(report: Report, language: str | None = None) -> list[dict[str, Any]]:
    language = language or os.environ.get("FACTDESK_NOTE_LANGUAGE", "").strip() or "en"
    items: list[dict[str, Any]] = []
    for claim in report.reviewed:
        for anno in (note_annotation(report, claim, language), verdict_annotation(report, claim)):
            if anno is not None:
                items.append(anno)
    by_link = {k.link.id: k for k in report.contradictions}
    for link in report.confirmed_links:
        items.append(link_annotation(report, link, language, by_link.get(link.id)))
    return items


def annotation_collection(report: Report) -> dict[str, Any]:
    items = annotation_list(report)
    scope = report.scope
    key = stable_hash(
        report.workspace,
        ",".join(scope.get("articles") or []),
        (scope.get("event") or {}).get("id") or "",
    )
    ident = f"urn:factdesk:collection:{key}"
    return {
        "@context": ANNO_CONTEXT,
        "id": ident,
        "type": "AnnotationCollection",
        "label": f"{report.title} — {report.workspace}",
        "total": len(items),
        "first": {"id": f"{ident}:page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def render_annotations(report: Report) -> str:
    return dumps(annotation_collection(report))
