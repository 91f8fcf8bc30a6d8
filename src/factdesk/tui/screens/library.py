"""The library (first screen): the workspace's articles, the events they were grouped into, a filter.

The first frame shows only the article list (one indexed read); claim counts, open contradictions,
events and the status line are counted by a thread worker with its own connection and filled in
when its :class:`LibraryCounted` message arrives.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from factdesk.core.errors import FactdeskError
from factdesk.core.store import Workspace, open_workspace
from factdesk.core.textsafe import visible_line
from factdesk.tui.data import (
    LibraryCounts,
    LibraryTotals,
    article_rows,
    article_stats,
    event_rows,
    event_start_claim,
    library_totals,
    most_linked,
)
from factdesk.tui.messages import ImportFinished, ImportProgressed, LibraryCounted, WorkspaceChanged
from factdesk.tui.widgets.article_list import ArticleList
from factdesk.tui.widgets.bars import KeyBar, TitleBar
from factdesk.tui.widgets.event_list import EventList

MAX_OPEN = 4

FILTER_PLACEHOLDER = "Filter: title, outlet, language, date, event…  (f)"

NARROW = 110
"""Below this terminal width the events panel is hidden."""

SYNC_RELOAD_ARTICLES = 200
"""Up to this many articles a reload counts on the main thread (a few milliseconds); above, in the worker."""

COUNTING = "counting…"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def status_text(articles: int, totals: LibraryTotals | None, readonly: bool) -> str:
    """The status line: totals, or the article count and a placeholder while counting."""
    if totals is None:
        parts = [plural(articles, "article"), COUNTING]
    else:
        parts = [
            plural(totals.articles, "article"), plural(totals.claims, "claim"), f"{totals.unreviewed} to review",
            plural(totals.links, "link"), plural(totals.notes, "note"), plural(totals.verdicts, "verdict"),
        ]
    return " " + " · ".join(parts) + ("  ·  READ-ONLY" if readonly else "")


class FilterHint(Static):
    """Stands in for the filter input until the filter is first used (a click opens it too)."""

    def on_click(self) -> None:
        self.screen.run_action("focus_filter")  # type: ignore[union-attr]


class LibraryScreen(Screen[None]):
    """Articles with outlet, language, date, claims and open contradictions; events alongside."""

    AUTO_FOCUS = "#articles"

    BINDINGS = [
        Binding("f,ctrl+f", "focus_filter", "Filter", tooltip="Filter the articles by title, outlet, language, date or event.", id="library-filter"),
        Binding("e", "toggle_events", "Events", tooltip="Move between the article list and the events panel.", id="library-events"),
        Binding("escape", "leave_filter", "Clear filter", show=False, tooltip="Clear the filter and go back to the list.", id="library-clear-filter"),
    ]

    def compose(self) -> ComposeResult:
        # classes that depend on the width are set before the children are styled (no restyle)
        self.set_class(self.app.size.width < NARROW, "-narrow", update=False)
        yield TitleBar()
        with Horizontal(id="library-body"):
            with Vertical(id="library-main"):
                # the filter Input is built on first use (it is a third of the first frame's cost)
                yield FilterHint(FILTER_PLACEHOLDER, id="filter-hint")
                yield ArticleList(id="articles")
            yield EventList(id="events")
        yield Static(id="library-status")
        yield KeyBar()

    @property
    def ws(self):
        return self.app.ws  # type: ignore[attr-defined]

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.loaded = asyncio.Event()
        """Set once the counted columns, the events and the status line show current data."""
        self._generation = 0
        self._counting: dict[int, Workspace] = {}
        """Connections of running count workers (interrupted when their answer is no longer wanted)."""

    def on_mount(self) -> None:
        self.query_one(EventList).set_placeholder(COUNTING)
        self.reload(count_in_background=True)

    def on_unmount(self) -> None:
        self._interrupt_counting()

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < NARROW, "-narrow")

    def reload(self, keep_selection: bool = True, *, count_in_background: bool | None = None) -> None:
        """Re-read articles, counts and events (new imports by another process show up here).

        The article list is read at once; the counts too on a small workspace, else (and always
        when ``count_in_background``) by a thread worker, the previous counts staying on screen.
        """
        try:
            rows = article_rows(self.ws)
        except FactdeskError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        articles = self.query_one(ArticleList)
        previous = {r.id: r for r in articles.rows if r.counted}
        for row in rows:
            old = previous.get(row.id)
            if old is not None:
                row.claims, row.contradictions, row.events, row.counted = old.claims, old.contradictions, old.events, True
        self.app.article_titles = {r.id: r.title for r in rows}  # type: ignore[attr-defined]
        self._generation += 1
        self._interrupt_counting()
        if count_in_background is None:
            count_in_background = len(rows) > SYNC_RELOAD_ARTICLES
        if count_in_background:
            articles.set_rows(rows)
            if not self.loaded.is_set() or not previous:
                self._show_status(len(rows), None)
            self.loaded.clear()
            self.call_after_refresh(self._count, str(self.ws.root), self._generation)
            return
        try:
            counts = LibraryCounts(stats=article_stats(self.ws), events=event_rows(self.ws), totals=library_totals(self.ws))
        except FactdeskError as exc:
            articles.set_rows(rows)
            self.notify(str(exc), severity="error", markup=False)
            return
        articles.set_rows(rows)
        self._apply_counts(counts)

    def _show_status(self, articles: int, totals: LibraryTotals | None) -> None:
        self.query_one("#library-status", Static).update(Content(status_text(articles, totals, self.ws.readonly)))

    # -- counting in the background ------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="library", description="Counting claims")
    def _count(self, root: str, generation: int) -> None:
        """Count claims, contradictions, events and totals with an own (read-only use) connection."""
        worker = get_current_worker()
        ws = open_workspace(root, create=False)
        self._counting[generation] = ws
        try:
            if worker.is_cancelled:
                return
            stats = article_stats(ws)
            if worker.is_cancelled:
                return
            events = event_rows(ws)
            if worker.is_cancelled:
                return
            totals = library_totals(ws)
        except FactdeskError:
            if worker.is_cancelled:
                return  # interrupted on purpose
            raise
        finally:
            self._counting.pop(generation, None)
            ws.close()
        if not worker.is_cancelled:
            self.post_message(LibraryCounted(generation, LibraryCounts(stats=stats, events=events, totals=totals)))

    def _interrupt_counting(self) -> None:
        """Stop the running count queries: a newer reload or leaving the screen made them moot."""
        self.workers.cancel_group(self, "library")
        for ws in list(self._counting.values()):
            try:
                ws.conn.interrupt()
            except Exception:  # closed meanwhile
                pass

    @on(LibraryCounted)
    def _counted(self, event: LibraryCounted) -> None:
        if event.generation == self._generation:
            self._apply_counts(event.counts)

    def _apply_counts(self, counts: LibraryCounts) -> None:
        articles = self.query_one(ArticleList)
        articles.apply_counts(counts.stats)
        self.query_one(EventList).set_events(counts.events, {r.id: r.title for r in articles.rows})
        self._show_status(len(articles.rows), counts.totals)
        self.loaded.set()

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "library" or event.state != WorkerState.ERROR:
            return
        error: Any = event.worker.error
        text = str(error) if isinstance(error, FactdeskError) else f"{type(error).__name__}: {error}"
        self.notify(text, title="Counting claims", severity="error", markup=False)
        if not self.loaded.is_set():
            self.query_one(EventList).set_placeholder("Events could not be counted (see the notice; ctrl+l retries).")
            self.query_one("#library-status", Static).update(Content(" Counts unavailable (ctrl+l retries)."))

    # -- filter --------------------------------------------------------------------------------
    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_one(ArticleList).set_filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.query_one(ArticleList).focus()

    async def action_focus_filter(self) -> None:
        (await self.filter_input()).focus()

    async def filter_input(self) -> Input:
        """The filter input, mounted in place of its hint the first time it is needed."""
        found = self.query("#filter")
        if found:
            return found.first(Input)
        hint = self.query_one("#filter-hint")
        filt = Input(id="filter", placeholder=FILTER_PLACEHOLDER)
        await self.query_one("#library-main").mount(filt, before=hint)
        await hint.remove()
        return filt

    def action_toggle_events(self) -> None:
        events = self.query_one(EventList)
        if not events.display:
            self.notify("The events panel needs a wider terminal (110 columns or more).", markup=False, timeout=3)
        elif events.has_focus:
            self.query_one(ArticleList).focus()
        else:
            events.focus()

    def action_leave_filter(self) -> None:
        for filt in self.query("#filter").results(Input):
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
        """Show the import row (built on first use: most starts never need it)."""
        rows = self.query("#import-row")
        if rows:
            row = rows.first()
            label, bar = row.query_one("#import-label", Static), row.query_one("#import-progress", ProgressBar)
        else:
            label, bar = Static("", id="import-label"), ProgressBar(id="import-progress", show_eta=False)
            row = Horizontal(label, bar, id="import-row")
            self.query_one("#library-main").mount(row)
        row.display = True
        bar.update(total=max(event.total, 1), progress=event.done)
        label.update(Content(visible_line(event.text)[:50]))

    def import_finished(self, event: ImportFinished) -> None:
        for row in self.query("#import-row"):
            row.display = False
        self.reload()

    def on_workspace_changed(self, event: WorkspaceChanged) -> None:
        self.reload()
