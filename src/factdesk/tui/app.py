"""The workbench application: library → compare view, with every action on the keyboard.

Only Textual, sqlite3 and the small core modules are imported before the first paint; the
extractor, the matcher and the exporter are imported inside thread workers when needed.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from factdesk.config import ConfigError, Settings, load_settings
from factdesk.core.errors import FactdeskError
from factdesk.core.store import Workspace, open_workspace
from factdesk.tui.commands import FactdeskCommands
from factdesk.tui.messages import ImportFinished, ImportProgressed, WorkspaceChanged
from factdesk.tui.screens.library import LibraryScreen


class FactdeskApp(App[int]):
    """factdesk: compare articles, link claims, annotate, export a verification report."""

    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "factdesk"
    COMMANDS = App.COMMANDS | {FactdeskCommands}

    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Quit factdesk (everything is already saved).", id="quit"),
        Binding("?", "help", "Help", tooltip="Every key and the highlight legend.", id="help"),
        Binding("/", "search", "Search", tooltip="Search all articles and claims.", id="search"),
        Binding("u,ctrl+z", "undo", "Undo", tooltip="Undo the last action.", id="undo"),
        Binding("ctrl+r,ctrl+y", "redo", "Redo", show=False, tooltip="Redo the last undone action.", id="redo"),
        Binding("ctrl+l", "refresh_workspace", "Refresh", show=False, tooltip="Re-read the workspace (imports by another process).", id="refresh"),
        Binding("t", "toggle_theme", "Theme", show=False, tooltip="Switch between the dark and the light theme.", id="view-theme"),
        Binding("R", "report", "Report", show=False, tooltip="Preview and export the verification report.", id="report"),
    ]

    def __init__(self, workspace: str | os.PathLike[str] | Workspace, settings: Settings | None = None) -> None:
        self.config_problem: str | None = None
        if settings is None:
            try:
                settings = load_settings()
            except ConfigError as exc:
                settings = Settings()
                self.config_problem = str(exc)
        self.settings = settings
        """The user's settings (theme, keymap)."""
        self.keymap_overrides: dict[str, str] = dict(settings.keymap)
        super().__init__()
        self.ws: Workspace = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
        """The app's workspace connection (main thread only; workers open their own)."""
        self.article_titles: dict[str, str] = {}
        """Article id → title, shared by the screens."""
        self._compare: Any = None
        """The compare view, once built (a ``CompareScreen``; reused for every pair of articles)."""
        self.sub_title = str(self.ws.root) + ("  (read-only)" if self.ws.readonly else "")

    # -- start-up ------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        return LibraryScreen()

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(f"Unknown theme {self.settings.theme!r}; using the default.", severity="warning", markup=False)
        if self.keymap_overrides:
            self.set_keymap(self.keymap_overrides)
        if self.config_problem:
            self.notify(self.config_problem, title="Settings", severity="error", markup=False)
        if self.ws.readonly:
            self.notify(
                f"{self.ws.db_path} is read-only: you can read everything, but changes cannot be saved.",
                title="Read-only workspace",
                severity="warning",
                markup=False,
                timeout=8,
            )
        if self.ws.created and self.ws.articles_dir.is_dir() and any(self.ws.articles_dir.iterdir()):
            self.call_after_refresh(self.seed_import, str(self.ws.root))

    # -- workers -------------------------------------------------------------------------------
    def _progress(self, done: int, total: int, text: str) -> None:
        self.post_message(ImportProgressed(done, total, text))

    @work(thread=True, exclusive=True, exit_on_error=False, group="import", description="Importing articles")
    def seed_import(self, root: str) -> None:
        """Import ``articles/`` into a new workspace, then match claims (own connection)."""
        from factdesk.core.pipeline import import_paths

        ws = open_workspace(root)
        try:
            # matched in rounds as it goes (memory stays bounded on a large articles/ folder)
            summary = import_paths(ws, [ws.articles_dir], progress=self._progress)
            self.post_message(ImportFinished(summary.line()))
        finally:
            ws.close()

    @work(thread=True, exclusive=True, exit_on_error=False, group="match", description="Matching claims")
    def _recompute(self, root: str) -> None:
        try:
            from factdesk.core.pipeline import update_links
        except ImportError as exc:  # pragma: no cover - pipeline is part of core
            raise FactdeskError("the import pipeline is not available") from exc
        ws = open_workspace(root)
        try:
            ids = [a["id"] for a in ws.list_articles()]
            try:
                count = update_links(ws, ids, progress=self._progress)
            except ImportError as exc:
                raise FactdeskError("claim matching is not available yet") from exc
            self.post_message(ImportFinished(f"{count} suggestions stored"))
        finally:
            ws.close()

    def action_recompute(self) -> None:
        self.notify("Matching claims in the background…", markup=False, timeout=3)
        self._recompute(str(self.ws.root))

    @on(ImportProgressed)
    def _import_progressed(self, event: ImportProgressed) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.show_progress(event)

    @on(ImportFinished)
    def _import_finished(self, event: ImportFinished) -> None:
        self.notify(event.summary, title="Workspace", markup=False)
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.import_finished(event)
            elif hasattr(screen, "reload"):
                screen.reload()

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            text = str(error) if isinstance(error, FactdeskError) else f"{type(error).__name__}: {error}"
            self.notify(text, title=event.worker.description or "Background task", severity="error", markup=False)
            for screen in self.screen_stack:
                if isinstance(screen, LibraryScreen):
                    screen.import_finished(ImportFinished(text))

    # -- navigation ----------------------------------------------------------------------------
    def open_compare(self, article_ids: list[str], claim_id: str | None = None, partner: str | None = None) -> None:
        """Show ``article_ids`` side by side (``claim_id`` selected, ``partner`` shown in another pane)."""
        from factdesk.tui.screens.compare import CompareScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()
        self.hold_gc_until_painted()
        screen = self._compare
        if screen is None:
            # built once and kept installed: later opens only swap the articles (no widget
            # tree to build and style again)
            screen = self._compare = CompareScreen(article_ids, claim_id, partner)
            self.install_screen(screen, name="compare")
        else:
            screen.show(article_ids, claim_id, partner)
        self.push_screen(screen)

    def hold_gc_until_painted(self) -> None:
        """No garbage collection while a screen is built: it resumes after the next frame.

        Building the compare view allocates tens of thousands of objects; a young collection
        landing before the first frame delayed it by 15–20 ms. The objects are collected (when
        they are garbage) right after the frame instead.
        """
        if gc.isenabled():
            gc.disable()
            self.call_after_refresh(gc.enable)

    def action_library(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()

    def action_help(self) -> None:
        from factdesk.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_report(self) -> None:
        from factdesk.tui.screens.report import ReportScreen

        if not isinstance(self.screen, ReportScreen):
            self.push_screen(ReportScreen())

    def action_search(self) -> None:
        from factdesk.tui.screens.search import SearchModal

        def jump(hit: dict[str, Any] | None) -> None:
            if hit is None:
                return
            from factdesk.tui.screens.compare import CompareScreen
            from factdesk.tui.data import most_linked

            screen = self.screen
            if isinstance(screen, CompareScreen) and screen.focus_claim(hit["article_id"], hit.get("claim_id")):
                return
            partner = most_linked(self.ws, hit["article_id"])
            ids = [hit["article_id"]] + ([partner] if partner else [])
            self.open_compare(ids, hit.get("claim_id"))

        self.push_screen(SearchModal(), jump)

    def action_toggle_theme(self) -> None:
        dark, light = self.settings.theme, self.settings.light_theme
        if dark not in self.available_themes:
            dark = "textual-dark"
        if light not in self.available_themes:
            light = "textual-light"
        self.theme = light if self.theme != light else dark

    # -- history and refresh -------------------------------------------------------------------
    def action_undo(self) -> None:
        self._history_step(self.ws.undo, "Nothing to undo.")

    def action_redo(self) -> None:
        self._history_step(self.ws.redo, "Nothing to redo.")

    def _history_step(self, step, nothing: str) -> None:
        try:
            result = step()
        except FactdeskError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if result is None:
            self.notify(nothing, markup=False, timeout=3)
            return
        self.notify(result["summary"], markup=False, timeout=4)
        self.reload_screens()

    def action_refresh_workspace(self) -> None:
        self.reload_screens()

    def on_app_focus(self) -> None:
        self.reload_screens()

    def reload_screens(self) -> None:
        """Every open screen re-reads what it shows."""
        for screen in self.screen_stack:
            reload = getattr(screen, "reload", None)
            if reload is not None and screen.is_mounted:
                reload()

    def get_system_commands(self, screen: Screen):
        yield from super().get_system_commands(screen)
        yield SystemCommand("view: toggle dark/light theme", "Switch between the dark and the light theme", self.action_toggle_theme)

    def on_workspace_changed(self, event: WorkspaceChanged) -> None:
        self.reload_screens()


GC_THRESHOLDS = (50_000, 20, 20)
"""Collector thresholds for the TUI process (Python's default is 700, 10, 10)."""


def prepare_process() -> None:
    """Tune the garbage collector for an interactive process that builds screens in bursts.

    What is loaded so far (Textual, Rich, the core modules) lives as long as the process: it is
    frozen out of the collector's view, so no collection walks it again. Opening a large article
    allocates tens of thousands of objects (claims, spans, strips) at once; with the default
    thresholds that meant 100–150 collections, several of them full ones, on the way to the first
    frame. Measured on a 2,000-article workspace: the collector took a third of the cold start and
    up to 90 ms of opening a 300,000-character article; now one young collection at most.
    """
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def run_app(workspace: str) -> int:
    """Run the workbench on ``workspace``; returns the process exit code."""
    import sys

    from factdesk.core.textsafe import visible_line

    prepare_process()
    try:
        app = FactdeskApp(
            open_workspace(Path(workspace), notice=lambda line: print(f"factdesk: {visible_line(line)}", file=sys.stderr))
        )
    except FactdeskError as exc:
        print(f"factdesk: {visible_line(str(exc))}", file=sys.stderr)
        return 1
    try:
        result = app.run()
    finally:
        app.ws.close()
    return int(result or app.return_code or 0)
