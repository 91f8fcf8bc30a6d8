"""The ``factdesk`` command line: the TUI by default, and every analyst action as a subcommand.

All commands call the same core API as the TUI. Heavy modules (Textual, sqlite-utils, the
extractor, rapidfuzz) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from factdesk import __version__
from factdesk.core.errors import FactdeskError
from factdesk.core.textsafe import json_dumps_safe, visible_line

DEFAULT_WORKSPACE = "workspace"


def _workspace_default() -> str:
    return os.environ.get("FACTDESK_WORKSPACE") or DEFAULT_WORKSPACE


def _add_workspace(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--workspace",
        "-w",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="workspace directory (default: ./workspace, or $FACTDESK_WORKSPACE)",
    )


def _add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factdesk",
        description="A keyboard-first terminal workbench for fact-checkers. With no command, opens the TUI.",
    )
    parser.add_argument("--version", action="version", version=f"factdesk {__version__}")
    _add_workspace(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("tui", help="open the workbench (the default)", description="Open the workbench TUI.")
    _add_workspace(p)

    p = sub.add_parser(
        "import",
        help="import article files or directories",
        description="Import .txt, .md, .html/.htm files (directories recursively). One line per file, then a summary.",
    )
    _add_workspace(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--max-size", type=float, default=5.0, metavar="MB", help="largest file accepted, in MB (default 5)")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes for parsing (0 = all cores)")

    p = sub.add_parser("articles", help="list the workspace's articles", description="List the workspace's articles.")
    _add_workspace(p)
    _add_format(p)

    p = sub.add_parser(
        "claims", help="list extracted claims", description="List claims with their typed spans (offsets into the article text)."
    )
    _add_workspace(p)
    p.add_argument("--article", metavar="ID", help="only this article (id, id prefix or file name)")
    p.add_argument("--type", choices=("quantity", "date", "quote", "attribution", "entity"), help="only claims with this span type")
    _add_format(p)

    p = sub.add_parser(
        "suggest",
        help="list suggested links and contradictions",
        description="List stored link suggestions (match) and candidate contradictions, best first.",
    )
    _add_workspace(p)
    p.add_argument("--article", metavar="ID")
    p.add_argument("--kind", choices=("match", "contradiction"))
    p.add_argument("--min-score", type=float, metavar="X")
    p.add_argument("--limit", type=int, metavar="N")
    p.add_argument("--status", choices=("unreviewed", "accepted", "rejected"), help="only suggestions with this review status")
    _add_format(p)

    p = sub.add_parser("events", help="list the events articles were grouped into", description="List events.")
    _add_workspace(p)
    _add_format(p)

    p = sub.add_parser("link", help="link two claims", description="Link two claims as same, supports or contradicts.")
    _add_workspace(p)
    p.add_argument("claim_a", metavar="CLAIM_ID")
    p.add_argument("claim_b", metavar="CLAIM_ID")
    p.add_argument("--as", dest="relation", choices=("same", "supports", "contradicts"), default="same")
    p.add_argument("--note", metavar="TEXT")

    p = sub.add_parser("unlink", help="remove the link between two claims", description="Remove an analyst link.")
    _add_workspace(p)
    p.add_argument("claim_a", metavar="CLAIM_ID")
    p.add_argument("claim_b", metavar="CLAIM_ID")

    p = sub.add_parser("review", help="accept or reject a suggestion", description="Accept or reject a suggestion.")
    _add_workspace(p)
    p.add_argument("suggestion", metavar="SUGGESTION_ID")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--accept", action="store_const", dest="status", const="accepted")
    g.add_argument("--reject", action="store_const", dest="status", const="rejected")

    p = sub.add_parser("note", help="set the note on a claim", description="Set the analyst's note on a claim (empty text clears it).")
    _add_workspace(p)
    p.add_argument("claim", metavar="CLAIM_ID")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeatable)")

    p = sub.add_parser(
        "verdict",
        help="set the verdict on a claim",
        description="Set a verdict: unverified, accurate, mostly-accurate, misleading, inaccurate, disputed, unverifiable (or 'none' to clear).",
    )
    _add_workspace(p)
    p.add_argument("claim", metavar="CLAIM_ID")
    p.add_argument("verdict", metavar="VERDICT")

    p = sub.add_parser("undo", help="undo the last analyst action", description="Undo the last analyst action.")
    _add_workspace(p)
    p = sub.add_parser("redo", help="redo the last undone action", description="Redo the last undone action.")
    _add_workspace(p)

    p = sub.add_parser("history", help="show the action history", description="Show the analyst action history (oldest first).")
    _add_workspace(p)
    p.add_argument("claim", nargs="?", metavar="CLAIM_ID")
    p.add_argument("--limit", type=int, metavar="N")
    _add_format(p)

    p = sub.add_parser("search", help="full-text search over claims and articles", description="Full-text search.")
    _add_workspace(p)
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=20)
    _add_format(p)

    p = sub.add_parser(
        "export",
        help="export the verification report",
        description="Export the verification report (md, html, json, claimreview, annotations, csv).",
    )
    _add_workspace(p)
    p.add_argument("--format", choices=("md", "html", "json", "claimreview", "annotations", "csv"), default="md")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")
    p.add_argument("--copy", action="store_true", help="also put the Markdown report on the clipboard")
    p.add_argument("--article", action="append", metavar="ID", help="only these articles (repeatable)")
    p.add_argument("--event", metavar="ID", help="only the articles of this event")

    p = sub.add_parser("doctor", help="check the workspace's health", description="Schema version, integrity, counts, orphans.")
    _add_workspace(p)

    p = sub.add_parser(
        "reextract", help="re-run claim extraction (after an upgrade)", description="Re-extract claims; notes, links and verdicts stay attached."
    )
    _add_workspace(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    workspace = getattr(args, "workspace", None) or _workspace_default()
    command = args.command or "tui"
    try:
        handler = COMMANDS[command]
        return int(handler(args, workspace) or 0)
    except FactdeskError as exc:
        print(f"factdesk: {visible_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("factdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


# -- helpers ---------------------------------------------------------------------------------------


def _open(workspace: str, seed: bool = True):
    from factdesk.core.pipeline import open_and_seed
    from factdesk.core.store import open_workspace

    if seed:
        def progress(done: int, total: int, message: str) -> None:
            if total:
                print(f"\r{message[:60]:<60} {done}/{total}", end="", file=sys.stderr, flush=True)

        ws = open_and_seed(workspace, progress=progress if sys.stderr.isatty() else None, notice=_notice)
        if sys.stderr.isatty() and ws.created:
            print(file=sys.stderr)
    else:
        ws = open_workspace(workspace, notice=_notice)
    if ws.readonly:
        print(f"factdesk: {ws.db_path} is read-only; showing it without saving changes", file=sys.stderr)
    return ws


def _notice(line: str) -> None:
    print(f"factdesk: {visible_line(line)}", file=sys.stderr)


def _print_json(data: Any) -> None:
    print(json_dumps_safe(data, indent=2))


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else visible_line(str(value))
    if len(text) > width:
        return text[: max(width - 1, 0)] + "…"
    return text


def _print_table(rows: list[dict[str, Any]], columns: list[tuple[str, str, int]]) -> None:
    """Print rows as an aligned table: columns are (key, header, max width)."""
    widths = []
    for key, header, maxw in columns:
        w = max([len(header)] + [len(_cell(r.get(key), maxw)) for r in rows]) if rows else len(header)
        widths.append(min(w, maxw))
    print("  ".join(h.ljust(w) for (_, h, _), w in zip(columns, widths)).rstrip())
    for r in rows:
        print("  ".join(_cell(r.get(k), w).ljust(w) for (k, _, _), w in zip(columns, widths)).rstrip())


def _basename(path: str) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


# -- commands --------------------------------------------------------------------------------------


def cmd_tui(args: argparse.Namespace, workspace: str) -> int:
    from factdesk.tui.app import run_app

    return run_app(workspace)


def cmd_import(args: argparse.Namespace, workspace: str) -> int:
    from factdesk.core.pipeline import import_paths

    ws = _open(workspace, seed=False)
    with ws:
        max_bytes = int(args.max_size * 1024 * 1024)
        summary = import_paths(ws, args.paths, max_bytes=max_bytes, jobs=args.jobs)
        for result in summary.results:
            print(visible_line(result.line()))
        print(summary.line())
        return summary.exit_code


def _article_dict(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "title": row["title"],
        "source": row["source"],
        "url": row["url"],
        "language": row["language"],
        "published": row["published"],
        "path": row["path"],
        "word_count": row["word_count"],
    }


def cmd_articles(args: argparse.Namespace, workspace: str) -> int:
    ws = _open(workspace)
    with ws:
        rows = [_article_dict(r) for r in ws.list_articles()]
    if args.format == "json":
        _print_json(rows)
    else:
        _print_table(
            rows,
            [("id", "ID", 12), ("language", "LANG", 4), ("published", "PUBLISHED", 10), ("word_count", "WORDS", 6),
             ("source", "SOURCE", 16), ("title", "TITLE", 60), ("path", "PATH", 40)],
        )
        print(f"{len(rows)} articles")
    return 0


def claim_json(claim, path: str) -> dict[str, Any]:
    return {
        "article": claim.article_id,
        "path": _basename(path),
        "claim_id": claim.id,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "score": round(claim.score, 3),
        "reasons": list(claim.reasons),
        "spans": [s.to_dict() for s in claim.spans],
    }


def cmd_claims(args: argparse.Namespace, workspace: str) -> int:
    ws = _open(workspace)
    with ws:
        article_id = ws.resolve_article_id(args.article) if args.article else None
        paths = {r["id"]: r["path"] for r in ws.list_articles()}
        claims = list(ws.iter_claims(article_id, args.type))
    if args.format == "json":
        _print_json([claim_json(c, paths[c.article_id]) for c in claims])
        return 0
    rows = []
    for c in claims:
        spans = "; ".join(_span_label(s) for s in c.spans if s.type != "entity")
        rows.append({"id": c.id, "article": c.article_id, "score": f"{c.score:.2f}", "text": c.text, "spans": spans})
    _print_table(rows, [("id", "CLAIM", 12), ("article", "ARTICLE", 12), ("score", "SCORE", 5), ("text", "TEXT", 70), ("spans", "SPANS", 60)])
    print(f"{len(rows)} claims")
    return 0


def _span_label(span) -> str:
    from factdesk.core.labels import span_label

    return span_label(span)


def cmd_suggest(args: argparse.Namespace, workspace: str) -> int:
    ws = _open(workspace)
    with ws:
        article_id = ws.resolve_article_id(args.article) if args.article else None
        rows = ws.suggestions(article=article_id, kind=args.kind, min_score=args.min_score, limit=args.limit, status=args.status)
    if args.format == "json":
        out = []
        for s in rows:
            item = {"id": s["id"], "kind": s["kind"], "score": s["score"], "reasons": s["reasons"]}
            if s.get("ctype"):
                item["type"] = s["ctype"]
            if s.get("event"):
                item["event"] = s["event"]
            item["status"] = s["status"]
            item["left"] = s["left"]
            item["right"] = s["right"]
            out.append(item)
        _print_json(out)
        return 0
    table = [
        {
            "id": s["id"],
            "kind": s["kind"] + (f":{s['ctype']}" if s.get("ctype") else ""),
            "score": f"{s['score']:.2f}",
            "status": s["status"],
            "left": f"{s['left']['claim_id']} {s['left']['text']}",
            "right": f"{s['right']['claim_id']} {s['right']['text']}",
            "reasons": "; ".join(s["reasons"]),
        }
        for s in rows
    ]
    _print_table(
        table,
        [("id", "ID", 12), ("kind", "KIND", 22), ("score", "SCORE", 5), ("status", "STATUS", 10),
         ("left", "LEFT", 50), ("right", "RIGHT", 50), ("reasons", "REASONS", 70)],
    )
    print(f"{len(table)} suggestions")
    return 0


def cmd_events(args: argparse.Namespace, workspace: str) -> int:
    ws = _open(workspace)
    with ws:
        events = ws.events()
    if args.format == "json":
        _print_json(events)
        return 0
    rows = [
        {
            "id": e["id"],
            "dates": (e["date_start"] or "?") + ("" if e["date_end"] in (None, e["date_start"]) else f" … {e['date_end']}"),
            "label": e["label"],
            "articles": len(e["articles"]),
            "claims": e["claims"],
            "places": ", ".join(e["places"]),
        }
        for e in events
    ]
    _print_table(rows, [("id", "ID", 12), ("dates", "DATES", 24), ("articles", "ARTS", 4), ("claims", "CLAIMS", 6), ("label", "EVENT", 60), ("places", "PLACES", 40)])
    print(f"{len(rows)} events")
    return 0


def cmd_link(args: argparse.Namespace, workspace: str) -> int:
    ws = _open(workspace)
    with ws:
        res = ws.link_claims(args.claim_a, args.claim_b, args.relation, args.note)
    print(f"linked {res['a_claim']} and {res['b_claim']} as {res['relation']} (link {res['id']})")
    return 0


def cmd_unlink(args: argparse.Namespace, workspace: str) -> int:
    ws = _open(workspace)
    with ws:
        removed = ws.unlink_claims(args.claim_a, args.claim_b)
    if not removed:
        print(f"factdesk: {args.claim_a} and {args.claim_b} are not linked", file=sys.stderr)
        return 1
    print(f"unlinked {args.claim_a} and {args.claim_b}")
    return 0


def cmd_review(args: argparse.Namespace, workspace: str) -> int:
    ws = _open(workspace)
    with ws:
        res = ws.review_suggestion(args.suggestion, args.status)
    print(f"{res['status']} {res['kind']} suggestion {res['suggestion_id']} ({res['left_claim']} ↔ {res['right_claim']})")
    return 0


def cmd_note(args: argparse.Namespace, workspace: str) -> int:
    ws = _open(workspace)
    with ws:
        res = ws.set_note(args.claim, args.text, args.tag)
    if res["text"] or res["tags"]:
        tags = f" tags={','.join(res['tags'])}" if res["tags"] else ""
        print(f"noted {res['claim_id']}{tags}: {visible_line(res['text'])}")
    else:
        print(f"cleared the note on {res['claim_id']}")
    return 0


def cmd_verdict(args: argparse.Namespace, workspace: str) -> int:
    ws = _open(workspace)
    verdict = None if args.verdict.lower() in ("none", "clear", "-") else args.verdict
    with ws:
        res = ws.set_verdict(args.claim, verdict)
    print(f"verdict on {res['claim_id']}: {res['verdict'] or '(cleared)'}")
    return 0


def _step(workspace: str, forward: bool) -> int:
    ws = _open(workspace)
    with ws:
        res = ws.redo() if forward else ws.undo()
    if res is None:
        print("nothing to redo" if forward else "nothing to undo")
        return 1
    print(visible_line(res["summary"]))
    return 0


def cmd_undo(args: argparse.Namespace, workspace: str) -> int:
    return _step(workspace, forward=False)


def cmd_redo(args: argparse.Namespace, workspace: str) -> int:
    return _step(workspace, forward=True)


def cmd_history(args: argparse.Namespace, workspace: str) -> int:
    ws = _open(workspace)
    with ws:
        rows = ws.history(args.claim, args.limit)
    if args.format == "json":
        _print_json(rows)
        return 0
    _print_table(rows, [("seq", "#", 6), ("at", "WHEN", 25), ("action", "ACTION", 8), ("summary", "WHAT", 100)])
    return 0


def cmd_search(args: argparse.Namespace, workspace: str) -> int:
    ws = _open(workspace)
    with ws:
        hits = ws.search(" ".join(args.query), limit=args.limit)
    if args.format == "json":
        _print_json(hits)
        return 0
    _print_table(
        [{"type": h["type"], "id": h.get("claim_id") or h["article_id"], "article": h["article_id"], "text": h["snippet"]} for h in hits],
        [("type", "TYPE", 7), ("id", "ID", 12), ("article", "ARTICLE", 12), ("text", "TEXT", 100)],
    )
    return 0


def cmd_export(args: argparse.Namespace, workspace: str) -> int:
    from factdesk.export import run_export

    ws = _open(workspace)
    with ws:
        return run_export(ws, args)


def cmd_doctor(args: argparse.Namespace, workspace: str) -> int:
    from factdesk.core.doctor import run_doctor

    return run_doctor(workspace)


def cmd_reextract(args: argparse.Namespace, workspace: str) -> int:
    from factdesk.core.pipeline import reextract

    ws = _open(workspace)
    with ws:
        remapped = reextract(ws)
        print(f"re-extracted {ws.article_count()} articles, {ws.claim_count()} claims; {len(remapped)} claim ids moved")
    return 0


COMMANDS = {
    "tui": cmd_tui,
    "import": cmd_import,
    "articles": cmd_articles,
    "claims": cmd_claims,
    "suggest": cmd_suggest,
    "events": cmd_events,
    "link": cmd_link,
    "unlink": cmd_unlink,
    "review": cmd_review,
    "note": cmd_note,
    "verdict": cmd_verdict,
    "undo": cmd_undo,
    "redo": cmd_redo,
    "history": cmd_history,
    "search": cmd_search,
    "export": cmd_export,
    "doctor": cmd_doctor,
    "reextract": cmd_reextract,
}
