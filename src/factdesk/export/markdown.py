"""The report as Markdown: readable as plain text, pasteable into a chat or a CMS.

Everything that comes from articles or analysts is data, never markup: control characters are
made visible, and the characters Markdown acts on (``\\ ` * _ [ ] < > | ~``, plus ``# + - =`` and
``1.`` at the start of a line) are backslash-escaped, so an article cannot inject a link, an
image, HTML or a heading into the report. Quotes are the claims' exact text (newlines shown as
spaces) in blockquotes, each with its article and location.
"""

from __future__ import annotations

import re

from factdesk.core.models import VERDICTS
from factdesk.core.textsafe import visible_keep_newlines, visible_line
from factdesk.export.model import ClaimInfo, Report, SuggestionInfo, location_label, scope_label, verdict_label

_SPECIAL = frozenset("\\`*_[]<>|~")
_LINE_START = re.compile(r"^(\s*)([#+\-=])")
_ORDERED = re.compile(r"^(\s*\d{1,9})([.)])")


def escape(text: str | None) -> str:
    """Inline Markdown escaping of one line of data (newlines become spaces)."""
    flat = visible_line(text or "")
    out = "".join("\\" + ch if ch in _SPECIAL else ch for ch in flat)
    return _escape_line_start(out)


def _escape_line_start(line: str) -> str:
    line = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)
    return _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)


def escape_block(text: str | None, indent: str = "") -> str:
    """Multi-line data: each line escaped, joined with hard line breaks under ``indent``."""
    lines = visible_keep_newlines(text or "").split("\n")
    escaped = [escape(line) for line in lines]
    while escaped and not escaped[-1].strip():
        escaped.pop()
    return ("  \n" + indent).join(escaped)


def _article_ref(claim: ClaimInfo) -> str:
    art = claim.article
    outlet = f" ({escape(art.outlet)})" if art.outlet else ""
    return f"*{escape(art.title)}*{outlet}"


def _claim_block(claim: ClaimInfo, label: str = "", *, analyst: bool = True) -> list[str]:
    lead = f"**{label}** " if label else ""
    out = [
        f"{lead}{_article_ref(claim)} — {location_label(claim.location, claim.start, claim.end)} · claim {claim.id}",
        "",
        f"> {escape(claim.text)}",
        "",
    ]
    items = []
    if claim.sources:
        items.append(f"- Attributed to: {', '.join(escape(s) for s in claim.sources)}")
    if analyst and claim.verdict:
        items.append(f"- Verdict: **{escape(claim.verdict['label'])}**")
    if analyst and claim.note:
        if claim.note["text"].strip():
            items.append(f"- Note: {escape_block(claim.note['text'], '  ')}")
        if claim.note["tags"]:
            items.append(f"- Tags: {', '.join(escape(t) for t in claim.note['tags'])}")
    if items:
        out += items + [""]
    return out


def _excerpt(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _suggestion_title(s: SuggestionInfo) -> str:
    kind = "possible contradiction" if s.kind == "contradiction" else "possible match"
    ctype = f" ({escape(s.ctype)})" if s.ctype else ""
    return f"{kind}{ctype}, score {s.score:.2f}"


def render_markdown(report: Report) -> str:
    s = report.summary
    out: list[str] = [
        f"# {escape(report.title)}",
        "",
        f"Generated: {escape(report.generated)}  ",
        f"Workspace: {escape(report.workspace)}  ",
        f"Scope: {escape(scope_label(report))}",
        "",
        "## Articles reviewed",
        "",
    ]
    if not report.articles:
        out += ["No articles in scope.", ""]
    for art in report.articles:
        facts = [escape(art.outlet) if art.outlet else "outlet unknown"]
        facts.append(f"language {escape(art.language)}" if art.language else "language unknown")
        facts.append(escape(art.published) if art.published else "date unknown")
        facts.append(f"file {escape(art.file)}")
        out.append(f"{art.number}. **{escape(art.title)}** — {', '.join(facts)} (article {escape(art.id)})")
        if art.url:
            out.append(f"   URL: {escape(art.url)}")
    out += ["", "## Summary", ""]
    verdicts = [f"{verdict_label(v).lower()} {s['verdicts'][v]}" for v in VERDICTS if s["verdicts"][v]]
    k = s["contradictions"]
    out += [
        f"- Articles: {s['articles']}",
        f"- Claims: {s['claims']} ({s['reviewed_claims']} reviewed, {s['notes']} with a note)",
        f"- Links confirmed: {s['links_confirmed']} (grouped into {s['facts']} facts)",
        f"- Contradictions: {k['total']} ({k['open']} open, {k['resolved']} resolved)",
        f"- Verdicts: {', '.join(verdicts) if verdicts else 'none'}",
        f"- Suggestions: {s['suggestions']['accepted']} accepted, {s['suggestions']['rejected']} rejected,"
        f" {s['suggestions']['unreviewed']} unreviewed"
        f" ({sum(x.kind == 'contradiction' for x in report.unreviewed)} possible contradictions; listed last, not findings)",
        "",
        "A contradiction is resolved when both claims carry a verdict (other than unverified), when the"
        " analyst's note on the link explains it, or when a note on either claim is tagged"
        " \"resolved\" or \"explained\"; otherwise it is open.",
        "",
        "## Contradictions",
        "",
    ]
    if not report.contradictions:
        out += ["No confirmed contradictions.", ""]
    for item in report.contradictions:
        link = item.link
        out += [f"### Contradiction {item.number} — {item.status}", ""]
        meta = [f"Origin: {link.origin}"]
        if link.suggestion is not None:
            sugg = link.suggestion
            meta.append(f"suggestion {sugg.id}" + (f" ({escape(sugg.ctype)})" if sugg.ctype else ""))
            meta.append(f"score {sugg.score:.2f}")
        out += [" · ".join(meta), ""]
        out += _claim_block(link.a, "A")
        out += _claim_block(link.b, "B")
        if link.note:
            out += [f"Link note: {escape_block(link.note)}", ""]
        if link.suggestion is not None and link.suggestion.reasons:
            out += [f"Why it was suggested: {escape('; '.join(link.suggestion.reasons))}", ""]
        out += [f"Status: **{item.status}**" + (f" — {escape(item.resolution)}" if item.resolution else ""), ""]

    out += ["## Confirmed links", ""]
    if not report.facts:
        out += ["No confirmed links.", ""]
    for fact in report.facts:
        n_art = len(fact.articles)
        out += [
            f"### Fact {fact.number} — {len(fact.claims)} claims in {n_art} article{'s' if n_art != 1 else ''}",
            "",
        ]
        for link in fact.links:
            note = f"; note: {escape(link.note)}" if link.note else ""
            out.append(f"- {link.a.id} {link.relation} {link.b.id} ({link.origin}{note})")
        out.append("")
        for claim in fact.claims:
            out += _claim_block(claim)

    out += ["## Other annotated claims", ""]
    if not report.annotated:
        out += ["None.", ""]
    for claim in report.annotated:
        out += _claim_block(claim)

    out += [
        "## Unreviewed suggestions",
        "",
        "Computed automatically and not reviewed by anyone: these are leads, not findings.",
        "",
    ]
    if not report.unreviewed:
        out += ["None.", ""]
    # Possible contradictions are the leads worth reading in full; possible matches get one line
    # each, so the report stays pasteable however many links were suggested.
    for sugg in (x for x in report.unreviewed if x.kind == "contradiction"):
        out += [f"### Suggestion {sugg.id} — {_suggestion_title(sugg)}", ""]
        out += _claim_block(sugg.a, "A", analyst=False)
        out += _claim_block(sugg.b, "B", analyst=False)
        if sugg.reasons:
            out += [f"Why: {escape('; '.join(sugg.reasons))}", ""]
    matches = [x for x in report.unreviewed if x.kind != "contradiction"]
    if matches:
        out += ["### Possible matches", ""]
        for sugg in matches:
            out.append(
                f"- {sugg.id} ({sugg.score:.2f}): {sugg.a.id} “{escape(_excerpt(sugg.a.text))}” ↔"
                f" {sugg.b.id} “{escape(_excerpt(sugg.b.text))}”"
                + (f" — {escape('; '.join(sugg.reasons[:3]))}" if sugg.reasons else "")
            )
        out.append("")

    if report.rejected:
        out += ["## Rejected suggestions", ""]
        for sugg in report.rejected:
            out.append(
                f"- {sugg.id} — {_suggestion_title(sugg)}: {sugg.a.id} (*{escape(sugg.a.article.title)}*)"
                f" and {sugg.b.id} (*{escape(sugg.b.article.title)}*)"
            )
        out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
