"""Scale benchmark: a 2,000-article workspace must stay instant. Run by hand (not collected by pytest):

    python tests/bench_scale.py [--dir DIR] [--articles 2000] [--runs 5]

Prints medians of several runs, with the machine's cores:

- import + extraction + matching throughput (articles/second), one process and all cores;
- cold start to the first painted library screen on the large workspace, and the same for the bare
  floor (a minimal Textual app that paints one widget): the ratio is the figure;
- opening an article pair in the compare view; moving to the next claim; jumping to a claim in a
  300,000-character article;
- top-10 suggestions for one claim; FTS search across the workspace;
- peak memory (RSS).

The large workspace is built once in ``--dir`` (default: a temp dir) by
``tests/generate_large_workspace.py`` and reused when the directory already holds one.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(SRC))
sys.path.insert(0, str(HERE))

FLOOR_APP = r"""
from textual.app import App
from textual.widgets import Static
class Floor(App):
    def compose(self):
        yield Static("floor")
    def on_ready(self):
        self.exit()
Floor().run(headless=True)
"""

FACTDESK_APP = r"""
import sys
from factdesk.tui.app import FactdeskApp
class Bench(FactdeskApp):
    def on_ready(self):
        self.call_after_refresh(self.exit)
Bench(sys.argv[1]).run(headless=True)
"""


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def build_workspace(directory: Path, n_articles: int) -> float:
    """Generate and import the large workspace with all cores; returns articles/second."""
    from generate_large_workspace import generate

    from factdesk.core.pipeline import import_paths
    from factdesk.core.store import open_workspace

    if (directory / "factdesk.db").exists():
        return float("nan")
    generate(directory, n_articles, long=True)
    ws = open_workspace(directory)
    t0 = time.perf_counter()
    summary = import_paths(ws, [directory / "articles"], jobs=0)
    elapsed = time.perf_counter() - t0
    ws.close()
    print(f"  built: {summary.line()} in {elapsed:.1f} s")
    return summary.imported / elapsed


def import_throughput(n: int, jobs: int, runs: int) -> list[float]:
    """Articles/second importing ``n`` generated articles into a fresh workspace."""
    from generate_large_workspace import generate

    from factdesk.core.pipeline import import_paths
    from factdesk.core.store import open_workspace

    rates = []
    for run in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            generate(root, n, seed=100 + run)
            ws = open_workspace(root)
            t0 = time.perf_counter()
            summary = import_paths(ws, [root / "articles"], jobs=jobs)
            rates.append(summary.imported / (time.perf_counter() - t0))
            ws.close()
    return rates


def cold_start(workspace: Path, runs: int) -> tuple[list[float], list[float], int]:
    env = dict(os.environ, PYTHONPATH=str(SRC), FACTDESK_CONFIG=os.devnull + ".absent")
    floor, app = [], []
    peak_kb = 0
    scripts = Path(tempfile.mkdtemp(prefix="factdesk-coldstart-"))
    (scripts / "floor_app.py").write_text(FLOOR_APP, encoding="utf-8")
    (scripts / "factdesk_app.py").write_text(FACTDESK_APP, encoding="utf-8")
    for i in range(runs + 2):  # two warm-ups, then alternate A B A B
        for which, script, args in (("floor", "floor_app.py", []), ("app", "factdesk_app.py", [str(workspace)])):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, str(scripts / script), *args], env=env, check=True, capture_output=True, timeout=120)
            elapsed = time.perf_counter() - t0
            if i >= 2:
                (floor if which == "floor" else app).append(elapsed)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return floor, app, peak_kb


async def ui_timings(workspace: Path, long_id: str, pair: list[str]) -> dict[str, list[float]]:
    from factdesk.tui.app import FactdeskApp
    from factdesk.tui.screens.compare import CompareScreen

    out: dict[str, list[float]] = {"open_pair": [], "next_claim": [], "open_long": [], "jump_long": [], "harness": []}
    app = FactdeskApp(workspace)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        for _ in range(15):  # the harness's own cost: an unbound key, pressed and settled
            t0 = time.perf_counter()
            await pilot.press("f12")
            await pilot.pause()
            out["harness"].append(time.perf_counter() - t0)
        for _ in range(3):
            t0 = time.perf_counter()
            app.open_compare(pair)
            await pilot.pause()
            out["open_pair"].append(time.perf_counter() - t0)
            for _ in range(15):
                t0 = time.perf_counter()
                await pilot.press("j")
                await pilot.pause()
                out["next_claim"].append(time.perf_counter() - t0)
            app.pop_screen()
            await pilot.pause()
        for _ in range(3):
            t0 = time.perf_counter()
            app.open_compare([long_id, pair[0]])
            await pilot.pause()
            out["open_long"].append(time.perf_counter() - t0)
            screen = app.screen
            assert isinstance(screen, CompareScreen)
            for key in ("end", "home", "end", "home", "end"):
                t0 = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                out["jump_long"].append(time.perf_counter() - t0)
            app.pop_screen()
            await pilot.pause()
    return out


def core_timings(workspace: Path) -> tuple[dict[str, list[float]], str, list[str]]:
    from factdesk.core.store import open_workspace

    ws = open_workspace(workspace)
    rng = random.Random(3)
    ids = [r[0] for r in ws.query("SELECT id FROM claims")]
    out: dict[str, list[float]] = {"top10": [], "search": []}
    for cid in rng.sample(ids, min(300, len(ids))):
        t0 = time.perf_counter()
        ws.top_suggestions(cid, 10)
        out["top10"].append(time.perf_counter() - t0)
    for term in ("killed", "Boukamal", "munitions de précision", "the", "frappes", "Biden said", "zzqx"):
        for _ in range(5):
            t0 = time.perf_counter()
            ws.search(term, limit=20)
            out["search"].append(time.perf_counter() - t0)
    long_id = ws.scalar("SELECT id FROM articles WHERE length(text) > 250000 LIMIT 1")
    pair = [r[0] for r in ws.query("SELECT id FROM articles WHERE length(text) < 50000 ORDER BY rowid LIMIT 2")]
    counts = ws.counts()
    print(f"  workspace: {counts['articles']} articles, {counts['claims']} claims, {counts['suggestions']} suggestions")
    ws.close()
    return out, long_id, pair


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, help="where the large workspace lives (built when absent)")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--import-sample", type=int, default=100, help="articles per import-throughput run")
    ap.add_argument("--import-runs", type=int, default=3, help="runs per import-throughput figure")
    ap.add_argument("--throughput-only", action="store_true", help="stop after the import-throughput figures")
    args = ap.parse_args()
    directory = args.dir or Path(tempfile.mkdtemp(prefix="factdesk-scale-"))
    print(f"factdesk scale benchmark — {os.cpu_count()} cores, Python {sys.version.split()[0]}")

    print("import + extraction + matching throughput")
    single = import_throughput(args.import_sample, 1, args.import_runs)
    multi = import_throughput(args.import_sample, 0, args.import_runs)
    print(f"  one process: {median(single):.1f} articles/s   all {os.cpu_count()} cores: {median(multi):.1f} articles/s")
    if args.throughput_only:
        return 0

    print(f"building the {args.articles}-article workspace in {directory}")
    rate = build_workspace(directory, args.articles)
    if rate == rate:
        print(f"  {rate:.1f} articles/s (all cores, growing workspace)")

    print("core calls")
    core, long_id, pair = core_timings(directory)
    print(f"  top-10 suggestions for one claim: p50 {median(core['top10']) * 1000:.2f} ms, p95 {p95(core['top10']) * 1000:.2f} ms")
    print(f"  FTS search (limit 20): p50 {median(core['search']) * 1000:.2f} ms, p95 {p95(core['search']) * 1000:.2f} ms")

    print("cold start to the first painted library screen")
    floor, app, peak_kb = cold_start(directory, args.runs)
    ratios = [a / f for a, f in zip(app, floor)]
    print(f"  floor {median(floor) * 1000:.0f} ms, factdesk {median(app) * 1000:.0f} ms, ratio {median(ratios):.2f}×")
    print(f"  peak RSS of the app process: {peak_kb / 1024:.0f} MB")

    print("TUI (headless, 160×45)")
    ui = asyncio.run(ui_timings(directory, long_id, pair))
    floor_ms = median(ui["harness"]) * 1000
    print(f"  harness floor (unbound key pressed and settled): p50 {floor_ms:.0f} ms — subtract it from the key timings")
    print(f"  open an article pair: p50 {median(ui['open_pair']) * 1000:.0f} ms")
    print(f"  next claim: p50 {median(ui['next_claim']) * 1000:.0f} ms, p95 {p95(ui['next_claim']) * 1000:.0f} ms")
    print(f"  open a 300,000-character article: p50 {median(ui['open_long']) * 1000:.0f} ms")
    print(f"  jump to the first/last claim of it: p50 {median(ui['jump_long']) * 1000:.0f} ms")
    print(f"  peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if not args.dir:
        shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
