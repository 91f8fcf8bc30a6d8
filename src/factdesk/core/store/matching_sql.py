"""SQL for matching: anchors (the blocking index), stored suggestions and events."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from factdesk.core.models import Event, Suggestion

if TYPE_CHECKING:
    import sqlite3


_to_json = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(x, ensure_ascii=False)`` without building an encoder per call (same output)."""


class MatchingMixin:
    """Anchor index, suggestions and events; mixed into :class:`Workspace`."""

    if TYPE_CHECKING:
        conn: sqlite3.Connection

        def transaction(self) -> Any: ...
        def query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]: ...

    # -- anchors -------------------------------------------------------------------------------
    def anchor_df(self, anchors: Iterable[str]) -> dict[str, int]:
        """How many claims carry each anchor (document frequency, kept up to date on every anchor write)."""
        keys = list(dict.fromkeys(anchors))
        out: dict[str, int] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for anchor, n in self.query(f"SELECT anchor, df FROM anchor_stats WHERE anchor IN ({marks})", chunk):
                if n > 0:
                    out[anchor] = n
        return out

    def anchor_total_claims(self) -> int:
        """Number of claims (the N of IDF)."""
        row = self.query("SELECT count(*) FROM claims")
        return int(row[0][0]) if row else 0

    def anchor_rows(self, anchors: Iterable[str]) -> list[tuple[str, str, str]]:
        """``(anchor, claim_id, article_id)`` for every claim carrying one of ``anchors``."""
        keys = list(dict.fromkeys(anchors))
        out: list[tuple[str, str, str]] = []
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out += [
                (r[0], r[1], r[2])
                for r in self.conn.execute(
                    f"SELECT anchor, claim_id, article_id FROM anchors WHERE anchor IN ({marks})", chunk
                ).fetchall()
            ]
        return out

    def replace_anchors_many(
        self, anchors_by_article: dict[str, list[tuple[str, list[str]]]], stop_df: int | None = None
    ) -> None:
        """Set the anchors of several articles' claims in one transaction.

        ``anchors_by_article`` maps an article id to ``(claim id, [anchors])`` pairs. Each claim's
        anchors are stored as one row (``claim_anchors``); document frequencies (``anchor_stats``)
        are counted up here, one upsert per distinct anchor, and counted down by a trigger when a
        claim's row goes (also by cascade from a deleted claim). The posting rows (``anchors``:
        anchor → claim, what blocking reads) are only written for anchors carried by at most
        ``stop_df`` claims: a more frequent anchor never blocks, so its postings are dropped once
        it passes that level. An anchor that deletions bring back under it gets its postings
        again from a full recomputation.
        """
        added: Counter[str] = Counter()
        for pairs in anchors_by_article.values():
            for _, anchors in pairs:
                added.update(anchors)
        articles = list(anchors_by_article)
        with self.transaction() as conn:
            for i in range(0, len(articles), 500):
                chunk = articles[i : i + 500]
                claims_of = f"SELECT id FROM claims WHERE article_id IN ({','.join('?' * len(chunk))})"
                conn.execute(f"DELETE FROM claim_anchors WHERE claim_id IN ({claims_of})", chunk)
                conn.execute(f"DELETE FROM anchors WHERE claim_id IN ({claims_of})", chunk)
            conn.executemany(
                "INSERT INTO claim_anchors (claim_id, anchors) VALUES (?,?)",
                [(c, _to_json(anchors)) for pairs in anchors_by_article.values() for c, anchors in pairs],
            )
            conn.executemany(
                "INSERT INTO anchor_stats (anchor, df) VALUES (?,?)"
                " ON CONFLICT(anchor) DO UPDATE SET df = df + excluded.df",
                sorted(added.items()),
            )
            stopped: set[str] = set()
            if stop_df is not None:
                df = self.anchor_df(added)
                stopped = {a for a in added if df.get(a, 0) > stop_df}
                conn.executemany("DELETE FROM anchors WHERE anchor = ?", [(a,) for a in sorted(stopped)])
            conn.executemany(
                "INSERT INTO anchors (anchor, claim_id, article_id) VALUES (?,?,?)",
                [
                    (a, c, aid)
                    for aid, pairs in anchors_by_article.items()
                    for c, anchors in pairs
                    for a in anchors
                    if a not in stopped
                ],
            )

    def clear_anchors(self) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM anchor_stats")
            conn.execute("DELETE FROM claim_anchors")
            conn.execute("DELETE FROM anchors")

    def article_order(self) -> dict[str, tuple[int, str | None, dict[str, Any]]]:
        """``{article_id: (import order, published, meta)}`` for every article."""
        out: dict[str, tuple[int, str | None, dict[str, Any]]] = {}
        for r in self.query("SELECT id, rowid, published, meta FROM articles"):
            try:
                meta = json.loads(r[3] or "{}")
            except ValueError:
                meta = {}
            out[r[0]] = (int(r[1]), r[2], meta if isinstance(meta, dict) else {})
        return out

    # -- suggestions ---------------------------------------------------------------------------
    def store_suggestions(self, suggestions: Iterable[Suggestion], replace_articles: Iterable[str] = ()) -> int:
        """Insert (or replace) suggestions; first drop those touching ``replace_articles``.

        Analyst decisions live in their own table keyed by the stable suggestion id, so they
        survive any recomputation.
        """
        to_json = _to_json
        rows = [
            (
                s.id,
                s.kind,
                s.ctype,
                round(float(s.score), 4),
                to_json(list(s.reasons)),
                s.event,
                s.left_claim,
                s.right_claim,
                s.left_article,
                s.right_article,
            )
            for s in suggestions
        ]
        with self.transaction() as conn:
            for article_id in replace_articles:
                conn.execute(
                    "DELETE FROM suggestions WHERE left_article = ? OR right_article = ?", (article_id, article_id)
                )
            conn.executemany(
                "INSERT OR REPLACE INTO suggestions (id, kind, ctype, score, reasons, event_id, left_claim,"
                " right_claim, left_article, right_article) VALUES (?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        return len(rows)

    def clear_suggestions(self) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM suggestions")

    def suggestions(
        self,
        *,
        article: str | None = None,
        kind: str | None = None,
        min_score: float | None = None,
        limit: int | None = None,
        claim: str | None = None,
        status: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored suggestions joined with both claims and the analyst's decision, best first.

        Each: ``{"id", "kind", "ctype", "score", "reasons", "event", "status",
        "left": {"article", "path", "claim_id", "text", "start", "end"}, "right": {...}}``.
        ``status`` filters on the decision: ``accepted``, ``rejected`` or ``unreviewed``.
        """
        sql = (
            "SELECT s.id, s.kind, s.ctype, s.score, s.reasons, s.event_id, d.status,"
            ' lc.id, lc.article_id, la.path, lc.text, lc.start, lc."end",'
            ' rc.id, rc.article_id, ra.path, rc.text, rc.start, rc."end"'
            " FROM suggestions s"
            " JOIN claims lc ON lc.id = s.left_claim JOIN articles la ON la.id = lc.article_id"
            " JOIN claims rc ON rc.id = s.right_claim JOIN articles ra ON ra.id = rc.article_id"
            " LEFT JOIN decisions d ON d.suggestion_id = s.id"
        )
        where: list[str] = []
        params: list[Any] = []
        if article is not None:
            where.append("(s.left_article = ? OR s.right_article = ?)")
            params += [article, article]
        if claim is not None:
            where.append("(s.left_claim = ? OR s.right_claim = ?)")
            params += [claim, claim]
        if kind is not None:
            where.append("s.kind = ?")
            params.append(kind)
        if min_score is not None:
            where.append("s.score >= ?")
            params.append(min_score)
        if status == "unreviewed":
            where.append("d.status IS NULL")
        elif status is not None:
            where.append("d.status = ?")
            params.append(status)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY s.score DESC, s.id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        out = []
        for r in self.query(sql, params):
            out.append(
                {
                    "id": r[0],
                    "kind": r[1],
                    "ctype": r[2],
                    "score": r[3],
                    "reasons": json.loads(r[4]),
                    "event": r[5],
                    "status": r[6] or "unreviewed",
                    "left": _side(r[7:13]),
                    "right": _side(r[13:19]),
                }
            )
        return out

    def top_suggestions(self, claim_id: str, k: int = 10, kind: str | None = None) -> list[dict[str, Any]]:
        """The best ``k`` suggestions involving one claim (for the TUI inspector)."""
        return self.suggestions(claim=claim_id, kind=kind, limit=k)

    def suggestion(self, suggestion_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT id FROM suggestions WHERE id = ? OR id LIKE ? LIMIT 2", (suggestion_id, suggestion_id + "%"))
        if len(rows) != 1:
            return None
        found = [s for s in self.suggestions_by_ids([rows[0][0]])]
        return found[0] if found else None

    def suggestions_by_ids(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        wanted = set(ids)
        out = []
        for sid in wanted:
            rows = self.query("SELECT left_claim FROM suggestions WHERE id = ?", (sid,))
            if rows:
                out += [s for s in self.suggestions(claim=rows[0][0]) if s["id"] == sid]
        return out

    # -- events --------------------------------------------------------------------------------
    def replace_events(self, events: Iterable[Event]) -> None:
        """Replace every stored event and its members."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM event_members")
            conn.execute("DELETE FROM events")
            for ev in events:
                conn.execute(
                    "INSERT INTO events (id, label, date_start, date_end, places, actors, data) VALUES (?,?,?,?,?,?,?)",
                    (
                        ev.id,
                        ev.label,
                        ev.date_start,
                        ev.date_end,
                        json.dumps(ev.places, ensure_ascii=False),
                        json.dumps(ev.actors, ensure_ascii=False),
                        "{}",
                    ),
                )
                conn.executemany(
                    "INSERT INTO event_members (event_id, article_id, claim_id) VALUES (?,?,NULL)",
                    [(ev.id, a) for a in ev.article_ids],
                )
                conn.executemany(
                    "INSERT INTO event_members (event_id, article_id, claim_id) VALUES (?,"
                    " (SELECT article_id FROM claims WHERE id = ?), ?)",
                    [(ev.id, c, c) for c in ev.claim_ids],
                )

    def events(self) -> list[dict[str, Any]]:
        """Stored events with their article ids and claim counts, earliest first (three queries)."""
        articles: dict[str, list[str]] = {}
        for event_id, article_id in self.query(
            "SELECT event_id, article_id FROM event_members WHERE claim_id IS NULL ORDER BY rowid"
        ):
            members = articles.setdefault(event_id, [])
            if article_id not in members:
                members.append(article_id)
        claims = {
            r[0]: r[1]
            for r in self.query(
                "SELECT event_id, count(*) FROM event_members WHERE claim_id IS NOT NULL GROUP BY event_id"
            )
        }
        out = []
        for r in self.query("SELECT * FROM events ORDER BY date_start IS NULL, date_start, label"):
            out.append(
                {
                    "id": r["id"],
                    "label": r["label"],
                    "date_start": r["date_start"],
                    "date_end": r["date_end"],
                    "places": json.loads(r["places"]),
                    "actors": json.loads(r["actors"]),
                    "articles": articles.get(r["id"], []),
                    "claims": claims.get(r["id"], 0),
                }
            )
        return out

    def event_rows(self) -> list[dict[str, Any]]:
        """Stored events with their ``data`` (for incremental updates)."""
        out = []
        for r in self.query("SELECT id, label, date_start, date_end, places, actors, data FROM events"):
            out.append(
                {
                    "id": r[0],
                    "label": r[1],
                    "date_start": r[2],
                    "date_end": r[3],
                    "places": json.loads(r[4]),
                    "actors": json.loads(r[5]),
                    "data": json.loads(r[6] or "{}"),
                }
            )
        return out

    def save_events(
        self,
        events: Iterable[tuple[Event, dict[str, Any]]],
        members: Iterable[tuple[str, str, str | None]],
        *,
        replace_all: bool = False,
        replace_articles: Iterable[str] = (),
    ) -> None:
        """Upsert events (with their ``data``) and add members ``(event_id, article_id, claim_id)``.

        ``replace_all`` first empties both tables; ``replace_articles`` drops those articles'
        memberships first (re-import).
        """
        with self.transaction() as conn:
            if replace_all:
                conn.execute("DELETE FROM event_members")
                conn.execute("DELETE FROM events")
            for article_id in replace_articles:
                conn.execute("DELETE FROM event_members WHERE article_id = ?", (article_id,))
            for ev, data in events:
                conn.execute(
                    "INSERT INTO events (id, label, date_start, date_end, places, actors, data) VALUES (?,?,?,?,?,?,?)"
                    " ON CONFLICT(id) DO UPDATE SET label = excluded.label, date_start = excluded.date_start,"
                    " date_end = excluded.date_end, places = excluded.places, actors = excluded.actors,"
                    " data = excluded.data",
                    (
                        ev.id,
                        ev.label,
                        ev.date_start,
                        ev.date_end,
                        json.dumps(ev.places, ensure_ascii=False),
                        json.dumps(ev.actors, ensure_ascii=False),
                        json.dumps(data, ensure_ascii=False),
                    ),
                )
            conn.executemany(
                "INSERT INTO event_members (event_id, article_id, claim_id) VALUES (?,?,?)", list(members)
            )
            conn.execute(
                "DELETE FROM events WHERE id NOT IN (SELECT DISTINCT event_id FROM event_members)"
            )

    def event_articles(self, event_ids: Iterable[str]) -> dict[str, tuple[str, str | None, set[str]]]:
        """``{event_id: (date_start, date_end, article ids)}`` for the events ``event_ids`` and every
        event one of their articles belongs to."""
        ids = list(dict.fromkeys(event_ids))
        out: dict[str, tuple[str, str | None, set[str]]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.query(
                "SELECT DISTINCT m2.event_id, e.date_start, e.date_end, m2.article_id FROM event_members m1"
                " JOIN event_members m2 ON m2.article_id = m1.article_id JOIN events e ON e.id = m2.event_id"
                f" WHERE m1.event_id IN ({marks})",
                chunk,
            ):
                out.setdefault(r[0], (r[1], r[2], set()))[2].add(r[3])
        return out

    def claim_events(self, claim_ids: Iterable[str]) -> dict[str, tuple[str, str | None, str | None]]:
        """``{claim_id: (event_id, date_start, date_end)}`` for claims that belong to an event."""
        ids = list(dict.fromkeys(claim_ids))
        out: dict[str, tuple[str, str | None, str | None]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.query(
                "SELECT m.claim_id, e.id, e.date_start, e.date_end FROM event_members m JOIN events e ON e.id = m.event_id"
                f" WHERE m.claim_id IN ({marks})",
                chunk,
            ):
                out[r[0]] = (r[1], r[2], r[3])
        return out


def _side(values: tuple[Any, ...]) -> dict[str, Any]:
    claim_id, article_id, path, text, start, end = values
    name = str(path).replace("\\", "/").rsplit("/", 1)[-1]
    return {"article": article_id, "path": name, "claim_id": claim_id, "text": text, "start": start, "end": end}
