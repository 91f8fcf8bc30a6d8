"""Read models for the screens: plain data gathered from the workspace through its API.

Widgets never query the database; screens call these helpers (on the main thread with the app's
own connection, or in a thread worker with the worker's own connection) and hand the results to
widgets.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from factdesk.core.models import Claim
from factdesk.core.store import Workspace


@dataclass(slots=True)
class LibraryRow:
    """One article line of the library."""

    id: str
    title: str
    outlet: str
    language: str
    date: str
    path: str
    claims: int = 0
    contradictions: int = 0
    events: list[str] = field(default_factory=list)
    counted: bool = True
    """False until :attr:`claims`, :attr:`contradictions` and :attr:`events` hold counted values."""

    def haystack(self) -> str:
        """Lower-case text the library filter matches against."""
        return " ".join([self.title, self.outlet, self.language, self.date, self.path, *self.events]).lower()


@dataclass(slots=True)
class ArticleStats:
    """The aggregate part of a library row (counted apart from the cheap article list)."""

    claims: int = 0
    contradictions: int = 0
    events: list[str] = field(default_factory=list)


@dataclass(slots=True)
class LibraryTotals:
    """Workspace-wide counts for the library's status line."""

    articles: int
    claims: int
    unreviewed: int
    links: int
    notes: int
    verdicts: int


@dataclass(slots=True)
class LibraryCounts:
    """Everything the library shows beyond the article list: per-article stats, events, totals."""

    stats: dict[str, ArticleStats]
    events: list[EventRow]
    totals: LibraryTotals


def basename(path: str) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def article_rows(ws: Workspace) -> list[LibraryRow]:
    """Every article with title, outlet, language and date only (one indexed read; not yet counted)."""
    rows = []
    for id_, title, source, language, published, path in ws.article_heads():
        name = basename(path)
        rows.append(
            LibraryRow(id_, title or name, source or "", (language or "").upper(), (published or "")[:10], name, counted=False)
        )
    return rows


def article_stats(ws: Workspace) -> dict[str, ArticleStats]:
    """Claim counts, open contradictions and event labels per article id (aggregate queries)."""
    stats: dict[str, ArticleStats] = {}

    def get(article_id: str) -> ArticleStats:
        found = stats.get(article_id)
        if found is None:
            found = stats[article_id] = ArticleStats()
        return found

    for article_id, n in ws.query("SELECT article_id, count(*) FROM claims GROUP BY article_id"):
        get(article_id).claims = n
    for a, b, n in ws.query(
        "SELECT left_article, right_article, count(*) FROM suggestions"
        " WHERE kind = 'contradiction' AND id NOT IN (SELECT suggestion_id FROM decisions)"
        " GROUP BY left_article, right_article"
    ):
        get(a).contradictions += n
        if b != a:
            get(b).contradictions += n
    labels: dict[str, str] = {}
    for event_id, label, places in ws.query("SELECT id, label, places FROM events"):
        try:
            place_list = [str(p) for p in json.loads(places or "[]")]
        except ValueError:
            place_list = []
        labels[event_id] = event_label(str(label or ""), place_list)  # once per event, not per member
    order = {
        r[0]: i for i, r in enumerate(ws.query("SELECT id FROM events ORDER BY date_start IS NULL, date_start, label"))
    }
    members = ws.query("SELECT DISTINCT article_id, event_id FROM event_members WHERE claim_id IS NULL")
    for article_id, event_id in sorted(members, key=lambda r: order.get(r[1], len(order))):
        if event_id in labels:
            get(article_id).events.append(labels[event_id])
    return stats


def apply_stats(rows: list[LibraryRow], stats: dict[str, ArticleStats]) -> None:
    """Fill ``rows`` in place from ``stats`` (an article missing from ``stats`` has nothing to count)."""
    empty = ArticleStats()
    for row in rows:
        found = stats.get(row.id, empty)
        row.claims = found.claims
        row.contradictions = found.contradictions
        row.events = list(found.events)
        row.counted = True


def library_rows(ws: Workspace) -> list[LibraryRow]:
    """Every article with its claim count, open contradictions and events (few small queries)."""
    rows = article_rows(ws)
    apply_stats(rows, article_stats(ws))
    return rows


def library_totals(ws: Workspace) -> LibraryTotals:
    """Row counts for the status line, with the suggestions nobody has decided yet."""
    counts = ws.counts()
    decided = ws.scalar("SELECT count(*) FROM decisions WHERE suggestion_id IN (SELECT id FROM suggestions)")
    return LibraryTotals(
        articles=counts["articles"],
        claims=counts["claims"],
        unreviewed=counts["suggestions"] - int(decided or 0),
        links=counts["links"],
        notes=counts["notes"],
        verdicts=counts["verdicts"],
    )


@dataclass(slots=True)
class EventRow:
    """One event of the library's events panel."""

    id: str
    label: str
    """Display label (places de-duplicated, dates left to :attr:`dates`)."""
    dates: str
    articles: list[str]
    """Member articles, most event claims first."""
    claims: int = 0
    contradictions: int = 0
    """Unreviewed contradiction suggestions inside the event."""
    places: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)


_DATEISH = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?(\s*(/|→|–|-|to)\s*\d{4}(-\d{2}(-\d{2})?)?)?")


def _fold(text: str) -> str:
    """Case- and accent-insensitive key: ``"Irak"`` and ``"irak"`` (and ``"Ìrak"``) compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def dedupe_places(places: list[str]) -> list[str]:
    """``["iraq", "Iraq", "Iran", "us"]`` → ``["Iraq", "Iran", "US"]``: one spelling per place, in
    first-seen order, preferring a capitalised spelling; lower-case-only names are capitalised
    (short ones, like ``us``, are upper-cased)."""
    chosen: dict[str, str] = {}
    for raw in places:
        place = " ".join(str(raw).replace("_", " ").split())
        key = _fold(place)
        if not key or key.startswith("pro-"):
            continue  # "pro-Iran" names an allegiance, not a place
        if key not in chosen or (chosen[key].islower() and not place.islower()):
            chosen[key] = place
    out = []
    for place in chosen.values():
        if place.islower():
            place = place.upper() if len(place) <= 3 else place[:1].upper() + place[1:]
        out.append(place)
    return out


def date_range(start: str | None, end: str | None) -> str:
    """``2024-01-28 → 02-03`` (the end's year left out when it is the start's year)."""
    if start and end and end != start:
        if len(start) == len(end) == 10 and start[:4] == end[:4]:
            return f"{start} → {end[5:]}"
        return f"{start} → {end}"
    return start or end or ""


def event_label(label: str, places: list[str]) -> str:
    """A readable label: date parts dropped (shown apart), the place list de-duplicated.

    ``"strike · iraq, Iraq, Iran · 2021-06-21"`` → ``"Strike · Iraq, Iran"``; a free-text label such
    as ``"US strikes in Iraq and Syria"`` is kept as it is.
    """
    known = {_fold(p) for p in places}
    parts = []
    for part in (p.strip() for p in label.split(" · ")):
        if not part or _DATEISH.fullmatch(part):
            continue
        items = [x.strip() for x in part.split(",")]
        if len(items) > 1 or (known and _fold(part) in known):
            if all(_fold(x) in known for x in items if x):
                part = ", ".join(dedupe_places(places)[:3])
            else:
                part = ", ".join(dedupe_places(items))
        parts.append(part)
    text = " · ".join(parts) or label.strip()
    return text[:1].upper() + text[1:]


def event_rows(ws: Workspace) -> list[EventRow]:
    """Every event with its articles (most involved first), claim count and open contradictions."""
    open_contra = {
        r[0]: r[1]
        for r in ws.query(
            "SELECT event_id, count(*) FROM suggestions WHERE kind = 'contradiction' AND event_id IS NOT NULL"
            " AND id NOT IN (SELECT suggestion_id FROM decisions) GROUP BY event_id"
        )
    }
    weight: dict[tuple[str, str], int] = {
        (r[0], r[1]): r[2]
        for r in ws.query(
            "SELECT event_id, article_id, count(claim_id) FROM event_members"
            " WHERE article_id IS NOT NULL GROUP BY event_id, article_id"
        )
    }
    rows = []
    for ev in ws.events():
        places = [str(p) for p in ev.get("places") or []]
        articles = list(ev.get("articles") or [])
        articles.sort(key=lambda a: -weight.get((ev["id"], a), 0))
        rows.append(
            EventRow(
                id=ev["id"],
                label=event_label(str(ev.get("label") or ""), places),
                dates=date_range(ev.get("date_start"), ev.get("date_end")),
                articles=articles,
                claims=int(ev.get("claims") or 0),
                contradictions=open_contra.get(ev["id"], 0),
                places=dedupe_places(places),
                actors=[str(a) for a in ev.get("actors") or []],
            )
        )
    return rows


def event_start_claim(ws: Workspace, event_id: str, article_ids: list[str]) -> str | None:
    """Where to start reading an event: its best open contradiction, else its first claim."""
    if not article_ids:
        return None
    marks = ",".join("?" * len(article_ids))
    rows = ws.query(
        "SELECT s.left_claim FROM suggestions s LEFT JOIN decisions d ON d.suggestion_id = s.id"
        f" WHERE s.event_id = ? AND s.kind = 'contradiction' AND d.status IS NULL AND s.left_article IN ({marks})"
        f" AND s.right_article IN ({marks}) ORDER BY s.score DESC LIMIT 1",
        (event_id, *article_ids, *article_ids),
    )
    if rows:
        return rows[0][0]
    rows = ws.query(
        "SELECT m.claim_id FROM event_members m JOIN claims c ON c.id = m.claim_id"
        " WHERE m.event_id = ? AND c.article_id = ? ORDER BY c.start LIMIT 1",
        (event_id, article_ids[0]),
    )
    return rows[0][0] if rows else None


def most_linked(ws: Workspace, article_id: str) -> str | None:
    """The article sharing the most suggestions and links with ``article_id`` (None when none)."""
    rows = ws.query(
        "SELECT other, count(*) AS n FROM ("
        " SELECT CASE WHEN left_article = ? THEN right_article ELSE left_article END AS other FROM suggestions"
        "  WHERE (left_article = ? OR right_article = ?) AND left_article != right_article"
        " UNION ALL"
        " SELECT CASE WHEN ca.article_id = ? THEN cb.article_id ELSE ca.article_id END FROM links l"
        "  JOIN claims ca ON ca.id = l.a_claim JOIN claims cb ON cb.id = l.b_claim"
        "  WHERE (ca.article_id = ? OR cb.article_id = ?) AND ca.article_id != cb.article_id"
        ") GROUP BY other ORDER BY n DESC, other LIMIT 1",
        (article_id,) * 6,
    )
    return rows[0][0] if rows else None


@dataclass(slots=True)
class ClaimInfo:
    """Everything the inspector shows about one claim."""

    claim: Claim
    suggestions: list[dict[str, Any]]
    """Each suggestion dict plus ``other`` (the far side: claim_id, article, path, text, start, end)."""
    links: list[dict[str, Any]]
    """Each link dict plus ``other`` (claim id), ``other_text``, ``other_article``."""
    note: dict[str, Any] | None
    verdict: str | None
    history: list[dict[str, Any]]


def claim_info(ws: Workspace, claim: Claim, suggestion_limit: int = 12) -> ClaimInfo:
    suggestions = []
    for s in ws.top_suggestions(claim.id, suggestion_limit):
        other = s["right"] if s["left"]["claim_id"] == claim.id else s["left"]
        suggestions.append(s | {"other": other})
    # unreviewed first, then by score (the store already sorts by score)
    suggestions.sort(key=lambda s: (s["status"] != "unreviewed", -float(s["score"])))
    links = ws.links(claim.id)
    others = ws.get_claims([lk["b_claim"] if lk["a_claim"] == claim.id else lk["a_claim"] for lk in links])
    enriched = []
    for lk in links:
        other_id = lk["b_claim"] if lk["a_claim"] == claim.id else lk["a_claim"]
        other = others.get(other_id)
        enriched.append(
            lk | {"other": other_id, "other_text": other.text if other else "(claim no longer exists)",
                  "other_article": other.article_id if other else None}
        )
    return ClaimInfo(
        claim=claim,
        suggestions=suggestions,
        links=enriched,
        note=ws.note(claim.id),
        verdict=ws.verdict(claim.id),
        history=ws.history(claim.id, limit=8),
    )


def verdicts_for(ws: Workspace, article_id: str) -> dict[str, str]:
    """Claim id → verdict for one article's claims."""
    return {
        r[0]: r[1]
        for r in ws.query(
            "SELECT v.claim_id, v.verdict FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE c.article_id = ?",
            (article_id,),
        )
    }


def citation(claim: Claim, title: str, path: str) -> str:
    """``“text” — Title (file, chars 120–245)``."""
    text = " ".join(claim.text.split())
    return f"“{text}” — {title} ({basename(path)}, chars {claim.start}–{claim.end})"
