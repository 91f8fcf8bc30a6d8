"""The report screen: a preview of the verification report, export to a file, copy as Markdown.

The report is rendered by ``factdesk.export`` in a thread worker with its own workspace
connection; the worker only posts messages back. The preview shows the chosen format as the
text it is (the report quotes article text, so nothing in it is interpreted as markup).
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
from textual.widgets import Input, Label, Select, Static
from textual.worker import Worker, WorkerState

from factdesk.core.errors import FactdeskError
from factdesk.tui.clipboard import copy_text
from factdesk.tui.widgets.bars import KeyBar, TitleBar
from factdesk.tui.widgets.text_preview import TextPreview

FORMATS = {
    "md": ("Markdown", "report.md"),
    "html": ("HTML", "report.html"),
    "json": ("JSON", "report.json"),
    "claimreview": ("ClaimReview JSON-LD", "report.claimreview.json"),
    "annotations": ("Web annotations (JSON)", "report.annotations.json"),
    "csv": ("CSV", "report.csv"),
}
"""Format key → (label, default file name in the workspace directory)."""


class ReportScreen(Screen[None]):
    """Preview (any format, as text), export with overwrite confirmation, copy the Markdown."""

    AUTO_FOCUS = "#report-preview"

    BINDINGS = [
        Binding("ctrl+s", "export", "Export", tooltip="Write the report in the chosen format to the file named above.", id="report-export", priority=True),
        Binding("ctrl+y", "copy_markdown", "Copy Markdown", tooltip="Copy the Markdown report to the clipboard.", id="report-copy", priority=True),
        Binding("ctrl+g", "preview", "Re-render", tooltip="Render the preview again.", id="report-refresh"),
        Binding("escape", "back", "Back", tooltip="Close the report.", id="report-back"),
    ]

    @dataclass
    class Rendered(Message):
        """The worker rendered ``fmt`` (``error`` set when it could not; ``copy`` = put it on the clipboard)."""

        fmt: str
        text: str
        error: str | None = None
        copy: bool = False

    @dataclass
    class Written(Message):
        path: str
        fmt: str

    def __init__(self) -> None:
        super().__init__()
        self.rendered: dict[str, str] = {}
        """Format → text of the last render (cleared when the workspace changes)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="report-body"):
            with Horizontal(id="report-controls"):
                yield Label("Format", classes="report-label")
                yield Select(
                    [(label, key) for key, (label, _) in FORMATS.items()], value="md", allow_blank=False, id="report-format"
                )
                yield Label("File", classes="report-label")
                yield Input(self._default_path("md"), id="report-path")
            yield Static("", id="report-status")
            yield TextPreview(id="report-preview")
        yield KeyBar()

    @property
    def ws(self):
        return self.app.ws  # type: ignore[attr-defined]

    @property
    def fmt(self) -> str:
        return str(self.query_one("#report-format", Select).value)

    def _default_path(self, fmt: str) -> str:
        return str(Path(self.app.ws.root) / FORMATS[fmt][1])  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.action_preview()

    @on(Select.Changed, "#report-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#report-path", Input)
        defaults = {self._default_path(key) for key in FORMATS}
        if path_input.value in defaults or not path_input.value.strip():
            path_input.value = self._default_path(str(event.value))
        fmt = str(event.value)
        if fmt in self.rendered:
            self._show(fmt, self.rendered[fmt])
        else:
            self.action_preview()

    def _status(self, text: str) -> None:
        self.query_one("#report-status", Static).update(Content(text), layout=False)

    # -- preview -------------------------------------------------------------------------------
    def action_preview(self) -> None:
        self.rendered.clear()
        self._status(f"Rendering the {FORMATS[self.fmt][0]} report…")
        self._render_report(str(self.ws.root), self.fmt, False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="report", description="Rendering report")
    def _render_report(self, root: str, fmt: str, copy: bool) -> None:
        try:
            from factdesk.export import render_report
        except ImportError:
            self.post_message(self.Rendered(fmt, "", "The report exporter (factdesk.export) is not available."))
            return
        from factdesk.core.store import open_workspace

        ws = open_workspace(root)
        try:
            text = render_report(ws, fmt)
        except Exception as exc:  # noqa: BLE001 - shown in the status line, never a crash
            self.post_message(self.Rendered(fmt, "", f"Could not render the report: {exc}", copy))
            return
        finally:
            ws.close()
        self.post_message(self.Rendered(fmt, text, None, copy))

    @on(Rendered)
    def _rendered(self, event: Rendered) -> None:
        if event.error:
            self._status(event.error)
            self.notify(event.error, title="Report", severity="error", markup=False)
            return
        self.rendered[event.fmt] = event.text
        if event.copy:
            self._copy(event.text)
        if event.fmt == self.fmt:
            self._show(event.fmt, event.text)

    def _show(self, fmt: str, text: str) -> None:
        preview = self.query_one(TextPreview)
        preview.set_text(text)
        lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        self._status(
            f"{FORMATS[fmt][0]} · {lines} lines · ctrl+s export to the file above · ctrl+y copy the Markdown"
        )

    # -- copy ----------------------------------------------------------------------------------
    def action_copy_markdown(self) -> None:
        if "md" in self.rendered:
            self._copy(self.rendered["md"])
        else:
            self._render_report(str(self.ws.root), "md", True)

    def _copy(self, markdown: str) -> None:
        how = copy_text(self.app, markdown)
        lines = markdown.count("\n")
        if how == "clipboard":
            self.notify(f"Markdown report copied ({lines} lines).", title="Copied to the clipboard", markup=False)
        elif how == "terminal":
            self.notify(f"Markdown report sent to the terminal's clipboard ({lines} lines).", title="Copied (OSC 52)", markup=False)
        else:
            self.notify("No clipboard available: export the report to a file instead (ctrl+s).", severity="warning", markup=False)

    # -- export --------------------------------------------------------------------------------
    def action_export(self) -> None:
        fmt = self.fmt
        path = self.query_one("#report-path", Input).value.strip()
        if not path:
            self.notify("Give a file name to write the report to.", severity="warning", markup=False)
            return
        target = Path(path).expanduser()
        if not target.is_absolute():
            target = Path.cwd() / target
        if target.is_dir():
            self.notify(f"{target} is a directory; name a file.", severity="warning", markup=False)
            return
        if target.exists():
            from factdesk.tui.screens.pickers import ConfirmModal

            def answered(yes: bool | None) -> None:
                if yes:
                    self._write(str(self.ws.root), fmt, str(target), True)
                else:
                    self._status(f"Not written: {target} was left as it is.")

            self.app.push_screen(ConfirmModal(f"{target} already exists. Overwrite it?"), answered)
            return
        self._write(str(self.ws.root), fmt, str(target), False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export", description="Writing report")
    def _write(self, root: str, fmt: str, path: str, force: bool) -> None:
        try:
            from factdesk.export import write_report
        except ImportError as exc:
            raise FactdeskError("the report exporter (factdesk.export) is not available") from exc
        from factdesk.core.store import open_workspace

        ws = open_workspace(root)
        try:
            written = write_report(ws, fmt, path, force=force)
        finally:
            ws.close()
        self.post_message(self.Written(str(written), fmt))

    @on(Written)
    def _written(self, event: Written) -> None:
        self.notify(event.path, title=f"{FORMATS[event.fmt][0]} report written", markup=False)
        self._status(f"Written: {event.path}")

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            event.stop()
            error = event.worker.error
            text = str(error) if isinstance(error, FactdeskError) else f"{type(error).__name__}: {error}"
            self.notify(text, title="Report", severity="error", markup=False)
            self._status(text)

    def action_back(self) -> None:
        self.app.pop_screen()

    def reload(self, keep_selection: bool = True) -> None:
        self.action_preview()
