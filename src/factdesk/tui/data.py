"""Read models for the screens: plain data gathered from the workspace through its API.

Widgets never query the database; screens call these helpers (main thread, the app's own
connection) and hand the results to widgets.
"""

from __future__ import annotations

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

    def haystack(self) -> str:
        """Lower-case text the library filter matches against."""
        return " ".join([self.title, self.outlet, self.language, self.date, self.path, *self.events]).lower()


def basename(path: str) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def library_rows(ws: Workspace) -> list[LibraryRow]:
    """Every article with its claim count, open contradictions and events (few small queries)."""
    claim_counts = {r[0]: r[1] for r in ws.query("SELECT article_id, count(*) FROM claims GROUP BY article_id")}
    open_contra: dict[str, int] = {}
    for a, b in ws.query(
        "SELECT s.left_article, s.right_article FROM suggestions s LEFT JOIN decisions d ON d.suggestion_id = s.id"
        " WHERE s.kind = 'contradiction' AND d.status IS NULL"
    ):
        open_contra[a] = open_contra.get(a, 0) + 1
        if b != a:
            open_contra[b] = open_contra.get(b, 0) + 1
    events: dict[str, list[str]] = {}
    for article_id, label in ws.query(
        "SELECT DISTINCT m.article_id, e.label FROM event_members m JOIN events e ON e.id = m.event_id"
        " ORDER BY e.date_start IS NULL, e.date_start, e.label"
    ):
        events.setdefault(article_id, []).append(label)
    rows = []
    for art in ws.list_articles():
        rows.append(
            LibraryRow(
                id=art["id"],
                title=art["title"] or basename(art["path"]),
                outlet=art["source"] or "",
                language=(art["language"] or "").upper(),
                date=(art["published"] or "")[:10],
                path=basename(art["path"]),
                claims=claim_counts.get(art["id"], 0),
                contradictions=open_contra.get(art["id"], 0),
                events=events.get(art["id"], []),
            )
        )
    return rows


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
