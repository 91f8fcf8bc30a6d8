"""SVG snapshots of each screen on the small deterministic workspace (sync tests, fixed size and theme)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from factdesk.config import Settings
from factdesk.core.store import open_workspace
from factdesk.tui.app import FactdeskApp
from library_wait import library_ready


def snapshot_app(root: Path, with_work: bool = True) -> FactdeskApp:
    """The app on the test workspace, with some analyst work and fixed timestamps."""
    if with_work:
        ws = open_workspace(root)
        ws.link_claims("cen100", "cfr100", "same")
        ws.set_verdict("cen100", "accurate")
        ws.set_note("cen103", "Centcom figure; check the FR wording.", ["munitions"])
        with ws.transaction() as conn:
            conn.execute("UPDATE history SET at = '2024-02-05T09:30:00+00:00'")
        ws.close()
    app = FactdeskApp(root, Settings())
    app.sub_title = "test workspace"
    return app


def no_blink(pilot: Pilot) -> None:
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]


def test_library(snap_compare, ws_root):
    assert snap_compare(snapshot_app(ws_root), terminal_size=(140, 30), press=["down"], run_before=library_ready)


def test_compare_with_inspector(snap_compare, ws_root):
    assert snap_compare(snapshot_app(ws_root), terminal_size=(160, 45), press=["enter", "x"], run_before=library_ready)


def test_compare_narrow(snap_compare, ws_root):
    assert snap_compare(snapshot_app(ws_root), terminal_size=(80, 24), press=["enter", "j"], run_before=library_ready)


def test_annotate(snap_compare, ws_root):
    async def run_before(pilot: Pilot) -> None:
        await library_ready(pilot)
        await pilot.press("enter", "j", "e")
        await pilot.pause()
        no_blink(pilot)
        await pilot.press(*"Counts differ: 18 vs 23.")
        pilot.app.screen.query_one(TextArea).cursor_blink = False

    assert snap_compare(snapshot_app(ws_root), terminal_size=(120, 36), run_before=run_before)


def test_verdict_picker(snap_compare, ws_root):
    assert snap_compare(snapshot_app(ws_root), terminal_size=(120, 36), press=["enter", "v"], run_before=library_ready)


def test_report(snap_compare, ws_root, fake_export):
    async def run_before(pilot: Pilot) -> None:
        await library_ready(pilot)
        await pilot.press("R")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        path = pilot.app.screen.query_one("#report-path", Input)
        path.value = "report.md"
        no_blink(pilot)
        pilot.app.screen.query_one("#report-format").focus()

    assert snap_compare(snapshot_app(ws_root), terminal_size=(120, 30), run_before=run_before)


def test_help(snap_compare, ws_root):
    assert snap_compare(snapshot_app(ws_root), terminal_size=(120, 40), press=["question_mark"], run_before=library_ready)
