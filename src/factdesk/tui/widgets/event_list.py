"""The library's events panel: a focusable Line-API list of the events the matcher found.

Each event shows its label, date range, article and claim counts and open contradictions; the
highlighted event also lists its articles. ``enter`` (or a click on the highlighted event, or a
double click) asks to open the event's articles side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from factdesk.core.textsafe import visible_line
from factdesk.tui.data import EventRow
from factdesk.tui.styles import FrameStyle, component_style

MAX_TITLES = 6
"""Article titles listed under the highlighted event."""


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis."""
    if width <= 0:
        return ""
    return text if cell_len(text) <= width else set_cell_size(text, width - 1) + "…"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class EventList(FrameStyle, Widget, can_focus=True):
    """Events, one block each; the cursor moves by event."""

    COMPONENT_CLASSES = {
        "event-list--header",
        "event-list--cursor",
        "event-list--cursor-unfocused",
        "event-list--dim",
        "event-list--contradictions",
    }

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False, tooltip="Next event.", id="events-down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, tooltip="Previous event.", id="events-up"),
        Binding("home", "jump(0)", "First", show=False, tooltip="First event.", id="events-first"),
        Binding("end", "jump(-1)", "Last", show=False, tooltip="Last event.", id="events-last"),
        Binding("enter", "open", "Open event", tooltip="Open the event's articles side by side.", id="events-open"),
    ]

    @dataclass
    class OpenRequested(Message):
        """Open this event's articles side by side."""

        event_list: EventList
        event: EventRow

        @property
        def control(self) -> EventList:
            return self.event_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.events: list[EventRow] = []
        self.titles: dict[str, str] = {}
        self.cursor = 0
        self.top = 0
        self._clicked: int | None = None
        """The event a first click selected (a second click on it opens it)."""
        self._lines: list[tuple[str, int, str]] = []
        """Per content line: (kind, event index, text); kinds: head, label, meta, counts, title, gap, empty."""
        self.placeholder: str | None = None
        """Shown instead of the events while they are being counted (or could not be)."""

    # -- data ----------------------------------------------------------------------------------
    def set_placeholder(self, text: str) -> None:
        """Show ``text`` under the header instead of the events (they are not known yet)."""
        self.placeholder = text
        self.events = []
        self.cursor = 0
        self._build()

    def set_events(self, rows: list[EventRow], titles: dict[str, str]) -> None:
        current = self.current_event.id if self.current_event else None
        self.placeholder = None
        self.events = rows
        self.titles = titles
        self.cursor = 0
        for i, row in enumerate(rows):
            if row.id == current:
                self.cursor = i
        self._build()

    @property
    def current_event(self) -> EventRow | None:
        return self.events[self.cursor] if 0 <= self.cursor < len(self.events) else None

    def _build(self) -> None:
        lines: list[tuple[str, int, str]] = [("head", -1, "EVENTS")]
        if self.placeholder is not None:
            lines.append(("empty", -1, self.placeholder))
        elif not self.events:
            lines.append(("empty", -1, "No events yet (they appear once claims are matched)."))
        for i, ev in enumerate(self.events):
            lines.append(("label", i, ev.label))
            lines.append(("meta", i, ev.dates or "no date"))
            lines.append(("counts", i, f"{plural(len(ev.articles), 'article')} · {plural(ev.claims, 'claim')}"))
            if i == self.cursor:
                for aid in ev.articles[:MAX_TITLES]:
                    lines.append(("title", i, "• " + self.titles.get(aid, aid)))
                if len(ev.articles) > MAX_TITLES:
                    lines.append(("title", i, f"  … {len(ev.articles) - MAX_TITLES} more"))
            lines.append(("gap", i, ""))
        self._lines = lines
        self._scroll_to_cursor()
        self.refresh()

    # -- moving --------------------------------------------------------------------------------
    def _block(self, index: int) -> tuple[int, int]:
        rows = [y for y, (kind, i, _) in enumerate(self._lines) if i == index and kind != "gap"]
        return (rows[0], rows[-1]) if rows else (0, 0)

    def _scroll_to_cursor(self) -> None:
        height = max(self.size.height, 1)
        first, last = self._block(self.cursor)
        if last >= self.top + height:
            self.top = last - height + 1
        if first < self.top or self.cursor == 0:
            self.top = 0 if self.cursor == 0 else first
        self.top = max(0, min(self.top, max(len(self._lines) - height, 0)))

    def move_to(self, index: int) -> None:
        if not self.events:
            return
        if index != self._clicked:
            self._clicked = None
        self.cursor = max(0, min(index, len(self.events) - 1))
        self._build()

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_jump(self, where: int) -> None:
        self.move_to(0 if where == 0 else len(self.events) - 1)

    def action_open(self) -> None:
        if self.current_event is not None:
            self.post_message(self.OpenRequested(self, self.current_event))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        y = self.top + offset.y
        if not 0 <= y < len(self._lines):
            return
        _, index, _ = self._lines[y]
        if index < 0:
            return
        if index == self.cursor and (event.chain >= 2 or self._clicked == index):
            self._clicked = None
            self.action_open()
        else:
            self._clicked = index
            self.move_to(index)

    def line_of(self, index: int) -> int:
        """Row (in the widget's content) of event ``index``'s label; -1 when scrolled out of view."""
        for y, (kind, i, _) in enumerate(self._lines):
            if kind == "label" and i == index:
                row = y - self.top
                return row if 0 <= row < self.size.height else -1
        return -1

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.top = max(0, min(self.top + 3, max(len(self._lines) - self.size.height, 0)))
        self.refresh()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.top = max(self.top - 3, 0)
        self.refresh()

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- rendering -----------------------------------------------------------------------------
    def _style(self, name: str) -> Style:
        return component_style(self, f"event-list--{name}")

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.base_style
        index = self.top + y
        if index >= len(self._lines):
            return Strip.blank(width, base)
        kind, event_index, text = self._lines[index]
        text = visible_line(text)
        style = base
        on_cursor = event_index == self.cursor and kind in ("label", "meta", "counts", "title")
        if on_cursor:
            style = base + self._style("cursor" if self.has_focus else "cursor-unfocused")
        if kind == "head":
            segments = [Segment(text, base + self._style("header")), Segment("  enter opens · e focus", base + self._style("dim"))]
        elif kind == "label":
            segments = [Segment(" " + fit(text, width - 1), style + Style(bold=True))]
        elif kind == "meta":
            dim = style if on_cursor else style + self._style("dim")
            hot = style + Style(bold=True) if on_cursor else style + self._style("contradictions")
            ev = self.events[event_index]
            if ev.contradictions:
                text = f"{text} · "
                tail = f"{ev.contradictions} open ✗"
                segments = [Segment("   " + fit(text, width - 3 - len(tail)), dim), Segment(tail, hot)]
            else:
                segments = [Segment("   " + fit(text, width - 3), dim)]
        elif kind == "counts":
            segments = [Segment("   " + fit(text, width - 3), style if on_cursor else style + self._style("dim"))]
        elif kind == "title":
            segments = [Segment("   " + fit(text, width - 3), style)]
        elif kind == "empty":
            segments = [Segment(text, base + self._style("dim"))]
        else:
            segments = []
        fill = style if on_cursor else base
        return Strip(segments).crop(0, width).adjust_cell_length(width, fill)
