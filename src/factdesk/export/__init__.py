"""The verification report: one data model, six formats, written atomically.

API (shared by the CLI and the TUI; nothing here imports Textual or Rich):

- :func:`build_report` — gather the report data (:class:`~factdesk.export.model.Report`).
- :func:`render_report` — the report in one format, as text.
- :func:`write_report` — render and write it atomically; refuses to overwrite without ``force``.
- :func:`run_export` — the ``factdesk export`` command.

Formats: ``md`` (Markdown), ``html`` (one self-contained page), ``json`` (``factdesk-report/1``),
``claimreview`` (schema.org ClaimReview JSON-LD), ``annotations`` (W3C Web Annotation JSON-LD),
``csv`` (one row per reviewed claim). Output is deterministic for a given workspace state; the
only clock read is the ``Generated`` line, set with ``generated=`` or ``FACTDESK_REPORT_DATE``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from factdesk.export.model import Report, build_report

FORMATS = ("md", "html", "json", "claimreview", "annotations", "csv")
FORMAT_ALIASES = {"markdown": "md", "htm": "html", "claim-review": "claimreview", "jsonld": "claimreview", "anno": "annotations"}

__all__ = ["FORMATS", "Report", "build_report", "render", "render_report", "run_export", "write_report"]


def _renderer(fmt: str) -> Callable[[Report], str]:
    if fmt == "md":
        from factdesk.export.markdown import render_markdown as fn
    elif fmt == "html":
        from factdesk.export.html import render_html as fn
    elif fmt == "json":
        from factdesk.export.jsonfmt import render_json as fn
    elif fmt == "claimreview":
        from factdesk.export.claimreview import render_claimreview as fn
    elif fmt == "annotations":
        from factdesk.export.annotations import render_annotations as fn
    else:
        from factdesk.export.csvfmt import render_csv as fn
    return fn


def render(report: Report, fmt: str) -> str:
    """An already built report in one format."""
    from factdesk.export.model import check_format

    return _renderer(check_format(fmt))(report)


def render_report(
    ws: Any,
    fmt: str,
    articles: Iterable[str] | None = None,
    event: str | None = None,
    *,
    generated: str | None = None,
) -> str:
    """The report of ``ws`` in ``fmt`` (md, html, json, claimreview, annotations, csv)."""
    from factdesk.export.model import check_format

    fmt = check_format(fmt)
    return _renderer(fmt)(build_report(ws, articles, event, generated=generated))


def write_report(
    ws: Any,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    articles: Iterable[str] | None = None,
    event: str | None = None,
    generated: str | None = None,
) -> Path:
    """Render and write the report atomically; an existing file needs ``force`` (else FactdeskError)."""
    from factdesk.export.atomic import atomic_write, check_writable

    check_writable(path, force)
    text = render_report(ws, fmt, articles, event, generated=generated)
    return atomic_write(path, text, force=force)


def run_export(ws: Any, args: argparse.Namespace) -> int:
    """``factdesk export``: stdout without ``-o``; ``--copy`` also puts the Markdown on the clipboard."""
    from factdesk.export.atomic import atomic_write, check_writable
    from factdesk.export.model import check_format

    fmt = check_format(getattr(args, "format", None) or "md")
    output = getattr(args, "output", None)
    force = bool(getattr(args, "force", False))
    if output:
        check_writable(output, force)
    report = build_report(ws, getattr(args, "article", None) or None, getattr(args, "event", None) or None)
    text = render(report, fmt)
    if output:
        path = atomic_write(output, text, force=force)
        print(f"wrote {fmt} report to {path}", file=sys.stderr)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if getattr(args, "copy", False):
        _copy(text if fmt == "md" else render(report, "md"))
    return 0


def _copy(markdown: str) -> bool:
    """Put the Markdown report on the clipboard; say so (on stderr) when there is no clipboard."""
    try:
        import pyperclip

        pyperclip.copy(markdown)
    except Exception as exc:  # pyperclip.PyperclipException, a missing module, a broken backend
        from factdesk.core.textsafe import visible_line

        reason = visible_line(" ".join(str(exc).split())[:120]) or type(exc).__name__
        print(f"factdesk: no clipboard available; the report was not copied ({reason})", file=sys.stderr)
        return False
    print("copied the Markdown report to the clipboard", file=sys.stderr)
    return True
