"""Benchmark of claim extraction (run by hand: ``PYTHONPATH=src python tests/bench_extract.py``).

Prints articles/second over the sample articles and the time for a 5 kB article on one core.
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


if __name__ == "__main__":
    main()
