"""Analyst actions: links, suggestion decisions, notes, verdicts, and the history behind undo/redo.

Every action is one transaction that changes the analyst tables and appends one ``history`` row
describing each changed record as ``{"table", "key", "before", "after"}`` (``None`` = absent).
Undo writes the ``before`` states back and appends an ``undo`` row pointing at the action; redo
writes the ``after`` states again and appends a ``redo`` row pointing at the undo. History is
append-only: nothing is ever deleted from it, so the full trail of a claim stays visible.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from factdesk.core.errors import FactdeskError, NotFoundError
from factdesk.core.models import LINK_RELATIONS, VERDICTS, stable_hash

if TYPE_CHECKING:
    import sqlite3

# table -> (key column, columns in order)
_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "links": ("id", ("id", "a_claim", "b_claim", "relation", "note", "created_at")),
    "notes": ("claim_id", ("claim_id", "text", "tags", "created_at", "updated_at")),
    "verdicts": ("claim_id", ("claim_id", "verdict", "updated_at")),
    "decisions": ("suggestion_id", ("suggestion_id", "status", "kind", "left_claim", "right_claim", "decided_at")),
}

VERDICT_ALIASES = {v.replace("-", " "): v for v in VERDICTS} | {v.replace("-", "_"): v for v in VERDICTS}


def normalise_verdict(verdict: str) -> str:
    """Accept ``mostly accurate`` / ``mostly_accurate`` / ``Mostly-Accurate``; raise on anything else."""
    key = " ".join(verdict.strip().lower().split())
    value = VERDICT_ALIASES.get(key) or (key if key in VERDICTS else None)
    if value is None:
        raise FactdeskError(f"unknown verdict {verdict!r}; use one of: {', '.join(VERDICTS)}")
    return value


def link_id(a: str, b: str) -> str:
    """Stable id of an analyst link between two claims (unordered)."""
    x, y = sorted((a, b))
    return "l" + stable_hash(x, y, length=11)


class AnalystMixin:
    """Analyst actions on :class:`Workspace` (every call commits before it returns)."""

    if TYPE_CHECKING:
        conn: sqlite3.Connection

        def transaction(self) -> Any: ...
        def query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]: ...
        def scalar(self, sql: str, params: Iterable[Any] = ()) -> Any: ...
        def resolve_claim_id(self, claim_id: str) -> str: ...
        def suggestion(self, suggestion_id: str) -> dict[str, Any] | None: ...

    # -- generic record states -----------------------------------------------------------------
    def _get_record(self, table: str, key: str) -> dict[str, Any] | None:
        key_col, cols = _TABLES[table]
        rows = self.conn.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE {key_col} = ?", (key,)).fetchall()
        return dict(zip(cols, rows[0])) if rows else None

    def _put_record(self, table: str, key: str, state: dict[str, Any] | None) -> None:
        key_col, cols = _TABLES[table]
        if state is None:
            self.conn.execute(f"DELETE FROM {table} WHERE {key_col} = ?", (key,))
        else:
            marks = ",".join("?" * len(cols))
            self.conn.execute(
                f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) VALUES ({marks})", [state.get(c) for c in cols]
            )

    def _record_action(
        self,
        action: str,
        summary: str,
        changes: list[tuple[str, str, dict[str, Any] | None]],
        claim_id: str | None = None,
        other_claim: str | None = None,
        ref: int | None = None,
    ) -> int:
        """Apply ``changes`` (table, key, new state) and append the history row, in one transaction."""
        with self.transaction():
            diff = []
            for table, key, after in changes:
                before = self._get_record(table, key)
                self._put_record(table, key, after)
                diff.append({"table": table, "key": key, "before": before, "after": after})
            cur = self.conn.execute(
                "INSERT INTO history (at, action, claim_id, other_claim, summary, changes, ref) VALUES (?,?,?,?,?,?,?)",
                (_now(), action, claim_id, other_claim, summary, json.dumps(diff, ensure_ascii=False), ref),
            )
            return int(cur.lastrowid or 0)

    # -- actions -------------------------------------------------------------------------------
    def link_claims(self, a: str, b: str, relation: str = "same", note: str | None = None) -> dict[str, Any]:
        """Link two claims as ``same``, ``supports`` or ``contradicts`` (re-linking changes the relation)."""
        if relation not in LINK_RELATIONS:
            raise FactdeskError(f"unknown relation {relation!r}; use one of: {', '.join(LINK_RELATIONS)}")
        a_id, b_id = self.resolve_claim_id(a), self.resolve_claim_id(b)
        if a_id == b_id:
            raise FactdeskError("a claim cannot be linked to itself")
        lid = link_id(a_id, b_id)
        state = {"id": lid, "a_claim": a_id, "b_claim": b_id, "relation": relation, "note": note, "created_at": _now()}
        seq = self._record_action(
            "link", f"linked {a_id} and {b_id} as {relation}", [("links", lid, state)], a_id, b_id
        )
        return state | {"history": seq}

    def unlink_claims(self, a: str, b: str) -> bool:
        """Remove the analyst link between two claims; False when there was none."""
        a_id, b_id = self.resolve_claim_id(a), self.resolve_claim_id(b)
        lid = link_id(a_id, b_id)
        if self._get_record("links", lid) is None:
            return False
        self._record_action("unlink", f"unlinked {a_id} and {b_id}", [("links", lid, None)], a_id, b_id)
        return True

    def review_suggestion(self, suggestion_id: str, status: str) -> dict[str, Any]:
        """Accept or reject a suggestion; the decision is stored apart and survives recomputation.

        Accepting a ``match`` also links the two claims as ``same``; accepting a ``contradiction``
        links them as ``contradicts``; rejecting removes such a link made by an earlier accept.
        """
        if status not in ("accepted", "rejected"):
            raise FactdeskError("a review is --accept or --reject")
        sugg = self.suggestion(suggestion_id)
        if sugg is None:
            raise NotFoundError(f"no suggestion with id {suggestion_id!r}")
        left, right = sugg["left"]["claim_id"], sugg["right"]["claim_id"]
        decision = {
            "suggestion_id": sugg["id"],
            "status": status,
            "kind": sugg["kind"],
            "left_claim": left,
            "right_claim": right,
            "decided_at": _now(),
        }
        lid = link_id(left, right)
        changes: list[tuple[str, str, dict[str, Any] | None]] = [("decisions", sugg["id"], decision)]
        relation = "same" if sugg["kind"] == "match" else "contradicts"
        if status == "accepted":
            changes.append(
                ("links", lid, {"id": lid, "a_claim": left, "b_claim": right, "relation": relation, "note": None, "created_at": _now()})
            )
        else:
            existing = self._get_record("links", lid)
            if existing is not None and existing["relation"] == relation:
                changes.append(("links", lid, None))
        verb = "accepted" if status == "accepted" else "rejected"
        seq = self._record_action(
            "review", f"{verb} {sugg['kind']} suggestion {sugg['id']}", changes, left, right
        )
        return decision | {"history": seq}

    def set_note(self, claim: str, text: str, tags: Iterable[str] = ()) -> dict[str, Any]:
        """Set (or, with empty text and no tags, clear) the analyst's note on a claim."""
        cid = self.resolve_claim_id(claim)
        tag_list = sorted({t.strip() for t in tags if t.strip()})
        existing = self._get_record("notes", cid)
        if not text.strip() and not tag_list:
            self._record_action("note", f"cleared the note on {cid}", [("notes", cid, None)], cid)
            return {"claim_id": cid, "text": "", "tags": []}
        now = _now()
        state = {
            "claim_id": cid,
            "text": text,
            "tags": json.dumps(tag_list, ensure_ascii=False),
            "created_at": existing["created_at"] if existing else now,
            "updated_at": now,
        }
        seq = self._record_action("note", f"noted {cid}: {_short(text)}", [("notes", cid, state)], cid)
        return {"claim_id": cid, "text": text, "tags": tag_list, "history": seq}

    def set_verdict(self, claim: str, verdict: str | None) -> dict[str, Any]:
        """Set a verdict from the scale (``None`` clears it)."""
        cid = self.resolve_claim_id(claim)
        if verdict is None:
            self._record_action("verdict", f"cleared the verdict on {cid}", [("verdicts", cid, None)], cid)
            return {"claim_id": cid, "verdict": None}
        value = normalise_verdict(verdict)
        state = {"claim_id": cid, "verdict": value, "updated_at": _now()}
        seq = self._record_action("verdict", f"verdict on {cid}: {value}", [("verdicts", cid, state)], cid)
        return state | {"history": seq}

    def annotate(self, claim: str, text: str, tags: Iterable[str] = (), verdict: str | None = None) -> dict[str, Any]:
        """Set the note, tags and verdict of a claim as ONE action (one undo step).

        Empty text with no tags clears the note; ``verdict=None`` clears the verdict.
        """
        cid = self.resolve_claim_id(claim)
        tag_list = sorted({t.strip() for t in tags if t.strip()})
        value = normalise_verdict(verdict) if verdict else None
        now = _now()
        existing = self._get_record("notes", cid)
        note_state = None
        if text.strip() or tag_list:
            note_state = {
                "claim_id": cid,
                "text": text,
                "tags": json.dumps(tag_list, ensure_ascii=False),
                "created_at": existing["created_at"] if existing else now,
                "updated_at": now,
            }
        verdict_state = {"claim_id": cid, "verdict": value, "updated_at": now} if value else None
        changes: list[tuple[str, str, dict[str, Any] | None]] = []
        old_note = existing
        if (old_note is None) != (note_state is None) or (
            old_note is not None and note_state is not None
            and (old_note["text"], old_note["tags"]) != (note_state["text"], note_state["tags"])
        ):
            changes.append(("notes", cid, note_state))
        old_verdict = self._get_record("verdicts", cid)
        if (old_verdict["verdict"] if old_verdict else None) != value:
            changes.append(("verdicts", cid, verdict_state))
        if not changes:
            return {"claim_id": cid, "changed": False}
        parts = []
        if any(t == "notes" for t, _, _ in changes):
            parts.append(f"note: {_short(text)}" if note_state else "note cleared")
        if any(t == "verdicts" for t, _, _ in changes):
            parts.append(f"verdict: {value}" if value else "verdict cleared")
        seq = self._record_action("annotate", f"annotated {cid} ({'; '.join(parts)})", changes, cid)
        return {"claim_id": cid, "changed": True, "text": text, "tags": tag_list, "verdict": value, "history": seq}

    # -- undo / redo ---------------------------------------------------------------------------
    def _stacks(self) -> tuple[list[int], list[int]]:
        """(undo stack of action seqs, redo stack of undo seqs), replayed from the history."""
        undo: list[int] = []
        redo: list[int] = []
        for seq, action, ref in self.conn.execute("SELECT seq, action, ref FROM history ORDER BY seq"):
            if action == "undo":
                if undo and undo[-1] == ref:
                    undo.pop()
                    redo.append(seq)
            elif action == "redo":
                if redo and redo[-1] == ref:
                    redo.pop()
                    original = self.conn.execute("SELECT ref FROM history WHERE seq = ?", (ref,)).fetchone()
                    if original:
                        undo.append(int(original[0]))
            elif action in ("remap",):
                continue
            else:
                undo.append(seq)
                redo.clear()
        return undo, redo

    def undo(self) -> dict[str, Any] | None:
        """Revert the latest action not yet undone; None when there is nothing to undo."""
        with self.transaction():
            undo, _ = self._stacks()
            if not undo:
                return None
            target = undo[-1]
            row = self.conn.execute("SELECT summary, changes, claim_id, other_claim FROM history WHERE seq = ?", (target,)).fetchone()
            changes = json.loads(row[1])
            reverse = []
            for change in reversed(changes):
                self._put_record(change["table"], change["key"], change["before"])
                reverse.append({"table": change["table"], "key": change["key"], "before": change["after"], "after": change["before"]})
            summary = f"undid: {row[0]}"
            self.conn.execute(
                "INSERT INTO history (at, action, claim_id, other_claim, summary, changes, ref) VALUES (?,?,?,?,?,?,?)",
                (_now(), "undo", row[2], row[3], summary, json.dumps(reverse, ensure_ascii=False), target),
            )
            return {"undone": target, "summary": summary}

    def redo(self) -> dict[str, Any] | None:
        """Re-apply the latest undone action; None when there is nothing to redo."""
        with self.transaction():
            _, redo = self._stacks()
            if not redo:
                return None
            undo_seq = redo[-1]
            original = self.conn.execute("SELECT ref FROM history WHERE seq = ?", (undo_seq,)).fetchone()[0]
            row = self.conn.execute("SELECT summary, changes, claim_id, other_claim FROM history WHERE seq = ?", (original,)).fetchone()
            changes = json.loads(row[1])
            for change in changes:
                self._put_record(change["table"], change["key"], change["after"])
            summary = f"redid: {row[0]}"
            self.conn.execute(
                "INSERT INTO history (at, action, claim_id, other_claim, summary, changes, ref) VALUES (?,?,?,?,?,?,?)",
                (_now(), "redo", row[2], row[3], summary, row[1], undo_seq),
            )
            return {"redone": original, "summary": summary}

    # -- reading analyst data ------------------------------------------------------------------
    def history(self, claim: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """History rows, oldest first (for one claim: rows where it is either side)."""
        sql = "SELECT seq, at, action, claim_id, other_claim, summary, ref FROM history"
        params: list[Any] = []
        if claim is not None:
            cid = self._resolve_or_raw(claim)
            sql += " WHERE claim_id = ? OR other_claim = ?"
            params += [cid, cid]
        sql += " ORDER BY seq"
        rows = [dict(r) for r in self.query(sql, params)]
        if limit is not None:
            rows = rows[-limit:]
        return rows

    def _resolve_or_raw(self, claim: str) -> str:
        try:
            return self.resolve_claim_id(claim)
        except NotFoundError:
            if self.scalar("SELECT 1 FROM history WHERE claim_id = ? OR other_claim = ?", (claim, claim)):
                return claim
            raise

    def links(self, claim: str | None = None) -> list[dict[str, Any]]:
        """Analyst links (all, or those of one claim), oldest first."""
        if claim is None:
            rows = self.query("SELECT * FROM links ORDER BY created_at, id")
        else:
            cid = self.resolve_claim_id(claim)
            rows = self.query("SELECT * FROM links WHERE a_claim = ? OR b_claim = ? ORDER BY created_at, id", (cid, cid))
        return [dict(r) for r in rows]

    def note(self, claim: str) -> dict[str, Any] | None:
        row = self.query("SELECT * FROM notes WHERE claim_id = ?", (claim,))
        if not row:
            return None
        out = dict(row[0])
        out["tags"] = json.loads(out["tags"])
        return out

    def notes(self) -> list[dict[str, Any]]:
        out = []
        for r in self.query("SELECT * FROM notes ORDER BY created_at, claim_id"):
            d = dict(r)
            d["tags"] = json.loads(d["tags"])
            out.append(d)
        return out

    def verdict(self, claim: str) -> str | None:
        return self.scalar("SELECT verdict FROM verdicts WHERE claim_id = ?", (claim,))

    def verdicts(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.query("SELECT claim_id, verdict FROM verdicts ORDER BY claim_id")}

    def decisions(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.query("SELECT suggestion_id, status FROM decisions")}

    def claim_states(self, article_id: str) -> dict[str, set[str]]:
        """Per claim of one article: its visible states (linked, contradicted, annotated, verdict, suggested)."""
        states: dict[str, set[str]] = {}
        ids = [r[0] for r in self.query("SELECT id FROM claims WHERE article_id = ?", (article_id,))]
        if not ids:
            return states
        idset = set(ids)
        for a, b, rel in self.query(
            "SELECT a_claim, b_claim, relation FROM links WHERE a_claim IN (SELECT id FROM claims WHERE article_id = ?)"
            " OR b_claim IN (SELECT id FROM claims WHERE article_id = ?)",
            (article_id, article_id),
        ):
            for c in (a, b):
                if c in idset:
                    states.setdefault(c, set()).add("contradicted" if rel == "contradicts" else "linked")
        for (c,) in self.query("SELECT claim_id FROM notes WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)", (article_id,)):
            states.setdefault(c, set()).add("annotated")
        for (c,) in self.query("SELECT claim_id FROM verdicts WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)", (article_id,)):
            states.setdefault(c, set()).add("verdict")
        for left, right, kind in self.query(
            "SELECT s.left_claim, s.right_claim, s.kind FROM suggestions s LEFT JOIN decisions d ON d.suggestion_id = s.id"
            " WHERE d.status IS NULL AND (s.left_article = ? OR s.right_article = ?)",
            (article_id, article_id),
        ):
            for c in (left, right):
                if c in idset:
                    states.setdefault(c, set()).add("suggested-contradiction" if kind == "contradiction" else "suggested")
        return states

    def orphans(self) -> list[dict[str, str]]:
        """Analyst records pointing at claims that no longer exist (and have no alias)."""
        out = []
        checks = [
            ("links", "id", "a_claim"),
            ("links", "id", "b_claim"),
            ("notes", "claim_id", "claim_id"),
            ("verdicts", "claim_id", "claim_id"),
        ]
        for table, key, col in checks:
            for k, c in self.query(
                f"SELECT {key}, {col} FROM {table} WHERE {col} NOT IN (SELECT id FROM claims)"
                f" AND {col} NOT IN (SELECT old_id FROM claim_aliases WHERE new_id IN (SELECT id FROM claims))"
            ):
                out.append({"table": table, "key": k, "claim_id": c})
        return out

    def _move_claim_references(self, conn: sqlite3.Connection, old_id: str, new_id: str) -> None:
        """Re-point analyst records from a vanished claim id to its successor (inside a transaction)."""
        for table, col in (("notes", "claim_id"), ("verdicts", "claim_id")):
            if conn.execute(f"SELECT 1 FROM {table} WHERE {col} = ?", (new_id,)).fetchone() is None:
                conn.execute(f"UPDATE {table} SET {col} = ? WHERE {col} = ?", (new_id, old_id))
        conn.execute("UPDATE links SET a_claim = ? WHERE a_claim = ?", (new_id, old_id))
        conn.execute("UPDATE links SET b_claim = ? WHERE b_claim = ?", (new_id, old_id))
        conn.execute("UPDATE decisions SET left_claim = ? WHERE left_claim = ?", (new_id, old_id))
        conn.execute("UPDATE decisions SET right_claim = ? WHERE right_claim = ?", (new_id, old_id))
        conn.execute(
            "INSERT INTO history (at, action, claim_id, other_claim, summary, changes, ref) VALUES (?,?,?,?,?,?,NULL)",
            (_now(), "remap", new_id, old_id, f"re-extraction moved analyst work from {old_id} to {new_id}", "[]"),
        )


def _now() -> str:
    from factdesk.core.store.workspace import now_iso

    return now_iso()


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
