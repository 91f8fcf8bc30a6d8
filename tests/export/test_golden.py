"""Golden files: every format of the flood workspace's report, byte for byte.

Regenerate after an intended change with ``FACTDESK_UPDATE_GOLDEN=1`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factdesk.export import FORMATS, render_report

GOLDEN = Path(__file__).parent / "golden"
EXTENSIONS = {"md": "md", "html": "html", "json": "json", "claimreview": "claimreview.jsonld", "annotations": "annotations.jsonld", "csv": "csv"}


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FACTDESK_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.exists(), f"missing golden file {name}; run with FACTDESK_UPDATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{name} differs from the golden file (FACTDESK_UPDATE_GOLDEN=1 regenerates it)"


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_matches_golden(ws, fmt):
    check_golden(f"report.{EXTENSIONS[fmt]}", render_report(ws, fmt))


def test_event_scope_matches_golden(ws):
    check_golden("event-arve-flood.md", render_report(ws, "md", event="e-arve-flood"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_goldens_hold_no_machine_paths(fmt):
    if os.environ.get("FACTDESK_UPDATE_GOLDEN"):
        pytest.skip("goldens being regenerated")
    text = (GOLDEN / f"report.{EXTENSIONS[fmt]}").read_text(encoding="utf-8")
    assert "/tmp" not in text and "pytest-of" not in text
    home = str(Path.home())
    assert len(home) < 2 or home not in text


def test_output_is_deterministic_apart_from_the_generated_line(ws, monkeypatch):
    for fmt in FORMATS:
        assert render_report(ws, fmt) == render_report(ws, fmt)
    first = render_report(ws, "md")
    monkeypatch.delenv("FACTDESK_REPORT_DATE")
    second = render_report(ws, "md")
    changed = [(a, b) for a, b in zip(first.splitlines(), second.splitlines()) if a != b]
    assert len(changed) == 1 and changed[0][0].startswith("Generated: ")
    assert render_report(ws, "md", generated="2030-01-01").count("Generated: 2030-01-01") == 1
