"""Crash safety: kill a process doing analyst actions with SIGKILL, again and again, and lose nothing.

A child process opens the workspace and performs analyst actions (notes, verdicts, links,
unlinks, suggestion reviews, undo, redo, and now and then a WAL checkpoint) through the core API
in a loop. After each call *returns* it appends one JSON line to a log file (the history seq the
call wrote, the action, and the record states the call promised). The parent kills the child
with SIGKILL at a random moment — usually while it is busy, sometimes while it is still starting
or opening the database — then checks that:

* the workspace opens and ``PRAGMA integrity_check`` is ``ok`` (and ``foreign_key_check`` is empty);
* every action whose call had returned is in the history, at the seq it was given, with the
  action name, claims and record states the call promised;
* replaying the history's ``after`` states from empty reproduces the analyst tables exactly
  (records and their history row were committed together, never one without the other);
* each record's current state is what the last returned call touching it promised, unless a
  later history row changed it;
* at most one action per kill committed without being reported (the kill fell between COMMIT
  and the log write).

Usage::

    python tests/crash_kill.py --rounds 200 [--seed N] [--max-delay 0.4] [--workdir DIR] [--keep]

Prints one line per 20 rounds and the totals; exits 1 at the first violation (the workspace is
kept for inspection). ``run()`` is also used by the fast pytest version in tests/reliability.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

ANALYST_TABLES = {
    "links": ("id", ("id", "a_claim", "b_claim", "relation", "note", "created_at")),
    "notes": ("claim_id", ("claim_id", "text", "tags", "created_at", "updated_at")),
    "verdicts": ("claim_id", ("claim_id", "verdict", "updated_at")),
    "decisions": ("suggestion_id", ("suggestion_id", "status", "kind", "left_claim", "right_claim", "decided_at")),
}

N_ARTICLES = 6
CLAIMS_PER_ARTICLE = 8


class CrashCheckFailed(AssertionError):
    """A crash-safety property did not hold."""


# -- the workspace ---------------------------------------------------------------------------------


def claim_ids() -> list[str]:
    return [f"c{a:02d}{i:02d}crash0" for a in range(N_ARTICLES) for i in range(CLAIMS_PER_ARTICLE)]


def setup_workspace(root: Path) -> None:
    """A workspace with a few articles, claims and stored suggestions (no extractor needed)."""
    from factdesk.core.models import Article, Claim, Suggestion
    from factdesk.core.store import open_workspace

    ws = open_workspace(root)
    try:
        for a in range(N_ARTICLES):
            sentences = [f"Sentence {i} of article {a}: {10 + i} people were evacuated." for i in range(CLAIMS_PER_ARTICLE)]
            text = " ".join(sentences)
            art = Article(id=f"a{a:02d}crash00000", title=f"Crash article {a}", text=text, path=f"crash{a}.txt", language="en")
            claims = []
            pos = 0
            for i, s in enumerate(sentences):
                start = text.index(s, pos)
                pos = start + len(s)
                claims.append(Claim(id=f"c{a:02d}{i:02d}crash0", article_id=art.id, start=start, end=pos, text=s, ordinal=i))
            ws.add_article(art, claims, "crash-test")
        rng = random.Random(7)
        ids = claim_ids()
        suggestions = []
        seen = set()
        while len(suggestions) < 30:
            left, right = rng.sample(ids, 2)
            if left[:3] == right[:3] or frozenset((left, right)) in seen:
                continue
            seen.add(frozenset((left, right)))
            kind = rng.choice(["match", "contradiction"])
            suggestions.append(
                Suggestion(
                    kind=kind, score=rng.random(), left_claim=left, right_claim=right, reasons=["crash test"],
                    ctype="quantity" if kind == "contradiction" else None,
                    left_article=f"a{left[1:3]}crash00000", right_article=f"a{right[1:3]}crash00000",
                )
            )
        ws.store_suggestions(suggestions)
    finally:
        ws.close()


# -- the child ---------------------------------------------------------------------------------------


def child_main(root: str, log_path: str, seed: int) -> None:
    """Perform analyst actions forever, logging each one after its call has returned."""
    from factdesk.core.models import VERDICTS
    from factdesk.core.store import open_workspace
    from factdesk.core.store.analyst import link_id

    rng = random.Random(seed)
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def log(entry: dict[str, Any]) -> None:
        os.write(fd, (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))

    ws = open_workspace(root)
    ids = claim_ids()
    sugg_ids = [r[0] for r in ws.query("SELECT id FROM suggestions ORDER BY id")]
    log({"op": "ready", "pid": os.getpid()})

    def last_seq() -> int:
        return int(ws.scalar("SELECT coalesce(max(seq), 0) FROM history"))

    i = 0
    while True:
        i += 1
        roll = rng.random()
        entry: dict[str, Any]
        if roll < 0.22:
            cid = rng.choice(ids)
            if rng.random() < 0.15:
                ws.set_note(cid, "")
                entry = {"op": "note", "claim": cid, "expect": [["notes", cid, None]]}
            else:
                text = f"seed {seed} step {i}: " + rng.choice(["checked with police", "ask the ministry", "ünïcödé ✓", "x" * rng.randint(1, 3000)])
                tags = sorted(rng.sample(["police", "todo", "figures", "call"], rng.randint(0, 2)))
                res = ws.set_note(cid, text, tags)
                entry = {
                    "op": "note", "claim": cid, "ret_seq": res.get("history"),
                    "expect": [["notes", cid, {"text": text, "tags": json.dumps(tags, ensure_ascii=False)}]],
                }
        elif roll < 0.40:
            cid = rng.choice(ids)
            verdict = rng.choice([*VERDICTS, None])
            res = ws.set_verdict(cid, verdict)
            entry = {
                "op": "verdict", "claim": cid, "ret_seq": res.get("history"),
                "expect": [["verdicts", cid, None if verdict is None else {"verdict": verdict}]],
            }
        elif roll < 0.58:
            a, b = rng.sample(ids, 2)
            relation = rng.choice(["same", "supports", "contradicts"])
            note = rng.choice([None, f"link note {i}"])
            res = ws.link_claims(a, b, relation, note)
            entry = {
                "op": "link", "claim": a, "other": b, "ret_seq": res.get("history"),
                "expect": [["links", link_id(a, b), {"relation": relation, "note": note}]],
            }
        elif roll < 0.64:
            existing = ws.query("SELECT a_claim, b_claim FROM links ORDER BY id")
            if not existing:
                continue
            a, b = rng.choice(existing)
            if not ws.unlink_claims(a, b):
                continue
            entry = {"op": "unlink", "claim": a, "other": b, "expect": [["links", link_id(a, b), None]]}
        elif roll < 0.78:
            sid = rng.choice(sugg_ids)
            status = rng.choice(["accepted", "rejected"])
            res = ws.review_suggestion(sid, status)
            expect: list[Any] = [["decisions", sid, {"status": status}]]
            if status == "accepted":
                relation = "same" if res["kind"] == "match" else "contradicts"
                expect.append(["links", link_id(res["left_claim"], res["right_claim"]), {"relation": relation}])
            entry = {"op": "review", "claim": res["left_claim"], "other": res["right_claim"], "ret_seq": res.get("history"), "expect": expect}
        elif roll < 0.90:
            res = ws.undo()
            if res is None:
                continue
            entry = {"op": "undo", "undone": res["undone"], "expect": []}
        elif roll < 0.97:
            res = ws.redo()
            if res is None:
                continue
            entry = {"op": "redo", "redone": res["redone"], "expect": []}
        else:
            ws.query("PRAGMA wal_checkpoint(PASSIVE)")
            continue
        entry["seq"] = last_seq()
        log(entry)


# -- checking ----------------------------------------------------------------------------------------


def read_log(path: Path) -> list[dict[str, Any]]:
    """Complete lines only (a line cut by the kill is ignored)."""
    if not path.exists():
        return []
    data = path.read_bytes()
    lines = data.split(b"\n")
    return [json.loads(line) for line in lines[:-1] if line.strip()]


def _fail(message: str) -> None:
    raise CrashCheckFailed(message)


def _matches(actual: dict[str, Any] | None, expected: dict[str, Any] | None) -> bool:
    if expected is None:
        return actual is None
    if actual is None:
        return False
    return all(actual.get(k) == v for k, v in expected.items())


def verify(root: Path, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Check the workspace against every returned call logged so far; raise CrashCheckFailed."""
    from factdesk.core.store import open_workspace

    ws = open_workspace(root)
    try:
        integrity = ws.integrity_check()
        if integrity != ["ok"]:
            _fail(f"integrity_check: {integrity[:5]}")
        fk = ws.query("PRAGMA foreign_key_check")
        if fk:
            _fail(f"foreign_key_check: {[tuple(r) for r in fk[:5]]}")
        history = {
            r["seq"]: {"action": r["action"], "claim_id": r["claim_id"], "other_claim": r["other_claim"], "ref": r["ref"], "changes": json.loads(r["changes"])}
            for r in ws.query("SELECT seq, action, claim_id, other_claim, ref, changes FROM history ORDER BY seq")
        }
        tables: dict[str, dict[str, dict[str, Any]]] = {}
        for table, (key, cols) in ANALYST_TABLES.items():
            rows = ws.query(f"SELECT {', '.join(cols)} FROM {table}")
            tables[table] = {r[key]: dict(zip(cols, tuple(r))) for r in rows}
    finally:
        ws.close()

    # 1. every returned call is in the history, as promised
    for e in entries:
        seq = e["seq"]
        row = history.get(seq)
        if row is None:
            _fail(f"returned {e['op']} (seq {seq}) is missing from the history")
        if row["action"] != e["op"]:
            _fail(f"history seq {seq} is {row['action']!r}, the call was {e['op']!r}")
        if e.get("ret_seq") is not None and e["ret_seq"] != seq:
            _fail(f"{e['op']} returned history seq {e['ret_seq']} but wrote seq {seq}")
        if e["op"] == "undo" and row["ref"] != e["undone"]:
            _fail(f"undo at seq {seq} refers to {row['ref']}, the call undid {e['undone']}")
        if "claim" in e and row["claim_id"] != e["claim"]:
            _fail(f"history seq {seq} is about {row['claim_id']}, the call was about {e['claim']}")
        after = {(c["table"], c["key"]): c["after"] for c in row["changes"]}
        for table, key, expected in e["expect"]:
            if (table, key) not in after or not _matches(after[(table, key)], expected):
                _fail(f"history seq {seq} ({e['op']}) does not record {table}[{key}] = {expected}")

    # 2. replaying the history reproduces the analyst tables exactly
    replay: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in ANALYST_TABLES}
    touched_at: dict[tuple[str, str], int] = {}
    for seq, row in history.items():
        for c in row["changes"]:
            touched_at[(c["table"], c["key"])] = seq
            if c["after"] is None:
                replay[c["table"]].pop(c["key"], None)
            else:
                replay[c["table"]][c["key"]] = {k: c["after"].get(k) for k in ANALYST_TABLES[c["table"]][1]}
    for table in ANALYST_TABLES:
        if replay[table] != tables[table]:
            missing = set(replay[table]) - set(tables[table])
            extra = set(tables[table]) - set(replay[table])
            changed = [k for k in set(replay[table]) & set(tables[table]) if replay[table][k] != tables[table][k]]
            _fail(f"{table} differs from its history: missing {sorted(missing)[:3]}, extra {sorted(extra)[:3]}, changed {changed[:3]}")

    # 3. each record is what the last returned call touching it promised (unless changed later)
    latest: dict[tuple[str, str], tuple[int, Any]] = {}
    for e in entries:
        for table, key, expected in e["expect"]:
            latest[(table, key)] = (e["seq"], expected)
    for (table, key), (seq, expected) in latest.items():
        if touched_at.get((table, key), 0) > seq:
            continue
        if not _matches(tables[table].get(key), expected):
            _fail(f"{table}[{key}] is {tables[table].get(key)}, the call at seq {seq} promised {expected}")

    return {"history": len(history), "max_seq": max(history) if history else 0}


# -- the loop ----------------------------------------------------------------------------------------


def run(
    rounds: int = 200,
    seed: int | None = None,
    workdir: str | os.PathLike[str] | None = None,
    max_delay: float = 0.4,
    early_kill_share: float = 0.1,
    keep: bool = False,
    progress: Any = None,
) -> dict[str, Any]:
    """Run ``rounds`` kill-and-check rounds; return the figures (raise CrashCheckFailed on a violation)."""
    seed = random.randrange(1 << 30) if seed is None else seed
    rng = random.Random(seed)
    base = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="factdesk-crash-"))
    base.mkdir(parents=True, exist_ok=True)
    root = base / "ws"
    if root.exists():
        shutil.rmtree(root)
    setup_workspace(root)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    entries: list[dict[str, Any]] = []
    stats = {
        "seed": seed, "rounds": 0, "returned_actions": 0, "committed_unreported": 0,
        "early_kills": 0, "kills_before_ready": 0, "child_exited_early": 0, "history_rows": 0,
        "by_op": {}, "workspace": str(root),
    }
    prev_max = verify(root, entries)["max_seq"]
    started = time.monotonic()
    ok = False
    try:
        for n in range(1, rounds + 1):
            log_path = base / f"round-{n:04d}.jsonl"
            child = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--child", str(root), str(log_path), str(rng.randrange(1 << 30))],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            )
            early = rng.random() < early_kill_share
            if early:
                stats["early_kills"] += 1
                time.sleep(rng.uniform(0.0, 0.3))
            else:
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and child.poll() is None:
                    if log_path.exists() and log_path.stat().st_size > 0:
                        break
                    time.sleep(0.005)
                time.sleep(rng.uniform(0.0, max_delay))
            if child.poll() is not None:
                err = child.stderr.read().decode(errors="replace") if child.stderr else ""
                stats["child_exited_early"] += 1
                _fail(f"round {n}: the child exited by itself (status {child.returncode}): {err.strip()[-2000:]}")
            child.send_signal(signal.SIGKILL)
            child.wait()
            if child.stderr:
                child.stderr.close()
            logged = read_log(log_path)
            if not any(e["op"] == "ready" for e in logged):
                stats["kills_before_ready"] += 1
            actions = [e for e in logged if e["op"] != "ready"]
            entries.extend(actions)
            for e in actions:
                stats["by_op"][e["op"]] = stats["by_op"].get(e["op"], 0) + 1
            try:
                figures = verify(root, entries)
            except CrashCheckFailed as exc:
                raise CrashCheckFailed(f"round {n}: {exc}") from None
            last_reported = actions[-1]["seq"] if actions else prev_max
            unreported = figures["max_seq"] - last_reported
            if unreported not in (0, 1):
                _fail(f"round {n}: {unreported} history rows after the last reported action (at most 1 may be unreported)")
            stats["committed_unreported"] += unreported
            prev_max = figures["max_seq"]
            stats["rounds"] = n
            stats["returned_actions"] = len(entries)
            stats["history_rows"] = figures["history"]
            if progress is not None:
                progress(n, stats)
            log_path.unlink(missing_ok=True)
        ok = True
    finally:
        stats["seconds"] = round(time.monotonic() - started, 1)
        if ok and not keep and not workdir:
            shutil.rmtree(base, ignore_errors=True)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="SIGKILL a process doing analyst actions; check nothing returned is lost.")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--max-delay", type=float, default=0.4, help="longest wait after the child is ready (s)")
    parser.add_argument("--workdir", help="where to keep the workspace and logs (default: a temporary directory)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--child", nargs=3, metavar=("ROOT", "LOG", "SEED"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child_main(args.child[0], args.child[1], int(args.child[2]))
        return 0

    def progress(n: int, stats: dict[str, Any]) -> None:
        if n % 20 == 0 or n == args.rounds:
            print(
                f"round {n:4d}: {stats['returned_actions']} returned actions checked, "
                f"{stats['history_rows']} history rows, {stats['committed_unreported']} committed-unreported",
                flush=True,
            )

    try:
        stats = run(args.rounds, args.seed, args.workdir, args.max_delay, keep=args.keep, progress=progress)
    except CrashCheckFailed as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    print(
        f"ok: {stats['rounds']} SIGKILLs (seed {stats['seed']}), {stats['returned_actions']} returned actions all present, "
        f"{stats['committed_unreported']} committed but killed before reporting, {stats['history_rows']} history rows, "
        f"{stats['kills_before_ready']} kills before the workspace was open ({stats['early_kills']} early), "
        f"integrity ok after every kill, {stats['seconds']} s"
    )
    print("returned actions by kind: " + ", ".join(f"{k}={v}" for k, v in sorted(stats["by_op"].items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
