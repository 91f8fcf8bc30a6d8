"""The library (first screen): the workspace's articles, the events they were grouped into, a filter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, ProgressBar, Static

from factdesk.core.errors import FactdeskError
from factdesk.core.textsafe import visible_line
from factdesk.tui.data import event_rows, event_start_claim, library_rows, most_linked
from factdesk.tui.messages import ImportFinished, ImportProgressed, WorkspaceChanged
from factdesk.tui.widgets.article_list import ArticleList
from factdesk.tui.widgets.event_list import EventList

MAX_OPEN = 4


class LibraryScreen(Screen[None]):
    """Articles with outlet, language, date, claims and open contradictions; events alongside."""

    AUTO_FOCUS = "#articles"

    BINDINGS = [
        Binding("f,ctrl+f", "focus_filter", "Filter", tooltip="Filter the articles by title, outlet, language, date or event.", id="library-filter"),
        Binding("e", "toggle_events", "Events", tooltip="Move between the article list and the events panel.", id="library-events"),
        Binding("escape", "leave_filter", "Clear filter", show=False, tooltip="Clear the filter and go back to the list.", id="library-clear-filter"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="library-body"):
            with Vertical(id="library-main"):
                yield Input(id="filter", placeholder="Filter: title, outlet, language, date, event…  (f)")
                yield ArticleList(id="articles")
                with Horizontal(id="import-row"):
                    yield Static("", id="import-label")
                    yield ProgressBar(id="import-progress", show_eta=False)
            yield EventList(id="events")
        yield Static(id="library-status")
        yield Footer()

    @property
    def ws(self):
        return self.app.ws  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.query_one("#import-row").display = False
        self.reload()

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < 110, "-narrow")

    def reload(self, keep_selection: bool = True) -> None:
        """Re-read articles, counts and events (new imports by another process show up here)."""
        try:
            rows = library_rows(self.ws)
            events = event_rows(self.ws)
            counts = self.ws.counts()
        except FactdeskError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.app.article_titles = {r.id: r.title for r in rows}  # type: ignore[attr-defined]
        self.query_one(ArticleList).set_rows(rows)
        self.query_one(EventList).set_events(events, {r.id: r.title for r in rows})
        unreviewed = counts["suggestions"] - self.ws.scalar(
            "SELECT count(*) FROM decisions WHERE suggestion_id IN (SELECT id FROM suggestions)"
        )
        def n(count: int, word: str) -> str:
            return f"{count} {word}" + ("" if count == 1 else "s")

        status = " " + " · ".join([
            n(counts["articles"], "article"), n(counts["claims"], "claim"), f"{unreviewed} to review",
            n(counts["links"], "link"), n(counts["notes"], "note"), n(counts["verdicts"], "verdict"),
        ])
        if self.ws.readonly:
            status += "  ·  READ-ONLY"
        self.query_one("#library-status", Static).update(Content(status))

    # -- filter --------------------------------------------------------------------------------
    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_one(ArticleList).set_filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.query_one(ArticleList).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_toggle_events(self) -> None:
        events = self.query_one(EventList)
        if not events.display:
            self.notify("The events panel needs a wider terminal (110 columns or more).", markup=False, timeout=3)
        elif events.has_focus:
            self.query_one(ArticleList).focus()
        else:
            events.focus()

    def action_leave_filter(self) -> None:
        filt = self.query_one("#filter", Input)
        if filt.value:
            filt.value = ""
        self.query_one(ArticleList).focus()

    # -- opening -------------------------------------------------------------------------------
    @on(ArticleList.OpenRequested)
    def _open(self, event: ArticleList.OpenRequested) -> None:
        ids = event.article_ids
        if event.marked and len(ids) > MAX_OPEN:
            self.notify(f"Showing the first {MAX_OPEN} marked articles.", markup=False)
            ids = ids[:MAX_OPEN]
        if not event.marked:
            ids = ids + self._partner_for(ids[0])
        self.app.open_compare(ids)  # type: ignore[attr-defined]

    @on(EventList.OpenRequested)
    def _open_event(self, event: EventList.OpenRequested) -> None:
        ids = list(event.event.articles)
        if not ids:
            self.notify("This event has no articles.", severity="warning", markup=False)
            return
        if len(ids) > MAX_OPEN:
            self.notify(f"Showing {MAX_OPEN} of the event's {len(ids)} articles (those with most of its claims).", markup=False)
            ids = ids[:MAX_OPEN]
        elif len(ids) == 1:
            ids = ids + self._partner_for(ids[0])
        try:
            start = event_start_claim(self.ws, event.event.id, ids)
        except FactdeskError:
            start = None
        self.app.open_compare(ids, start)  # type: ignore[attr-defined]

    def _partner_for(self, article_id: str) -> list[str]:
        """The article most linked to ``article_id``; else the next one in the list."""
        try:
            partner = most_linked(self.ws, article_id)
        except FactdeskError:
            partner = None
        if partner:
            return [partner]
        rows = self.query_one(ArticleList).rows
        others = [r.id for r in rows if r.id != article_id]
        if not others:
            return []
        ids = [r.id for r in rows]
        index = ids.index(article_id) if article_id in ids else 0
        after = [i for i in ids[index + 1 :] if i != article_id]
        return [(after or others)[0]]

    # -- import progress (from the app's seed worker) ------------------------------------------
    def show_progress(self, event: ImportProgressed) -> None:
        self.query_one("#import-row").display = True
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=max(event.total, 1), progress=event.done)
        self.query_one("#import-label", Static).update(Content(visible_line(event.text)[:50]))

    def import_finished(self, event: ImportFinished) -> None:
        self.query_one("#import-row").display = False
        self.reload()

    def on_workspace_changed(self, event: WorkspaceChanged) -> None:
        self.reload()
