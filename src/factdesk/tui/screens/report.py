"""The report screen: a Markdown preview of the verification report and export to a file.

The report is rendered by ``factdesk.export`` in a thread worker with its own workspace
connection; the worker only posts messages back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Markdown, Select, Static
from textual.worker import Worker, WorkerState

from factdesk.core.errors import FactdeskError
from factdesk.core.textsafe import visible_keep_newlines

FORMATS = {
    "md": ("Markdown", "report.md"),
    "html": ("HTML", "report.html"),
    "json": ("JSON", "report.json"),
    "claimreview": ("ClaimReview JSON-LD", "report.claimreview.json"),
    "annotations": ("Web annotations (JSON)", "report.annotations.json"),
    "csv": ("CSV", "report.csv"),
}


class ReportScreen(Screen[None]):
    """Preview (Markdown) and export (any format) of the verification report."""

    BINDINGS = [
        Binding("ctrl+s", "export", "Export", tooltip="Write the report to the file named below.", id="report-export", priority=True),
        Binding("ctrl+g", "preview", "Re-render", tooltip="Render the preview again.", id="report-refresh"),
        Binding("escape", "back", "Back", tooltip="Close the report.", id="report-back"),
    ]

    @dataclass
    class Rendered(Message):
        """The worker rendered the preview (``error`` set when it could not)."""

        text: str
        error: str | None = None

    @dataclass
    class Written(Message):
        path: str

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="report-body"):
            with Horizontal(id="report-controls"):
                yield Label("Format", classes="report-label")
                yield Select(
                    [(label, key) for key, (label, _) in FORMATS.items()], value="md", allow_blank=False, id="report-format"
                )
                yield Label("File", classes="report-label")
                yield Input(self._default_path("md"), id="report-path")
            yield Static("", id="report-status")
            yield Markdown("", id="report-preview")
        yield Footer()

    @property
    def ws(self):
        return self.app.ws  # type: ignore[attr-defined]

    def _default_path(self, fmt: str) -> str:
        return str(Path(self.app.ws.root) / FORMATS[fmt][1])  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.action_preview()

    @on(Select.Changed, "#report-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#report-path", Input)
        names = {str(Path(self.ws.root) / name) for _, name in FORMATS.values()}
        if path_input.value in names or not path_input.value.strip():
            path_input.value = self._default_path(str(event.value))

    def _status(self, text: str) -> None:
        self.query_one("#report-status", Static).update(Content(text))

    def action_preview(self) -> None:
        self._status("Rendering the report…")
        self._render_preview(str(self.ws.root))

    @work(thread=True, exclusive=True, exit_on_error=False, group="report", description="Rendering report")
    def _render_preview(self, root: str) -> None:
        try:
            from factdesk.export import render_report
        except ImportError:
            self.post_message(self.Rendered("", "The report exporter (factdesk.export) is not available yet."))
            return
        from factdesk.core.store import open_workspace

        ws = open_workspace(root)
        try:
            text = render_report(ws, "md")
        except Exception as exc:  # noqa: BLE001 - shown in the preview, never a crash
            self.post_message(self.Rendered("", f"Could not render the report: {exc}"))
            return
        finally:
            ws.close()
        self.post_message(self.Rendered(text))

    @on(Rendered)
    def _rendered(self, event: Rendered) -> None:
        preview = self.query_one("#report-preview", Markdown)
        if event.error:
            self._status(event.error)
            preview.update("")
            return
        self._status(f"Preview ({len(event.text.splitlines())} lines). ctrl+s writes the chosen format to the file.")
        preview.update(visible_keep_newlines(event.text))

    def action_export(self) -> None:
        fmt = str(self.query_one("#report-format", Select).value)
        path = self.query_one("#report-path", Input).value.strip()
        if not path:
            self.notify("Give a file name to write the report to.", severity="warning", markup=False)
            return
        target = Path(path).expanduser()
        if target.exists():
            from factdesk.tui.screens.pickers import ConfirmModal

            def answered(yes: bool | None) -> None:
                if yes:
                    self._write(str(self.ws.root), fmt, str(target), True)

            self.app.push_screen(ConfirmModal(f"{target} exists. Overwrite it?"), answered)
            return
        self._write(str(self.ws.root), fmt, str(target), False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export", description="Writing report")
    def _write(self, root: str, fmt: str, path: str, force: bool) -> None:
        try:
            from factdesk.export import write_report
        except ImportError as exc:
            raise FactdeskError("the report exporter (factdesk.export) is not available yet") from exc
        from factdesk.core.store import open_workspace

        ws = open_workspace(root)
        try:
            written = write_report(ws, fmt, path, force=force)
        finally:
            ws.close()
        self.post_message(self.Written(str(written)))

    @on(Written)
    def _written(self, event: Written) -> None:
        self.notify(event.path, title="Report written", markup=False)
        self._status(f"Written: {event.path}")

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            text = str(error) if isinstance(error, FactdeskError) else f"{type(error).__name__}: {error}"
            self.notify(text, title="Report", severity="error", markup=False)
            self._status(text)

    def action_back(self) -> None:
        self.app.pop_screen()

    def reload(self, keep_selection: bool = True) -> None:
        self.action_preview()
