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
from factdesk.tui.app import FactdeskApp, prepare_process
prepare_process()  # as the factdesk command does before it starts the app
class Bench(FactdeskApp):
    def on_ready(self):
        self.call_after_refresh(self.exit)
Bench(sys.argv[1]).run(headless=True)
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")] if sys.platform == "linux" else []
print("peak_rss_kb", hwm[0].split()[1] if hwm else 0)
"""


def peak_rss_kb() -> int:
    """This process's peak resident memory since it started its program (kB).

    ``VmHWM`` is reset by ``exec``; ``ru_maxrss`` is not, so a child forked from a large parent
    (this benchmark, after building the workspace) would report the parent's size.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


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
    print(f"  built: {summary.line()} in {elapsed:.1f} s; peak RSS of the importing process {peak_rss_kb() / 1024:.0f} MB")
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


def _run_child(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run a child process to completion: (wall seconds, CPU seconds, peak RSS in kB) of that child alone."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{argv[1]} failed ({proc.returncode}): {err[-2000:]}")
    rss = next((int(line.split()[1]) for line in out.splitlines() if line.startswith("peak_rss_kb ")), 0)
    return wall, usage.ru_utime + usage.ru_stime, rss


def child_env() -> dict[str, str]:
    """The environment of measured child processes: bytecode caching on, as for an installed app."""
    env = dict(os.environ, PYTHONPATH=str(SRC), FACTDESK_CONFIG=os.devnull + ".absent")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cold_start(workspace: Path, runs: int) -> dict[str, list[float]]:
    """Floor and factdesk cold starts, alternated (A B A B …) after two warm-ups."""
    env = child_env()
    out: dict[str, list[float]] = {"floor": [], "app": [], "floor_cpu": [], "app_cpu": [], "rss_kb": []}
    scripts = Path(tempfile.mkdtemp(prefix="factdesk-coldstart-"))
    (scripts / "floor_app.py").write_text(FLOOR_APP, encoding="utf-8")
    (scripts / "factdesk_app.py").write_text(FACTDESK_APP, encoding="utf-8")
    for i in range(runs + 2):  # two warm-ups (they also write the bytecode caches), then measured runs
        for which, script, args in (("floor", "floor_app.py", []), ("app", "factdesk_app.py", [str(workspace)])):
            wall, cpu, rss = _run_child([sys.executable, str(scripts / script), *args], env)
            if i >= 2:
                out[which].append(wall)
                out[which + "_cpu"].append(cpu)
                if which == "app":
                    out["rss_kb"].append(rss)
    shutil.rmtree(scripts, ignore_errors=True)
    return out


class FrameProbe:
    """Records when each frame ends and which articles' text it painted.

    An action's latency is measured like the prototypes in the performance notes: from the call
    to the end of the frame that first shows the result (``first``) or the last frame it caused
    (``settled``); the harness's own idle waiting is not counted.
    """

    def __init__(self) -> None:
        from textual.screen import Screen

        from factdesk.tui.widgets.article_view import ArticleView

        self.frames: list[tuple[float, frozenset[str]]] = []
        self._painted: set[str] = set()
        probe = self
        refresh, render_line = Screen._compositor_refresh, ArticleView.render_line

        def compositor_refresh(screen, *args, **kwargs):
            result = refresh(screen, *args, **kwargs)
            probe.frames.append((time.perf_counter(), frozenset(probe._painted)))
            probe._painted.clear()
            return result

        def view_render_line(view, y):
            if view.article is not None:
                probe._painted.add(view.article.id)
            return render_line(view, y)

        Screen._compositor_refresh = compositor_refresh
        ArticleView.render_line = view_render_line

    def since(self, t0: float, article_id: str | None = None) -> tuple[float, float]:
        """(first, settled) seconds after ``t0``; ``first`` = first frame painting ``article_id``."""
        after = [(t, painted) for t, painted in self.frames if t >= t0]
        if not after:
            return float("nan"), float("nan")
        first = next((t for t, painted in after if article_id is None or article_id in painted), after[-1][0])
        return first - t0, after[-1][0] - t0


async def ui_timings(workspace: Path, long_id: str, pair: list[str]) -> dict[str, list[float]]:
    from factdesk.tui.app import FactdeskApp
    from factdesk.tui.screens.compare import CompareScreen

    from factdesk.tui.app import prepare_process

    probe = FrameProbe()
    prepare_process()  # as the factdesk command does before it starts the app
    out: dict[str, list[float]] = {k: [] for k in ("open_pair", "open_pair_settled", "next_claim", "next_claim_settled", "open_long", "open_long_settled", "jump_long", "jump_long_settled")}
    app = FactdeskApp(workspace)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        for _ in range(5):
            t0 = time.perf_counter()
            app.open_compare(pair)
            await pilot.pause()
            await pilot.pause()
            first, settled = probe.since(t0, pair[0])
            out["open_pair"].append(first)
            out["open_pair_settled"].append(settled)
            for _ in range(15):
                t0 = time.perf_counter()
                await pilot.press("j")
                await pilot.pause()
                first, settled = probe.since(t0, pair[0])  # the frame that repainted the moved claim
                out["next_claim"].append(first)
                out["next_claim_settled"].append(settled)
            app.pop_screen()
            await pilot.pause()
        for _ in range(5):
            t0 = time.perf_counter()
            app.open_compare([long_id, pair[0]])
            await pilot.pause()
            await pilot.pause()
            first, settled = probe.since(t0, long_id)
            out["open_long"].append(first)
            out["open_long_settled"].append(settled)
            assert isinstance(app.screen, CompareScreen)
            for key in ("end", "home", "end", "home", "end"):
                t0 = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                first, settled = probe.since(t0, long_id)
                out["jump_long"].append(first)
                out["jump_long_settled"].append(settled)
            app.pop_screen()
            await pilot.pause()
    out["rss_kb"] = [peak_rss_kb()]
    return out


def ui_child(workspace: Path, long_id: str, pair: list[str]) -> dict[str, list[float]]:
    """Run :func:`ui_timings` in a fresh process (its memory is the TUI's alone)."""
    import json

    script = (
        "import asyncio, json, sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]; import bench_scale as b; "
        "print(json.dumps(asyncio.run(b.ui_timings(b.Path(sys.argv[3]), sys.argv[4], sys.argv[5:]))))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(SRC), str(HERE), str(workspace), long_id, *pair],
        env=child_env(), capture_output=True, text=True, timeout=900,
    )
    if proc.returncode != 0:
        raise SystemExit(f"UI timings failed: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def core_timings(workspace: Path) -> tuple[dict[str, list[float]], str, list[str]]:
    from factdesk.core.store import open_workspace

    ws = open_workspace(workspace)
    rng = random.Random(3)
    ids = [r[0] for r in ws.query("SELECT id FROM claims")]
    out: dict[str, list[float]] = {"top10": [], "search": [], "search_first": []}
    for cid in rng.sample(ids, min(300, len(ids))):
        t0 = time.perf_counter()
        ws.top_suggestions(cid, 10)
        out["top10"].append(time.perf_counter() - t0)
    for term in ("killed", "Boukamal", "munitions de précision", "the", "frappes", "Biden said", "zzqx"):
        for i in range(5):
            t0 = time.perf_counter()
            ws.search(term, limit=20)
            out["search_first" if i == 0 else "search"].append(time.perf_counter() - t0)
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
    ap.add_argument("--import-sample", type=int, default=300, help="articles per import-throughput run")
    ap.add_argument("--import-runs", type=int, default=3, help="runs per import-throughput figure")
    ap.add_argument("--throughput-only", action="store_true", help="stop after the import-throughput figures")
    ap.add_argument("--skip-throughput", action="store_true", help="skip the import-throughput figures")
    args = ap.parse_args()
    directory = args.dir or Path(tempfile.mkdtemp(prefix="factdesk-scale-"))
    print(f"factdesk scale benchmark — {os.cpu_count()} cores, Python {sys.version.split()[0]}")

    if not args.skip_throughput:
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
    print(
        f"  FTS search (limit 20): p50 {median(core['search']) * 1000:.2f} ms, p95 {p95(core['search']) * 1000:.2f} ms;"
        f" first search of each term (index pages not cached yet): p50 {median(core['search_first']) * 1000:.1f} ms,"
        f" max {max(core['search_first']) * 1000:.1f} ms"
    )

    print("cold start to the first painted library screen (wall time; CPU time in brackets)")
    cold = cold_start(directory, args.runs)
    ratios = [a / f for a, f in zip(cold["app"], cold["floor"])]
    cpu_ratios = [a / f for a, f in zip(cold["app_cpu"], cold["floor_cpu"])]
    print(
        f"  floor {median(cold['floor']) * 1000:.0f} ms ({median(cold['floor_cpu']) * 1000:.0f}), "
        f"factdesk {median(cold['app']) * 1000:.0f} ms ({median(cold['app_cpu']) * 1000:.0f}), "
        f"ratio {median(ratios):.2f}× ({median(cpu_ratios):.2f}×)"
    )
    print(f"  peak RSS of the app process: {median(cold['rss_kb']) / 1024:.0f} MB")

    print("TUI (headless, 160×45, frame-timed: from the call to the end of the frame showing the result)")
    ui = ui_child(directory, long_id, pair)
    ms = lambda xs: median(xs) * 1000  # noqa: E731
    print(f"  open an article pair: text on screen p50 {ms(ui['open_pair']):.0f} ms, settled {ms(ui['open_pair_settled']):.0f} ms")
    print(
        f"  next claim: p50 {ms(ui['next_claim']):.0f} ms, p95 {p95(ui['next_claim']) * 1000:.0f} ms"
        f" (inspector filled: p50 {ms(ui['next_claim_settled']):.0f} ms; it waits for a pause in the key repeat)"
    )
    print(f"  open a 300,000-character article: text on screen p50 {ms(ui['open_long']):.0f} ms, settled {ms(ui['open_long_settled']):.0f} ms")
    print(
        f"  jump to the first/last claim of it: p50 {ms(ui['jump_long']):.0f} ms, max {max(ui['jump_long']) * 1000:.0f} ms"
        f" (inspector filled: p50 {ms(ui['jump_long_settled']):.0f} ms)"
    )
    print(f"  peak RSS of the TUI process: {ui['rss_kb'][0] / 1024:.0f} MB")
    if not args.dir:
        shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
