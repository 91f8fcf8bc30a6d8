"""Gathering the verification report from a workspace: one deterministic data structure.

Every renderer (Markdown, HTML, JSON, ClaimReview, Web Annotation, CSV) reads the :class:`Report`
built here, so all formats agree on what counts as a finding. The rules:

- **Scope.** All articles, or only ``articles`` (ids, id prefixes or file names), or only the
  articles of ``event``; both given means their intersection. Links and suggestions are kept
  only when *both* claims lie in the scope.
- **Contradictions** (findings): analyst links with relation ``contradicts`` plus accepted
  ``contradiction`` suggestions. An accepted suggestion whose two claims the analyst later linked
  with another relation is superseded by that link and is not a contradiction.
- **Open / resolved.** A contradiction is *resolved* when (a) both claims carry a verdict other
  than ``unverified``, or (b) the contradiction link itself carries the analyst's note
  explaining it, or (c) a note on either claim is tagged ``resolved`` or ``explained``.
  Otherwise it is *open*. The report states which rule resolved it.
- **Confirmed links** (findings): analyst links ``same`` / ``supports`` plus accepted ``match``
  suggestions (same supersession rule), grouped by fact: a fact is a connected component of
  those links.
- **Other annotated claims**: claims with a note or a verdict that appear in neither of the
  sections above.
- **Unreviewed suggestions** are listed apart and are never findings; **rejected suggestions**
  are listed for the record.
- **Reviewed claims** (the CSV rows): claims with a note, a verdict, a confirmed link or a
  contradiction, or that belong to an accepted or rejected suggestion.

Ordering is fixed (article import order, then position in the text, then ids), and the only
clock read is the ``Generated`` stamp, which ``generated=`` or ``FACTDESK_REPORT_DATE`` replace.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePath
from typing import Any

from factdesk.core.errors import FactdeskError, NotFoundError
from factdesk.core.models import VERDICTS, stable_hash
from factdesk.core.store.analyst import link_id

REPORT_TITLE = "Verification report"
RESOLVING_TAGS = ("explained", "resolved")
"""A note on either claim carrying one of these tags resolves a contradiction."""
DEFAULT_AUTHOR = "factdesk analyst"
CONTEXT_CHARS = 32
"""Characters of context kept on each side of a quote (Web Annotation prefix / suffix)."""

ORIGIN_LINK = "analyst link"
ORIGIN_SUGGESTION = "accepted suggestion"


def verdict_label(verdict: str) -> str:
    """``mostly-accurate`` → ``Mostly accurate``."""
    words = verdict.replace("-", " ").replace("_", " ")
    return words[:1].upper() + words[1:]


# -- data --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class ArticleInfo:
    id: str
    number: int
    """1-based position in the report's article list (import order)."""
    title: str
    outlet: str | None
    language: str | None
    published: str | None
    url: str | None
    file: str
    """The article's file name as imported (relative; never an absolute path)."""
    text: str = field(repr=False)
    claim_count: int = 0


@dataclass(slots=True)
class Location:
    paragraph: int
    """1-based paragraph (block of non-blank lines)."""
    line: int
    """1-based line where the quote starts."""
    line_end: int
    """1-based line where the quote ends."""
    column: int
    """1-based column (character) of the quote's start in its line."""


@dataclass(slots=True)
class ClaimInfo:
    id: str
    article: ArticleInfo
    text: str
    start: int
    end: int
    location: Location
    sources: list[str]
    """Attributed sources: attribution spans' sources, then quoted speakers."""
    spans: list[dict[str, Any]]
    lang: str | None
    note: dict[str, Any] | None = None
    """``{"text", "tags", "created", "updated"}``."""
    verdict: dict[str, Any] | None = None
    """``{"value", "label", "date"}`` (date = when the verdict was last set)."""

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.article.number, self.start, self.id)

    @property
    def prefix(self) -> str:
        return self.article.text[max(0, self.start - CONTEXT_CHARS) : self.start]

    @property
    def suffix(self) -> str:
        return self.article.text[self.end : self.end + CONTEXT_CHARS]

    @property
    def language(self) -> str | None:
        return self.lang or self.article.language


@dataclass(slots=True)
class SuggestionInfo:
    id: str
    kind: str
    ctype: str | None
    score: float
    reasons: list[str]
    event: str | None
    status: str
    a: ClaimInfo
    b: ClaimInfo
    decided: str | None = None


@dataclass(slots=True)
class PairLink:
    """A confirmed link between two claims (``a`` before ``b`` in report order)."""

    id: str
    a: ClaimInfo
    b: ClaimInfo
    relation: str
    origin: str
    """``analyst link`` or ``accepted suggestion``."""
    note: str | None
    created: str | None
    suggestion: SuggestionInfo | None = None


@dataclass(slots=True)
class Contradiction:
    number: int
    link: PairLink
    status: str
    """``open`` or ``resolved``."""
    resolution: str | None
    """Why it counts as resolved (None when open)."""


@dataclass(slots=True)
class Fact:
    id: str
    number: int
    claims: list[ClaimInfo]
    links: list[PairLink]

    @property
    def articles(self) -> list[ArticleInfo]:
        seen: dict[str, ArticleInfo] = {}
        for c in self.claims:
            seen.setdefault(c.article.id, c.article)
        return sorted(seen.values(), key=lambda a: a.number)


@dataclass(slots=True)
class Report:
    title: str
    generated: str
    workspace: str
    scope: dict[str, Any]
    articles: list[ArticleInfo]
    claims: dict[str, ClaimInfo]
    """Every claim the report mentions, in report order."""
    contradictions: list[Contradiction]
    facts: list[Fact]
    annotated: list[ClaimInfo]
    unreviewed: list[SuggestionInfo]
    rejected: list[SuggestionInfo]
    accepted: list[SuggestionInfo]
    reviewed: list[ClaimInfo]
    """Claims with any analyst work (the CSV rows)."""
    summary: dict[str, Any]
    author: dict[str, str]
    """``{"type": "Organization"|"Person", "name", "url"?}`` for ClaimReview."""
    report_url: str | None
    confirmed_links: list[PairLink] = field(default_factory=list)
    """Every confirmed link, contradictions included, in report order."""

    def fact_of(self, claim_id: str) -> Fact | None:
        for fact in self.facts:
            if any(c.id == claim_id for c in fact.claims):
                return fact
        return None


# -- text positions ------------------------------------------------------------------------------------


class TextIndex:
    """Line and paragraph numbers of character offsets in one article text."""

    def __init__(self, text: str) -> None:
        self.line_starts = [0]
        self.line_starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.paragraph_of_line: list[int] = []
        paragraph = 0
        previous_blank = True
        for number, start in enumerate(self.line_starts):
            stop = self.line_starts[number + 1] - 1 if number + 1 < len(self.line_starts) else len(text)
            blank = not text[start:stop].strip()
            if not blank and previous_blank:
                paragraph += 1
            self.paragraph_of_line.append(max(paragraph, 1))
            previous_blank = blank

    def locate(self, start: int, end: int) -> Location:
        line = bisect_right(self.line_starts, start)
        line_end = bisect_right(self.line_starts, max(start, end - 1))
        return Location(
            paragraph=self.paragraph_of_line[line - 1],
            line=line,
            line_end=line_end,
            column=start - self.line_starts[line - 1] + 1,
        )


def location_label(loc: Location, start: int, end: int) -> str:
    """``¶2, line 5, chars 120–180`` (``lines 5–6`` when the quote spans lines)."""
    lines = f"line {loc.line}" if loc.line == loc.line_end else f"lines {loc.line}–{loc.line_end}"
    return f"¶{loc.paragraph}, {lines}, chars {start}–{end}"


# -- helpers -----------------------------------------------------------------------------------------


def _display_file(path: str, root: Path) -> str:
    """The article's file as a relative name: never an absolute machine path."""
    pure = PurePath(str(path).replace("\\", "/"))
    if not pure.is_absolute():
        return pure.as_posix()
    try:
        return Path(pure).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return pure.name


def _sources(spans: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for span in spans:
        if span.type == "attribution":
            name = span.source or span.text
        elif span.type == "quote" and span.speaker:
            name = span.speaker
        else:
            continue
        name = " ".join(str(name).split())
        if name and name not in out:
            out.append(name)
    return out


def _generated(generated: str | None, env: Mapping[str, str]) -> str:
    if generated:
        return generated
    if env.get("FACTDESK_REPORT_DATE"):
        return env["FACTDESK_REPORT_DATE"].strip()
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _author(env: Mapping[str, str]) -> dict[str, str]:
    name = " ".join(env.get("FACTDESK_AUTHOR", "").split()) or DEFAULT_AUTHOR
    kind = env.get("FACTDESK_AUTHOR_TYPE", "").strip().capitalize()
    out = {"type": kind if kind in ("Person", "Organization") else "Organization", "name": name}
    if env.get("FACTDESK_AUTHOR_URL", "").strip():
        out["url"] = env["FACTDESK_AUTHOR_URL"].strip()
    return out


def _event(ws: Any, event: str) -> dict[str, Any]:
    events = ws.events()
    exact = [e for e in events if e["id"] == event]
    found = exact or [e for e in events if str(e["id"]).startswith(event)]
    if not found:
        raise NotFoundError(f"no event with id {event!r} in {ws.root.name}; list them with 'factdesk events'")
    if len(found) > 1:
        raise NotFoundError(f"event id {event!r} is ambiguous; give more characters")
    return found[0]


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _verdict_rows(ws: Any) -> dict[str, tuple[str, str | None]]:
    try:
        rows = ws.query("SELECT claim_id, verdict, updated_at FROM verdicts ORDER BY claim_id")
        return {r[0]: (r[1], r[2]) for r in rows}
    except Exception:  # an older store without the column: verdicts without dates
        return {cid: (v, None) for cid, v in ws.verdicts().items()}


def _decision_dates(ws: Any) -> dict[str, str]:
    try:
        return {r[0]: r[1] for r in ws.query("SELECT suggestion_id, decided_at FROM decisions")}
    except Exception:
        return {}


# -- building ----------------------------------------------------------------------------------------


def build_report(
    ws: Any,
    articles: Iterable[str] | None = None,
    event: str | None = None,
    *,
    generated: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Report:
    """Gather the report from ``ws`` (read only). Raises NotFoundError for unknown ids."""
    env = os.environ if env is None else env
    if isinstance(articles, str):
        articles = [articles]
    rows = ws.list_articles()
    order = {row["id"]: i for i, row in enumerate(rows)}

    scope: dict[str, Any] = {"articles": None, "event": None}
    selected = [row["id"] for row in rows]
    if articles:
        wanted = list(dict.fromkeys(ws.resolve_article_id(a) for a in articles))
        scope["articles"] = sorted(wanted, key=lambda a: order.get(a, len(order)))
        selected = [a for a in selected if a in set(wanted)]
    if event:
        ev = _event(ws, event)
        scope["event"] = {k: ev.get(k) for k in ("id", "label", "date_start", "date_end")}
        members = set(ev.get("articles") or [])
        selected = [a for a in selected if a in members]

    infos: dict[str, ArticleInfo] = {}
    claims: dict[str, ClaimInfo] = {}
    for number, aid in enumerate(selected, start=1):
        art = ws.article(aid)
        info = ArticleInfo(
            id=art.id,
            number=number,
            title=art.title,
            outlet=art.source,
            language=art.language,
            published=art.published,
            url=art.url,
            file=_display_file(art.path, Path(ws.root)),
            text=art.text,
        )
        infos[aid] = info
        index = TextIndex(art.text)
        article_claims = ws.claims_for_article(aid)
        info.claim_count = len(article_claims)
        for c in sorted(article_claims, key=lambda c: (c.start, c.id)):
            claims[c.id] = ClaimInfo(
                id=c.id,
                article=info,
                text=c.text,
                start=c.start,
                end=c.end,
                location=index.locate(c.start, c.end),
                sources=_sources(c.spans),
                spans=[s.to_dict() for s in c.spans],
                lang=c.lang,
            )

    for note in ws.notes():
        claim = claims.get(note["claim_id"])
        if claim is not None:
            claim.note = {
                "text": note["text"],
                "tags": sorted(note.get("tags") or []),
                "created": note.get("created_at"),
                "updated": note.get("updated_at"),
            }
    for cid, (value, date) in _verdict_rows(ws).items():
        claim = claims.get(cid)
        if claim is not None and value in VERDICTS:
            claim.verdict = {"value": value, "label": verdict_label(value), "date": date}

    # suggestions with both claims in scope
    decided_at = _decision_dates(ws)
    suggestions: list[SuggestionInfo] = []
    for s in ws.suggestions():
        a, b = claims.get(s["left"]["claim_id"]), claims.get(s["right"]["claim_id"])
        if a is None or b is None:
            continue
        if b.sort_key < a.sort_key:
            a, b = b, a
        suggestions.append(
            SuggestionInfo(
                id=s["id"],
                kind=s["kind"],
                ctype=s.get("ctype"),
                score=float(s["score"]),
                reasons=list(s.get("reasons") or []),
                event=s.get("event"),
                status=s["status"],
                a=a,
                b=b,
                decided=decided_at.get(s["id"]) if s["status"] != "unreviewed" else None,
            )
        )
    suggestions.sort(key=lambda s: (-round(s.score, 4), s.id))
    accepted: dict[tuple[str, str], dict[str, SuggestionInfo]] = {}
    for s in suggestions:
        if s.status == "accepted":
            accepted.setdefault(_pair(s.a.id, s.b.id), {}).setdefault(s.kind, s)

    # confirmed links: analyst links + accepted suggestions not superseded by another relation
    confirmed: dict[tuple[str, str], PairLink] = {}
    for link in ws.links():
        a, b = claims.get(link["a_claim"]), claims.get(link["b_claim"])
        if a is None or b is None:
            continue
        if b.sort_key < a.sort_key:
            a, b = b, a
        key = _pair(a.id, b.id)
        kind = "contradiction" if link["relation"] == "contradicts" else "match"
        sugg = accepted.get(key, {}).get(kind)
        if sugg is not None and link["relation"] == "supports":
            sugg = None  # an accepted match makes "same"; the analyst re-linked it as supports
        confirmed[key] = PairLink(
            id=link["id"],
            a=a,
            b=b,
            relation=link["relation"],
            origin=ORIGIN_SUGGESTION if sugg is not None else ORIGIN_LINK,
            note=link.get("note") or None,
            created=link.get("created_at"),
            suggestion=sugg,
        )
    for key, by_kind in accepted.items():
        if key in confirmed:
            continue
        for kind in ("contradiction", "match"):
            sugg = by_kind.get(kind)
            if sugg is None:
                continue
            confirmed[key] = PairLink(
                id=link_id(sugg.a.id, sugg.b.id),
                a=sugg.a,
                b=sugg.b,
                relation="contradicts" if kind == "contradiction" else "same",
                origin=ORIGIN_SUGGESTION,
                note=None,
                created=sugg.decided,
                suggestion=sugg,
            )
            break
    ordered_links = sorted(confirmed.values(), key=lambda l: (l.a.sort_key, l.b.sort_key, l.id))

    # contradictions
    contradictions: list[Contradiction] = []
    for link in (l for l in ordered_links if l.relation == "contradicts"):
        resolution = _resolution(link)
        contradictions.append(
            Contradiction(
                number=len(contradictions) + 1,
                link=link,
                status="resolved" if resolution else "open",
                resolution=resolution,
            )
        )

    # facts: connected components of same / supports links
    fact_links = [l for l in ordered_links if l.relation in ("same", "supports")]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in fact_links:
        ra, rb = find(link.a.id), find(link.b.id)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[ClaimInfo]] = {}
    for cid in parent:
        groups.setdefault(find(cid), []).append(claims[cid])
    facts: list[Fact] = []
    for members in sorted(groups.values(), key=lambda m: min(c.sort_key for c in m)):
        members.sort(key=lambda c: c.sort_key)
        ids = {c.id for c in members}
        facts.append(
            Fact(
                id="f" + stable_hash(*sorted(ids), length=11),
                number=len(facts) + 1,
                claims=members,
                links=[l for l in fact_links if l.a.id in ids],
            )
        )

    in_findings = {c.id for f in facts for c in f.claims}
    in_findings |= {x.id for k in contradictions for x in (k.link.a, k.link.b)}
    ordered_claims = sorted(claims.values(), key=lambda c: c.sort_key)
    annotated = [c for c in ordered_claims if (c.note or c.verdict) and c.id not in in_findings]
    unreviewed = [s for s in suggestions if s.status == "unreviewed"]
    rejected = [s for s in suggestions if s.status == "rejected"]
    decided_claims = {x.id for s in suggestions if s.status != "unreviewed" for x in (s.a, s.b)}
    reviewed = [
        c for c in ordered_claims if c.note or c.verdict or c.id in in_findings or c.id in decided_claims
    ]

    mentioned: set[str] = {c.id for c in reviewed}
    mentioned |= {x.id for s in unreviewed for x in (s.a, s.b)}
    report_claims = {c.id: c for c in ordered_claims if c.id in mentioned}

    verdict_counts = {v: 0 for v in VERDICTS}
    for c in ordered_claims:
        if c.verdict:
            verdict_counts[c.verdict["value"]] += 1
    summary = {
        "articles": len(infos),
        "claims": len(claims),
        "reviewed_claims": len(reviewed),
        "links_confirmed": len(fact_links),
        "facts": len(facts),
        "contradictions": {
            "total": len(contradictions),
            "open": sum(1 for k in contradictions if k.status == "open"),
            "resolved": sum(1 for k in contradictions if k.status == "resolved"),
        },
        "verdicts": verdict_counts,
        "notes": sum(1 for c in ordered_claims if c.note),
        "suggestions": {
            "unreviewed": len(unreviewed),
            "accepted": sum(1 for s in suggestions if s.status == "accepted"),
            "rejected": len(rejected),
        },
    }
    report_url = env.get("FACTDESK_REPORT_URL", "").strip() or None
    return Report(
        title=REPORT_TITLE,
        generated=_generated(generated, env),
        workspace=Path(ws.root).resolve().name or str(ws.root),
        scope=scope,
        articles=list(infos.values()),
        claims=report_claims,
        contradictions=contradictions,
        facts=facts,
        annotated=annotated,
        unreviewed=unreviewed,
        rejected=rejected,
        accepted=[s for s in suggestions if s.status == "accepted"],
        reviewed=reviewed,
        summary=summary,
        author=_author(env),
        report_url=report_url,
        confirmed_links=ordered_links,
    )


def _resolution(link: PairLink) -> str | None:
    """Why a contradiction counts as resolved, or None while it is open (rules in the module doc)."""
    verdicts = [c.verdict["value"] if c.verdict else None for c in (link.a, link.b)]
    if all(v and v != "unverified" for v in verdicts):
        return "both claims carry a verdict"
    if link.note and link.note.strip():
        return "the analyst's note on the link explains it"
    for c in (link.a, link.b):
        if c.note and set(c.note["tags"]) & set(RESOLVING_TAGS):
            tag = sorted(set(c.note["tags"]) & set(RESOLVING_TAGS))[0]
            return f"a note on claim {c.id} is tagged {tag!r}"
    return None


def scope_label(report: Report) -> str:
    """One line describing what the report covers."""
    ev = report.scope.get("event")
    ids = report.scope.get("articles")
    parts = []
    if ev:
        parts.append(f"event {ev.get('label') or ''} ({ev['id']})".replace("  ", " "))
    if ids:
        parts.append("articles " + ", ".join(ids))
    return "; ".join(parts) if parts else "all articles"


def claim_url(report: Report, claim_id: str) -> str | None:
    """Where a claim's review can be read: ``FACTDESK_REPORT_URL#claim-<id>`` when that is set."""
    if not report.report_url:
        return None
    return f"{report.report_url.split('#', 1)[0]}#claim-{claim_id}"


def check_format(fmt: str) -> str:
    from factdesk.export import FORMATS, FORMAT_ALIASES

    key = FORMAT_ALIASES.get(fmt.strip().lower(), fmt.strip().lower())
    if key not in FORMATS:
        raise FactdeskError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return key
