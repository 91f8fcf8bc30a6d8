"""Damaged, foreign, newer, read-only and full workspaces: a clear one-line error, and the file untouched."""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from reliability_support import build_workspace, running_as_root, snapshot

from factdesk.cli import main
from factdesk.core.errors import CorruptDatabaseError, NewerSchemaError, ReadOnlyWorkspaceError, WorkspaceError
from factdesk.core.models import Article
from factdesk.core.store import open_workspace
from factdesk.core.store.schema import SCHEMA_VERSION


def _real_db_bytes(tmp_path: Path) -> bytes:
    ws = build_workspace(tmp_path / "source", n_articles=30, claims_per_article=6)
    ws.set_note(ws.query("SELECT id FROM claims LIMIT 1")[0][0], "a note")
    ws.close()
    return (tmp_path / "source" / "factdesk.db").read_bytes()


def _damaged_cases(tmp_path: Path) -> dict[str, bytes]:
    rng = random.Random(5)
    real = _real_db_bytes(tmp_path)
    return {
        "random_bytes": bytes(rng.randrange(256) for _ in range(20_000)),
        "text_file": b"This is my shopping list, not a database.\nmilk\neggs\n",
        "html_page": b"<!doctype html><html><body>404 Not Found</body></html>\n",
        "magic_only": b"SQLite format 3\x00",
        "magic_then_garbage": b"SQLite format 3\x00" + bytes(rng.randrange(256) for _ in range(8192)),
        "truncated_header": real[:50],
        "truncated_first_page": real[:4096],
        "truncated_half": real[: len(real) // 2 // 4096 * 4096],
        "truncated_last_page": real[: len(real) - 4096],
    }


def _assert_clear(message: str, db: Path) -> None:
    assert "\n" not in message
    assert str(db) in message
    assert "untouched" in message or "doctor" in message
    assert "move it aside" in message or "doctor" in message


def test_damaged_files_are_refused_clearly_and_left_untouched(tmp_path, capsys):
    cases = _damaged_cases(tmp_path)
    for name, data in cases.items():
        root = tmp_path / name
        root.mkdir()
        db = root / "factdesk.db"
        db.write_bytes(data)
        before = snapshot(root)
        with pytest.raises(CorruptDatabaseError) as info:
            open_workspace(root)
        _assert_clear(str(info.value), db)
        assert snapshot(root) == before, f"{name}: the directory changed"
        # The CLI says the same in one line and exits 1; nothing is created or changed.
        for argv in (["articles"], ["claims"], ["note", "c1", "x"], ["undo"]):
            code = main([*argv, "--workspace", str(root)])
            out, err = capsys.readouterr()
            assert code == 1, (name, argv)
            lines = err.strip().splitlines()
            assert len(lines) == 1 and str(db) in lines[0], (name, argv, err)
            assert "Traceback" not in err
        assert snapshot(root) == before, f"{name}: the CLI changed the directory"


def test_newer_schema_is_refused_and_untouched(tmp_path, capsys):
    ws = build_workspace(tmp_path / "ws")
    ws.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    ws.close()
    root = tmp_path / "ws"
    before = snapshot(root)
    with pytest.raises(NewerSchemaError) as info:
        open_workspace(root)
    message = str(info.value)
    assert "\n" not in message and str(root / "factdesk.db") in message and "newer" in message and "upgrade" in message
    assert main(["note", "c000000rel00", "x", "--workspace", str(root)]) == 1
    _, err = capsys.readouterr()
    assert "newer" in err and len(err.strip().splitlines()) == 1
    assert snapshot(root) == before


# -- read-only -------------------------------------------------------------------------------------


def _read_only_session(root: Path) -> dict:
    """Open a read-only workspace, read, try every kind of write; report what happened."""
    report: dict = {"uid": os.geteuid() if hasattr(os, "geteuid") else None}
    ws = open_workspace(root)
    report["readonly"] = ws.readonly
    report["articles"] = ws.article_count()
    report["note"] = (ws.note("c000000rel00") or {}).get("text")
    writes = {
        "set_note": lambda: ws.set_note("c000000rel00", "changed"),
        "set_verdict": lambda: ws.set_verdict("c000000rel00", "accurate"),
        "link_claims": lambda: ws.link_claims("c000000rel00", "c001000rel00", "same"),
        "undo": lambda: ws.undo(),
        "add_article": lambda: ws.add_article(Article(id="anew", title="t", text="t", path="t.txt"), [], "x"),
        "delete_article": lambda: ws.delete_article("a000rel00000"),
    }
    report["writes"] = {}
    for name, call in writes.items():
        try:
            call()
            report["writes"][name] = "no error"
        except ReadOnlyWorkspaceError as exc:
            report["writes"][name] = "ReadOnlyWorkspaceError: " + str(exc)
        except Exception as exc:  # noqa: BLE001
            report["writes"][name] = f"{type(exc).__name__}: {exc}"
    ws.close()
    report["cli"] = {}
    for argv in (["articles"], ["note", "c000000rel00", "changed again"], ["doctor"]):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*argv, "--workspace", str(root)])
        report["cli"][argv[0]] = {"code": code, "out": out.getvalue(), "err": err.getvalue()}
    return report


def _run_as_nobody(func, *args) -> dict:
    """Run ``func`` in a forked child that dropped root privileges; return its JSON result."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        os.close(r)
        try:
            os.setgid(65534)
            os.setuid(65534)
            result = func(*args)
        except BaseException as exc:  # noqa: BLE001
            result = {"child_error": f"{type(exc).__name__}: {exc}"}
        os.write(w, json.dumps(result).encode())
        os._exit(0)
    os.close(w)
    chunks = []
    while chunk := os.read(r, 65536):
        chunks.append(chunk)
    os.close(r)
    os.waitpid(pid, 0)
    return json.loads(b"".join(chunks) or b'{"child_error": "no output"}')


@pytest.mark.parametrize("layout", ["dir_and_db_read_only", "db_read_only", "dir_read_only"])
def test_read_only_workspace_opens_read_only_and_refuses_writes(tmp_path, layout):
    """Real permissions. As root (where chmod does not stop writes) the check runs in a forked
    child that dropped to uid/gid 65534, so the kernel enforces the modes."""
    if running_as_root():
        base = Path(tempfile.mkdtemp(prefix="factdesk-ro-"))
        os.chmod(base, 0o755)
    else:
        base = tmp_path
    try:
        root = base / "ws"
        ws = build_workspace(root)
        ws.set_note("c000000rel00", "original note")
        ws.close()
        os.chmod(root / "factdesk.db", 0o444 if layout != "dir_read_only" else 0o644)
        os.chmod(root, 0o555 if layout != "db_read_only" else 0o755)
        before = snapshot(root)
        report = _run_as_nobody(_read_only_session, root) if running_as_root() else _read_only_session(root)
        assert "child_error" not in report, report
        if running_as_root():
            assert report["uid"] == 65534
        assert report["readonly"] is True
        assert report["articles"] == 3 and report["note"] == "original note"
        for name, outcome in report["writes"].items():
            assert outcome.startswith("ReadOnlyWorkspaceError: ") and "read-only" in outcome, (name, outcome)
        cli = report["cli"]
        # listing works, with a notice on stderr
        assert cli["articles"]["code"] == 0 and "3 articles" in cli["articles"]["out"]
        assert "read-only" in cli["articles"]["err"]
        # a write exits 1 with one clear line naming the file
        assert cli["note"]["code"] == 1
        assert "read-only" in cli["note"]["err"] and "factdesk.db" in cli["note"]["err"]
        assert "Traceback" not in cli["note"]["err"]
        # the doctor reads it without writing
        assert cli["doctor"]["code"] == 0 and "integrity     ok" in cli["doctor"]["out"], cli["doctor"]
        if layout != "db_read_only":  # no side files can appear in a read-only directory
            assert snapshot(root) == before
        else:
            assert {k: v for k, v in snapshot(root).items() if k == "factdesk.db"} == {"factdesk.db": before["factdesk.db"]}
    finally:
        for path in (base / "ws", base):
            if path.exists():
                os.chmod(path, 0o755)
        if running_as_root():
            shutil.rmtree(base, ignore_errors=True)


# -- full disk -------------------------------------------------------------------------------------


def test_full_disk_gives_a_clear_error_and_keeps_earlier_work(tmp_path):
    """Simulated with ``PRAGMA max_page_count``: SQLite then fails exactly as on a full disk (SQLITE_FULL)."""
    ws = build_workspace(tmp_path / "ws")
    claims = [r[0] for r in ws.query("SELECT id FROM claims ORDER BY id")]
    ws.set_note(claims[0], "saved before the disk filled")
    ws.set_verdict(claims[0], "accurate")
    history_before = ws.history()
    pages = ws.scalar("PRAGMA page_count")
    ws.conn.execute(f"PRAGMA max_page_count = {pages}")
    errors = []
    for i, cid in enumerate(claims[1:]):
        try:
            ws.set_note(cid, "x" * 3000 + str(i))
        except WorkspaceError as exc:
            errors.append(exc)
            break
    assert errors, "the simulated disk never filled"
    message = str(errors[0])
    assert "disk is full" in message and str(ws.db_path) in message and "\n" not in message
    assert not isinstance(errors[0], sqlite3.Error)
    # the failed action left nothing half-written, earlier work is intact, the connection still works
    failed_claim = claims[1 + i]
    assert ws.note(failed_claim) is None
    assert ws.note(claims[0])["text"] == "saved before the disk filled"
    assert ws.verdict(claims[0]) == "accurate"
    assert [h["seq"] for h in ws.history()][: len(history_before)] == [h["seq"] for h in history_before]
    assert len(ws.history()) == len(history_before) + i
    # an import into a full workspace fails cleanly too
    big = Article(id="abig", title="big", text="word " * 100_000, path="big.txt")
    with pytest.raises(WorkspaceError, match="disk is full"):
        ws.add_article(big, [], "test")
    assert not ws.has_article("abig")
    # once space is back, work continues and the file is healthy
    ws.conn.execute("PRAGMA max_page_count = 1073741823")
    ws.set_note(failed_claim, "after the disk was freed")
    assert ws.note(failed_claim)["text"] == "after the disk was freed"
    assert ws.integrity_check() == ["ok"]
    ws.close()


def test_full_disk_during_undo_and_review_is_clear(tmp_path):
    ws = build_workspace(tmp_path / "ws")
    claims = [r[0] for r in ws.query("SELECT id FROM claims ORDER BY id")]
    sugg = ws.suggestions()[0]["id"]
    for cid in claims:
        ws.set_note(cid, "y" * 2000)
    pages = ws.scalar("PRAGMA page_count")
    ws.conn.execute(f"PRAGMA max_page_count = {pages}")
    outcomes = []
    cycle = [
        lambda i: ws.review_suggestion(sugg, "accepted" if i % 2 else "rejected"),
        lambda i: ws.undo(),
        lambda i: ws.redo(),
        lambda i: ws.set_verdict(claims[i % len(claims)], "misleading"),
        lambda i: ws.link_claims(claims[0], claims[1 + i % (len(claims) - 1)], "supports", "n" * 500),
    ]
    for i in range(3000):
        try:
            cycle[i % len(cycle)](i)
            outcomes.append("ok")
        except WorkspaceError as exc:
            assert "disk is full" in str(exc), exc
            outcomes.append("full")
            break
    assert outcomes[-1] == "full"
    assert ws.integrity_check() == ["ok"]
    ws.close()
