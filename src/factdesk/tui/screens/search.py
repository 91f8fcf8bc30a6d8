"""Full-text search over every article and claim; ``enter`` jumps to the hit."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from factdesk.core.errors import FactdeskError
from factdesk.tui.widgets.inspector import short


class SearchModal(ModalScreen[dict[str, Any] | None]):
    """Type to search (FTS, diacritics folded); ``enter`` returns the highlighted hit."""

    AUTO_FOCUS = "#search-input"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close the search.", id="search-cancel"),
        Binding("down", "results(1)", "Next hit", show=False, tooltip="Highlight the next hit.", id="search-down"),
        Binding("up", "results(-1)", "Previous hit", show=False, tooltip="Highlight the previous hit.", id="search-up"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-body", id="search-body") as body:
            body.border_title = "Search articles and claims"
            body.border_subtitle = "enter open · ↑↓ choose · esc close"
            yield Input(self.initial, id="search-input", placeholder="words… (prefix match, accents ignored)")
            yield Static("", id="search-status")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        if self.initial:
            self._run(self.initial)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self._run(event.value)

    def _run(self, query: str) -> None:
        results = self.query_one("#search-results", OptionList)
        status = self.query_one("#search-status", Static)
        try:
            self.hits = self.app.ws.search(query, 50) if query.strip() else []  # type: ignore[attr-defined]
        except FactdeskError as exc:
            self.hits = []
            self.notify(str(exc), severity="error", markup=False)
        titles = getattr(self.app, "article_titles", {})
        options = []
        for i, hit in enumerate(self.hits):
            title = titles.get(hit["article_id"], hit["article_id"])
            label = "claim  " if hit["type"] == "claim" else "article"
            prompt = Content.assemble(
                (label, "$accent"), "  ", (short(title, 40), "bold"), "\n  ", short(hit["snippet"], 140)
            )
            options.append(Option(prompt, id=str(i)))
        results.clear_options()
        results.add_options(options)
        if options:
            results.highlighted = 0
        status.update(Content(f"{len(self.hits)} hit(s)" if query.strip() else "Type to search."))

    def action_results(self, delta: int) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(current + delta, results.option_count - 1))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is not None and self.hits:
            self.dismiss(self.hits[results.highlighted])

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
