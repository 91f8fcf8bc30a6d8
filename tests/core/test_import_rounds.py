"""A large import matches in rounds: the same result as importing the rounds one after another."""

from __future__ import annotations

from pathlib import Path

from factdesk.core import pipeline
from factdesk.core.pipeline import import_paths
from factdesk.core.store import open_workspace

CORPUS = Path(__file__).resolve().parents[1] / "data" / "multilingual"


def _snapshot(ws) -> list[tuple]:
    return [tuple(r) for r in ws.query("SELECT id, kind, score, reasons FROM suggestions ORDER BY id")]


def test_rounds_equal_successive_imports(tmp_path, monkeypatch):
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) > 8
    monkeypatch.setattr(pipeline, "MATCH_ROUND", 4)
    one = open_workspace(tmp_path / "one")
    summary = import_paths(one, files)
    assert summary.imported == len(files) and summary.suggestions > 0

    monkeypatch.setattr(pipeline, "MATCH_ROUND", 10_000)
    steps = open_workspace(tmp_path / "steps")
    for i in range(0, len(files), 4):
        import_paths(steps, files[i : i + 4])
    assert _snapshot(one) == _snapshot(steps)
    one.close()
    steps.close()


def test_parallel_import_equals_one_process(tmp_path, monkeypatch):
    """Worker processes, a short lead and rounds together give what one process gives, in file order."""
    files = sorted(CORPUS.glob("*.txt"))
    monkeypatch.setattr(pipeline, "MATCH_ROUND", 5)
    monkeypatch.setattr(pipeline, "LEAD_CHUNKS_PER_WORKER", 1)
    serial = open_workspace(tmp_path / "serial")
    parallel = open_workspace(tmp_path / "parallel")
    a = import_paths(serial, files, jobs=1)
    b = import_paths(parallel, files, jobs=2)
    assert [(r.path, r.status, r.article_id) for r in a.results] == [(r.path, r.status, r.article_id) for r in b.results]
    assert [r[0] for r in parallel.query("SELECT id FROM articles ORDER BY rowid")] == [
        r[0] for r in serial.query("SELECT id FROM articles ORDER BY rowid")
    ]
    assert _snapshot(serial) == _snapshot(parallel) and a.suggestions == b.suggestions > 0
    serial.close()
    parallel.close()
