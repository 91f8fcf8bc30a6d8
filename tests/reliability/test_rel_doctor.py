"""``factdesk doctor``: a readable report, exit 1 when something is wrong, and never a write."""

from __future__ import annotations

import sqlite3

from reliability_support import build_workspace, snapshot

from factdesk.cli import main
from factdesk.core.doctor import run_doctor
from factdesk.core.store.schema import SCHEMA_VERSION


def doctor(capsys, root) -> tuple[int, str]:
    code = main(["doctor", "--workspace", str(root)])
    out, err = capsys.readouterr()
    return code, out + err


def test_healthy_workspace_report_and_nothing_written(tmp_path, capsys):
    ws = build_workspace(tmp_path / "ws")
    claims = [r[0] for r in ws.query("SELECT id FROM claims ORDER BY id")]
    ws.set_note(claims[0], "a note")
    ws.set_verdict(claims[0], "accurate")
    ws.link_claims(claims[0], claims[5], "same")
    ws.review_suggestion(ws.suggestions()[0]["id"], "rejected")
    ws.close()
    root = tmp_path / "ws"
    before = snapshot(root)
    code, out = doctor(capsys, root)
    assert code == 0, out
    assert f"schema        version {SCHEMA_VERSION} (current)" in out
    assert "journal mode  wal" in out
    assert "integrity     ok" in out and "foreign keys  ok" in out
    for part in ("articles 3", "claims 12", "links 1", "notes 1", "verdicts 1", "suggestions", "decisions 1", "history 4"):
        assert part in out, part
    assert "orphans       none" in out
    assert out.strip().endswith("result: healthy")
    assert snapshot(root) == before  # no -wal/-shm created, database bytes and mtime unchanged


def test_doctor_while_another_connection_is_open(tmp_path, capsys):
    ws = build_workspace(tmp_path / "ws")
    ws.set_note(ws.query("SELECT id FROM claims LIMIT 1")[0][0], "open elsewhere")
    code, out = doctor(capsys, tmp_path / "ws")
    assert code == 0 and "notes 1" in out, out
    ws.set_note(ws.query("SELECT id FROM claims LIMIT 1")[0][0], "still writable")  # not disturbed
    ws.close()


def test_orphans_are_listed_and_exit_1(tmp_path, capsys):
    ws = build_workspace(tmp_path / "ws")
    claims = [r[0] for r in ws.query("SELECT id FROM claims WHERE article_id = 'a000rel00000' ORDER BY id")]
    ws.set_note(claims[0], "note on a claim that will vanish")
    ws.set_verdict(claims[1], "misleading")
    ws.delete_article("a000rel00000")  # analyst data is kept on purpose
    ws.close()
    code, out = doctor(capsys, tmp_path / "ws")
    assert code == 1
    assert "orphans" in out and "2 analyst records point at claims that no longer exist" in out
    assert f"notes[{claims[0]}] → missing claim {claims[0]}" in out
    assert f"verdicts[{claims[1]}]" in out
    assert "result: 1 problem found (orphans)" in out


def test_damaged_interior_pages_fail_the_integrity_check(tmp_path, capsys):
    ws = build_workspace(tmp_path / "ws", n_articles=40, claims_per_article=8)
    ws.close()
    db = tmp_path / "ws" / "factdesk.db"
    data = bytearray(db.read_bytes())
    page = 4096
    for p in range(3, len(data) // page - 1, 3):  # scribble over interior pages, keep page 1
        data[p * page + 8 : p * page + 200] = b"\xa5" * 192
    db.write_bytes(bytes(data))
    before = snapshot(tmp_path / "ws")
    code, out = doctor(capsys, tmp_path / "ws")
    assert code == 1, out
    assert "integrity     PROBLEM:" in out and "damaged" in out
    assert snapshot(tmp_path / "ws") == before


def test_non_database_and_truncated_files(tmp_path, capsys):
    ws = build_workspace(tmp_path / "src", n_articles=20)
    ws.close()
    real = (tmp_path / "src" / "factdesk.db").read_bytes()
    for name, data in {"text": b"hello, not a database\n", "truncated": real[: len(real) // 2], "header": real[:60]}.items():
        root = tmp_path / name
        root.mkdir()
        (root / "factdesk.db").write_bytes(data)
        before = snapshot(root)
        code, out = doctor(capsys, root)
        assert code == 1, (name, out)
        assert "PROBLEM" in out and "factdesk.db" in out, out
        assert snapshot(root) == before, name


def test_newer_schema_missing_workspace_and_missing_db(tmp_path, capsys):
    ws = build_workspace(tmp_path / "new")
    ws.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    ws.close()
    code, out = doctor(capsys, tmp_path / "new")
    assert code == 1 and "newer factdesk" in out
    code, out = doctor(capsys, tmp_path / "nowhere")
    assert code == 1 and "not a directory" in out
    assert not (tmp_path / "nowhere").exists()  # the doctor creates nothing
    (tmp_path / "empty").mkdir()
    code, out = doctor(capsys, tmp_path / "empty")
    assert code == 1 and "does not exist yet" in out
    assert list((tmp_path / "empty").iterdir()) == []


def test_foreign_key_violations_are_reported(tmp_path, capsys):
    ws = build_workspace(tmp_path / "ws")
    ws.close()
    conn = sqlite3.connect(tmp_path / "ws" / "factdesk.db")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM articles WHERE id = 'a001rel00000'")
    conn.commit()
    conn.close()
    code, out = doctor(capsys, tmp_path / "ws")
    assert code == 1 and "foreign keys  PROBLEM" in out


def test_run_doctor_returns_the_status(tmp_path, capsys):
    ws = build_workspace(tmp_path / "ws")
    ws.close()
    assert run_doctor(str(tmp_path / "ws")) == 0
    assert "result: healthy" in capsys.readouterr().out
