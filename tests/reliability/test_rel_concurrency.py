"""Two or more processes writing one workspace: nobody sees "database is locked", no write is lost."""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_support import has

from factdesk.core.store import open_workspace


def test_processes_writing_at_once_lose_nothing(tmp_path, concurrency):
    outcome = concurrency.run(tmp_path, actions=45, analysts=2, hold_ms=800)
    check = outcome["check"]
    assert check["errors"] == []
    assert check["missing"] == []
    assert check["integrity"] == ["ok"]
    analyst_writes = sum(1 for r in outcome["results"] if r["kind"] == "analyst" for d in r["done"])
    assert analyst_writes == 90
    assert check["history_rows"] == analyst_writes
    assert check["articles_written"] >= 11


def test_a_writer_waits_for_another_process_holding_the_lock(tmp_path, concurrency):
    """Another process holds the write lock for 1.5 s: the action waits and succeeds (no lock error)."""
    root = tmp_path / "ws"
    concurrency.seed_workspace(root, 1)
    go = tmp_path / "go"
    result = tmp_path / "holder.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(concurrency.SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    holder = subprocess.Popen(
        [sys.executable, str(Path(concurrency.__file__)), "--worker", "holder", str(root), str(go), str(result), "1500", "0"], env=env
    )
    ws = open_workspace(root)
    go.write_text("go")
    deadline = time.monotonic() + 30
    while not Path(str(result) + ".locked").exists():
        assert time.monotonic() < deadline and holder.poll() is None
        time.sleep(0.005)
    t0 = time.monotonic()
    res = ws.set_note(concurrency.analyst_claim(0, 0), "written while another process held the lock")
    waited = time.monotonic() - t0
    assert holder.wait(timeout=30) == 0
    assert waited > 0.8, waited
    assert ws.note(concurrency.analyst_claim(0, 0))["text"].startswith("written while")
    assert ws.history()[-1]["seq"] == res["history"]
    ws.close()


def test_processes_creating_the_same_workspace_at_once(tmp_path, concurrency):
    """Several processes open a workspace that does not exist yet: one creates it, all of them work."""
    results = concurrency.open_race(tmp_path, processes=6)
    assert [r["errors"] for r in results] == [[]] * 6
    ws = open_workspace(tmp_path / "fresh")
    assert ws.article_count() == 6 and len(ws.notes()) == 6
    assert ws.integrity_check() == ["ok"]
    ws.close()


@pytest.mark.skipif(not has("factdesk.core.extract", "extract"), reason="claim extraction is not available yet")
def test_two_processes_importing_the_same_directory(tmp_path, concurrency):
    """Say the TUI and the CLI import the same folder at once: each file is stored once, no batch fails."""
    outcome = concurrency.twin_import(tmp_path, files=20)
    for r in outcome["results"]:
        assert r["errors"] == []
    statuses = collections.defaultdict(list)
    for r in outcome["results"]:
        for name, status, _, reason in r["done"][0]["results"]:
            statuses[name].append(status)
            assert status in ("imported", "duplicate"), reason
    assert len(statuses) == 20
    assert all(sorted(s) == ["duplicate", "imported"] for s in statuses.values()), statuses
    assert len(outcome["articles"]) == 20 and outcome["integrity"] == ["ok"]
