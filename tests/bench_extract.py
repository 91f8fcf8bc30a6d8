"""Benchmark of claim extraction (run by hand: ``PYTHONPATH=src python tests/bench_extract.py [DIR]``).

Prints articles/second over the sample articles and the time for a 5 kB article on one core. With
``DIR`` (e.g. the ``articles/`` folder written by ``tests/generate_large_workspace.py``), also times
every article there once per round, single process, and prints ms per article and per 9 kB.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from factdesk.core.extract import extract  # noqa: E402

ARTICLES = ROOT / "workspace" / "articles"


def main(rounds: int = 20) -> None:
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt"))]
    if not texts:
        print("no sample articles found")
        return
    t0 = time.perf_counter()
    extract("warmup", texts[0][1], None, None)
    print(f"first call (lazy imports and compilation): {(time.perf_counter() - t0) * 1000:.1f} ms")
    n = 0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for aid, text in texts:
            extract(aid, text, None, None)
            n += 1
    dt = time.perf_counter() - t0
    chars = sum(len(t) for _, t in texts) * rounds
    print(f"{n} articles in {dt:.2f} s: {n / dt:.1f} articles/s, {dt / chars * 5000 * 1000:.2f} ms per 5 kB")
    big = "\n\n".join(t for _, t in texts)[:5000]
    times = []
    for _ in range(rounds):
        t1 = time.perf_counter()
        extract("five-kb", big, None, None)
        times.append(time.perf_counter() - t1)
    print(f"5 kB article: median {statistics.median(times) * 1000:.2f} ms, max {max(times) * 1000:.2f} ms")


def corpus(folder: Path, rounds: int = 3) -> None:
    from factdesk.core.ingest import read_article

    arts = [read_article(p) for p in sorted(folder.glob("*.txt"))]
    if not arts:
        print(f"no .txt articles in {folder}")
        return
    for a in arts:  # first pass: lazy compilation for every language
        extract(a.id, a.text, a.language, a.published)
    best = None
    for _ in range(rounds):
        t0 = time.perf_counter()
        for a in arts:
            extract(a.id, a.text, a.language, a.published)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    chars = sum(len(a.text) for a in arts)
    print(f"{len(arts)} articles ({chars / len(arts) / 1000:.1f} kchars on average), best of {rounds} rounds: "
          f"{best / len(arts) * 1000:.2f} ms per article, {len(arts) / best:.1f} articles/s, "
          f"{best / chars * 9000 * 1000:.2f} ms per 9 kB")


if __name__ == "__main__":
    main()
    if len(sys.argv) > 1:
        corpus(Path(sys.argv[1]))
