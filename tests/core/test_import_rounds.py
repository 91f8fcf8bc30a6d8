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


def test_workers_pause_the_collector_whatever_the_start_method():
    """A spawned worker does not inherit the paused collector: the pool's initializer pauses it."""
    import gc
    import multiprocessing

    with pipeline._worker_pool(1, multiprocessing.get_context("spawn")) as pool:
        assert pool.submit(gc.isenabled).result() is False


def test_workers_collect_cyclic_garbage_once_in_a_while(tmp_path, monkeypatch):
    import gc

    files = sorted(CORPUS.glob("*.txt"))[:3]
    monkeypatch.setattr(pipeline, "WORKER_COLLECT_EVERY", 2)
    monkeypatch.setattr(pipeline, "_worker_prepared", 0)
    calls = []
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append(a) or 0)
    pipeline._prepare_chunk([str(f) for f in files[:1]], 10**6, False)
    assert calls == []
    got = pipeline._prepare_chunk([str(f) for f in files[1:3]], 10**6, False)
    assert len(calls) == 1 and pipeline._worker_prepared == 0
    assert all(p.article is not None and p.claims for p in got)
