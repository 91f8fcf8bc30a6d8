"""Crash safety, fast version of tests/crash_kill.py (run that script by hand for 200 rounds)."""

from __future__ import annotations

import json

import pytest


def test_sigkill_rounds_lose_no_returned_action(tmp_path, crash_kill):
    stats = crash_kill.run(rounds=10, seed=4242, workdir=tmp_path / "crash", max_delay=0.25, early_kill_share=0.2)
    assert stats["rounds"] == 10
    assert stats["returned_actions"] > 50
    assert stats["committed_unreported"] <= 10


def _logged_session(root, crash_kill):
    """A few actions logged the way the crash child logs them."""
    from factdesk.core.store import open_workspace
    from factdesk.core.store.analyst import link_id

    ws = open_workspace(root)
    ids = crash_kill.claim_ids()
    entries = []
    res = ws.set_note(ids[0], "first note", ["todo"])
    entries.append({"op": "note", "claim": ids[0], "seq": res["history"], "expect": [["notes", ids[0], {"text": "first note"}]]})
    res = ws.set_verdict(ids[1], "accurate")
    entries.append({"op": "verdict", "claim": ids[1], "seq": res["history"], "expect": [["verdicts", ids[1], {"verdict": "accurate"}]]})
    res = ws.link_claims(ids[0], ids[9], "supports")
    entries.append({"op": "link", "claim": ids[0], "seq": res["history"], "expect": [["links", link_id(ids[0], ids[9]), {"relation": "supports"}]]})
    undone = ws.undo()
    entries.append({"op": "undo", "undone": undone["undone"], "seq": int(ws.scalar("SELECT max(seq) FROM history")), "expect": []})
    ws.close()
    return ids, entries


def test_the_checker_catches_lost_and_inconsistent_writes(tmp_path, crash_kill):
    """The crash checks are not vacuous: a lost action, a record without history, a wrong state all fail."""
    import sqlite3

    root = tmp_path / "ws"
    crash_kill.setup_workspace(root)
    ids, entries = _logged_session(root, crash_kill)
    crash_kill.verify(root, entries)  # consistent

    def tamper(sql, params=()):
        conn = sqlite3.connect(root / "factdesk.db")
        conn.execute(sql, params)
        conn.commit()
        conn.close()

    # a returned action missing from the history
    with pytest.raises(crash_kill.CrashCheckFailed, match="missing from the history"):
        crash_kill.verify(root, entries + [{"op": "note", "claim": ids[2], "seq": 999, "expect": []}])
    # a record changed without a history row
    tamper("UPDATE notes SET text = 'silently changed' WHERE claim_id = ?", (ids[0],))
    with pytest.raises(crash_kill.CrashCheckFailed, match="differs from its history"):
        crash_kill.verify(root, entries)
    tamper("UPDATE notes SET text = 'first note' WHERE claim_id = ?", (ids[0],))
    crash_kill.verify(root, entries)
    # a history row whose recorded change is not what the call promised
    tamper(
        "UPDATE history SET changes = ? WHERE seq = ?",
        (json.dumps([{"table": "verdicts", "key": ids[1], "before": None, "after": {"claim_id": ids[1], "verdict": "misleading", "updated_at": "x"}}]), entries[1]["seq"]),
    )
    with pytest.raises(crash_kill.CrashCheckFailed):
        crash_kill.verify(root, entries)
