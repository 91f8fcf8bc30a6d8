"""Concurrency: several processes write one workspace at the same time; no lock error, no lost write.

Workers (each a separate process, released together):

* ``analyst`` — notes, verdicts and links through the core API, each on its own claims;
* ``articles`` — inserts articles with their claims (long transactions, as an import does);
* ``import`` — runs ``import_paths`` on generated files (only when claim extraction exists);
* ``reader`` — lists, counts and searches continuously;
* ``holder`` — holds the write lock with a raw ``BEGIN IMMEDIATE`` for a while, then commits.

Every worker records what its calls returned and every exception. The parent then checks that no
exception happened (in particular no "database is locked"), that every returned write is in the
database, and that the file is healthy.

Usage::

    python tests/concurrency_check.py [--actions 200] [--analysts 2] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

CLAIMS_PER_ARTICLE = 10


def seed_workspace(root: Path, analysts: int) -> None:
    """One article per analyst worker, so each worker writes on its own claims."""
    from factdesk.core.models import Article, Claim
    from factdesk.core.store import open_workspace

    ws = open_workspace(root)
    try:
        for k in range(analysts):
            sentences = [f"Analyst {k} sentence {i}: {100 + i} homes were flooded." for i in range(CLAIMS_PER_ARTICLE)]
            text = " ".join(sentences)
            art = Article(id=f"aseed{k:03d}conc", title=f"Seed {k}", text=text, path=f"seed{k}.txt", language="en")
            claims, pos = [], 0
            for i, s in enumerate(sentences):
                start = text.index(s, pos)
                pos = start + len(s)
                claims.append(Claim(id=analyst_claim(k, i), article_id=art.id, start=start, end=pos, text=s, ordinal=i))
            ws.add_article(art, claims, "concurrency")
    finally:
        ws.close()


def analyst_claim(k: int, i: int) -> str:
    return f"cseed{k:03d}{i:03d}"


def _wait_for(go: Path) -> None:
    deadline = time.monotonic() + 60
    while not go.exists():
        if time.monotonic() > deadline:
            raise RuntimeError("never released")
        time.sleep(0.001)


def worker(kind: str, root: str, go: str, result_path: str, n: int, k: int) -> None:
    from factdesk.core.store import open_workspace

    result: dict[str, Any] = {"kind": kind, "k": k, "errors": [], "done": []}
    t0 = time.monotonic()
    try:
        if kind == "holder":
            conn = sqlite3.connect(str(Path(root) / "factdesk.db"), isolation_level=None, timeout=30)
            _wait_for(Path(go))
            conn.execute("BEGIN IMMEDIATE")
            Path(result_path + ".locked").write_text("locked")
            time.sleep(n / 1000)
            conn.execute("COMMIT")
            conn.close()
            result["done"].append("held")
        else:
            ws = open_workspace(root)
            _wait_for(Path(go))
            for i in range(n):
                try:
                    result["done"].append(_one(kind, ws, root, k, i, n))
                except Exception as exc:  # noqa: BLE001 - every failure is reported to the parent
                    result["errors"].append(f"{type(exc).__name__}: {exc}")
            ws.close()
    except Exception as exc:  # noqa: BLE001
        result["errors"].append(f"{type(exc).__name__}: {exc} {traceback.format_exc()[-500:]}")
    result["seconds"] = round(time.monotonic() - t0, 2)
    Path(result_path).write_text(json.dumps(result))


def _one(kind: str, ws: Any, root: str, k: int, i: int, n: int) -> Any:
    from factdesk.core.models import Article, Claim

    if kind == "analyst":
        cid = analyst_claim(k, i % CLAIMS_PER_ARTICLE)
        step = i % 3
        if step == 0:
            res = ws.set_note(cid, f"analyst {k} step {i}")
            return {"op": "note", "claim": cid, "text": f"analyst {k} step {i}", "seq": res["history"]}
        if step == 1:
            verdict = ["accurate", "misleading", "disputed"][i % 3]
            res = ws.set_verdict(cid, verdict)
            return {"op": "verdict", "claim": cid, "verdict": res["verdict"], "seq": res["history"]}
        other = analyst_claim(k, (i + 1) % CLAIMS_PER_ARTICLE)
        res = ws.link_claims(cid, other, "supports")
        return {"op": "link", "claim": cid, "other": other, "seq": res["history"]}
    if kind == "articles":
        body = " ".join(f"Writer {k} article {i} sentence {j}: {j} people." for j in range(200))
        art = Article(id=f"aw{k:02d}{i:05d}conc", title=f"W{k} {i}", text=body, path=f"w{k}-{i}.txt", language="en")
        claims = [Claim(id=f"cw{k:02d}{i:05d}{j:03d}", article_id=art.id, start=0, end=10, text=body[:10], ordinal=j) for j in range(20)]
        ws.add_article(art, claims, "concurrency")
        return {"op": "article", "id": art.id}
    if kind == "import":
        from factdesk.core.pipeline import import_paths

        folder = Path(root).parent / f"import-{k}-{i}"
        folder.mkdir(exist_ok=True)
        path = folder / f"imported-{k}-{i}.txt"
        path.write_text(f"Import {k}-{i}\n\nOn Monday {i + 3} people were hurt in storm number {k}-{i}, police said.\n", encoding="utf-8")
        summary = import_paths(ws, [path])
        statuses = [r.status for r in summary.results]
        if statuses != ["imported"]:
            raise RuntimeError(f"import result {[r.line() for r in summary.results]}")
        return {"op": "import", "id": summary.results[0].article_id}
    if kind == "import_dir":
        from factdesk.core.pipeline import import_paths

        summary = import_paths(ws, [Path(root).parent / "shared"])
        return {"op": "import_dir", "results": [[Path(r.path).name, r.status, r.article_id, r.reason] for r in summary.results]}
    if kind == "reader":
        ws.list_articles()
        ws.counts()
        ws.search("people")
        ws.history(limit=5)
        return {"op": "read"}
    raise ValueError(kind)


def _have_extract() -> bool:
    try:
        from factdesk.core.extract import EXTRACTOR_VERSION, extract  # noqa: F401
    except Exception:  # noqa: BLE001
        return False
    return True


def run(workdir: Path, actions: int = 60, analysts: int = 2, importers: int | None = None, hold_ms: int = 1500) -> dict[str, Any]:
    """Run every worker at once on one workspace; return the workers' results and the check figures."""
    root = workdir / "ws"
    seed_workspace(root, analysts)
    if importers is None:
        importers = 1 if _have_extract() else 0
    go = workdir / "go"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    plan = [("analyst", k, actions) for k in range(analysts)]
    plan += [("articles", 0, max(actions // 4, 5))]
    plan += [("import", k, max(actions // 10, 3)) for k in range(importers)]
    plan += [("reader", 0, actions), ("holder", 0, hold_ms)]
    procs = []
    for kind, k, n in plan:
        result = workdir / f"result-{kind}-{k}.json"
        procs.append((result, subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", kind, str(root), str(go), str(result), str(n), str(k)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )))
    time.sleep(0.5)  # let every worker import and open the workspace
    go.write_text("go")
    results = []
    for result, proc in procs:
        out, err = proc.communicate(timeout=300)
        if not result.exists():
            raise AssertionError(f"{result.name}: worker died: {err.decode(errors='replace')[-2000:]}")
        results.append(json.loads(result.read_text()))
    return {"results": results, "check": check(root, results)}


def check(root: Path, results: list[dict[str, Any]]) -> dict[str, Any]:
    from factdesk.core.store import open_workspace

    errors = [f"{r['kind']}-{r['k']}: {e}" for r in results for e in r["errors"]]
    ws = open_workspace(root)
    try:
        integrity = ws.integrity_check()
        history = {r["seq"]: r for r in ws.history()}
        missing = []
        last_note: dict[str, str] = {}
        last_verdict: dict[str, str] = {}
        articles = 0
        for r in results:
            for d in r["done"]:
                if not isinstance(d, dict):
                    continue
                if d["op"] in ("note", "verdict", "link"):
                    row = history.get(d["seq"])
                    if row is None or row["action"] != d["op"] or row["claim_id"] != d["claim"]:
                        missing.append(d)
                    if d["op"] == "note":
                        last_note[d["claim"]] = d["text"]
                    if d["op"] == "verdict":
                        last_verdict[d["claim"]] = d["verdict"]
                elif d["op"] in ("article", "import"):
                    articles += 1
                    if not ws.has_article(d["id"]):
                        missing.append(d)
        for cid, text in last_note.items():
            if (ws.note(cid) or {}).get("text") != text:
                missing.append({"note": cid, "expected": text, "found": ws.note(cid)})
        for cid, verdict in last_verdict.items():
            if ws.verdict(cid) != verdict:
                missing.append({"verdict": cid, "expected": verdict, "found": ws.verdict(cid)})
        writes = sum(1 for r in results for d in r["done"] if isinstance(d, dict) and d["op"] != "read")
        return {"errors": errors, "missing": missing, "integrity": integrity, "writes": writes, "articles_written": articles,
                "history_rows": len(history), "seconds": {f"{r['kind']}-{r['k']}": r["seconds"] for r in results}}
    finally:
        ws.close()


def twin_import(workdir: Path, files: int = 30, processes: int = 2) -> dict[str, Any]:
    """Several processes import the same directory at the same moment (say the TUI and the CLI)."""
    root = workdir / "twin" / "ws"
    shared = workdir / "twin" / "shared"
    shared.mkdir(parents=True)
    for i in range(files):
        (shared / f"story-{i:03d}.txt").write_text(
            f"Story {i}\n\nOn Tuesday {i + 2} people were rescued from the flood in district {i}, the fire service said.\n",
            encoding="utf-8",
        )
    from factdesk.core.store import open_workspace

    open_workspace(root).close()
    go = workdir / "twin" / "go"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    procs = []
    for k in range(processes):
        result = workdir / "twin" / f"result-{k}.json"
        procs.append((result, subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", "import_dir", str(root), str(go), str(result), "1", str(k)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )))
    time.sleep(0.5)
    go.write_text("go")
    results = []
    for result, proc in procs:
        _, err = proc.communicate(timeout=300)
        if not result.exists():
            raise AssertionError(f"{result.name}: worker died: {err.decode(errors='replace')[-2000:]}")
        results.append(json.loads(result.read_text()))
    ws = open_workspace(root)
    try:
        stored = [a["id"] for a in ws.list_articles()]
        integrity = ws.integrity_check()
    finally:
        ws.close()
    return {"results": results, "articles": stored, "integrity": integrity, "files": files}


def open_race(workdir: Path, processes: int = 4) -> list[dict[str, Any]]:
    """Several processes open (and so create and migrate) the same fresh workspace at once, then write."""
    root = workdir / "fresh"
    go = workdir / "go-fresh"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    procs = []
    for k in range(processes):
        result = workdir / f"race-{k}.json"
        procs.append((result, subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--race", str(root), str(go), str(result), str(k)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )))
    time.sleep(0.5)
    go.write_text("go")
    out = []
    for result, proc in procs:
        _, err = proc.communicate(timeout=120)
        out.append(json.loads(result.read_text()) if result.exists() else {"errors": [err.decode(errors="replace")[-2000:]]})
    return out


def race_worker(root: str, go: str, result_path: str, k: int) -> None:
    from factdesk.core.models import Article, Claim
    from factdesk.core.store import open_workspace

    result: dict[str, Any] = {"k": k, "errors": []}
    try:
        _wait_for(Path(go))
        ws = open_workspace(root)
        art = Article(id=f"arace{k:03d}", title=f"Race {k}", text=f"Race article {k}.", path=f"race{k}.txt")
        ws.add_article(art, [Claim(id=f"crace{k:03d}", article_id=art.id, start=0, end=4, text="Race")], "race")
        ws.set_note(f"crace{k:03d}", f"race note {k}")
        result["version"] = ws.schema_version()
        ws.close()
    except Exception as exc:  # noqa: BLE001
        result["errors"].append(f"{type(exc).__name__}: {exc}")
    Path(result_path).write_text(json.dumps(result))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Several processes write one workspace at once; check nothing is lost.")
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--analysts", type=int, default=2)
    parser.add_argument("--hold-ms", type=int, default=3000)
    parser.add_argument("--workdir")
    parser.add_argument("--worker", nargs=6, help=argparse.SUPPRESS)
    parser.add_argument("--race", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, root, go, result, n, k = args.worker
        worker(kind, root, go, result, int(n), int(k))
        return 0
    if args.race:
        root, go, result, k = args.race
        race_worker(root, go, result, int(k))
        return 0
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="factdesk-concurrency-"))
    workdir.mkdir(parents=True, exist_ok=True)
    outcome = run(workdir, args.actions, args.analysts, hold_ms=args.hold_ms)
    race = open_race(workdir)
    check_ = outcome["check"]
    print(json.dumps({k: v for k, v in check_.items() if k != "missing"} | {"missing": len(check_["missing"])}, indent=2))
    print(f"open race: {sum(not r['errors'] for r in race)}/{len(race)} processes opened and wrote")
    ok = not check_["errors"] and not check_["missing"] and check_["integrity"] == ["ok"] and all(not r["errors"] for r in race)
    if ok and not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    print("ok" if ok else f"FAILED (workspace kept in {workdir})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
