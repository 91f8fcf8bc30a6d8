"""A virtual article list (Line API): a header line and one line per visible row.

Only the lines on screen are rendered, so a thousand articles cost what twenty do. Rows are
filtered in place; ``space`` marks rows, ``enter`` asks to open the marked (or current) ones.
Rows may arrive before their counts (claims, open contradictions, events): those cells show a
dim placeholder until :meth:`ArticleList.apply_counts`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from factdesk.core.textsafe import visible_line
from factdesk.tui.data import ArticleStats, LibraryRow, apply_stats
from factdesk.tui.styles import FrameStyle, component_style


COUNTED = {"claims": "…", "contradictions": "…", "events": "counting…"}
"""Placeholders of the counted columns while their values are not known yet."""


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    width: int
    align: str = "left"


class ArticleList(FrameStyle, Widget, can_focus=True):
    """The library's article table."""

    COMPONENT_CLASSES = {
        "article-list--header",
        "article-list--cursor",
        "article-list--cursor-unfocused",
        "article-list--marked",
        "article-list--dim",
        "article-list--contradictions",
    }

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False, tooltip="Next article.", id="list-down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, tooltip="Previous article.", id="list-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, tooltip="Next page.", id="list-page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="Previous page.", id="list-page-up"),
        Binding("home", "jump(0)", "First", show=False, tooltip="First article.", id="list-first"),
        Binding("end", "jump(-1)", "Last", show=False, tooltip="Last article.", id="list-last"),
        Binding("space", "toggle_mark", "Mark", tooltip="Mark or unmark the article for side-by-side.", id="library-mark"),
        Binding("enter", "open", "Open", tooltip="Open the marked articles side by side (or the current one with its closest article).", id="library-open"),
    ]

    @dataclass
    class OpenRequested(Message):
        """Open these article ids (marked ones, or just the current one when nothing is marked)."""

        article_list: ArticleList
        article_ids: list[str]
        marked: bool

        @property
        def control(self) -> ArticleList:
            return self.article_list

    @dataclass
    class Highlighted(Message):
        article_list: ArticleList
        row: LibraryRow | None

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[LibraryRow] = []
        """Every article."""
        self.visible_rows: list[LibraryRow] = []
        """The rows that pass the filter."""
        self.marked: list[str] = []
        """Marked article ids, in marking order."""
        self.cursor = 0
        self.top = 0
        self.filter_text = ""

    # -- data ----------------------------------------------------------------------------------
    def set_rows(self, rows: list[LibraryRow]) -> None:
        current = self.current_row.id if self.current_row else None
        self.rows = rows
        known = {r.id for r in rows}
        self.marked = [m for m in self.marked if m in known]
        self._apply_filter(keep=current)

    def apply_counts(self, stats: dict[str, ArticleStats]) -> None:
        """Fill in the counted columns of every row, keeping the cursor, the filter and the marks."""
        current = self.current_row.id if self.current_row else None
        apply_stats(self.rows, stats)
        self._apply_filter(keep=current)

    def set_filter(self, text: str) -> None:
        self.filter_text = text
        current = self.current_row.id if self.current_row else None
        self._apply_filter(keep=current)

    def _apply_filter(self, keep: str | None) -> None:
        words = self.filter_text.lower().split()
        self.visible_rows = [r for r in self.rows if all(w in r.haystack() for w in words)]
        self.cursor = 0
        if keep is not None:
            for i, r in enumerate(self.visible_rows):
                if r.id == keep:
                    self.cursor = i
                    break
        self._clamp()
        self.refresh()
        self.post_message(self.Highlighted(self, self.current_row))

    @property
    def current_row(self) -> LibraryRow | None:
        return self.visible_rows[self.cursor] if 0 <= self.cursor < len(self.visible_rows) else None

    # -- moving --------------------------------------------------------------------------------
    @property
    def _page(self) -> int:
        return max(self.size.height - 1, 1)

    def _clamp(self) -> None:
        n = len(self.visible_rows)
        self.cursor = max(0, min(self.cursor, n - 1)) if n else 0
        page = self._page
        if self.cursor < self.top:
            self.top = self.cursor
        elif self.cursor >= self.top + page:
            self.top = self.cursor - page + 1
        self.top = max(0, min(self.top, max(n - page, 0)))

    def move_to(self, index: int) -> None:
        self.cursor = index
        self._clamp()
        self.refresh()
        self.post_message(self.Highlighted(self, self.current_row))

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * self._page)

    def action_jump(self, where: int) -> None:
        self.move_to(0 if where == 0 else len(self.visible_rows) - 1)

    def action_toggle_mark(self) -> None:
        row = self.current_row
        if row is None:
            return
        if row.id in self.marked:
            self.marked.remove(row.id)
        else:
            self.marked.append(row.id)
        self.move_to(self.cursor + 1)

    def action_open(self) -> None:
        if self.marked:
            self.post_message(self.OpenRequested(self, list(self.marked), True))
        elif self.current_row is not None:
            self.post_message(self.OpenRequested(self, [self.current_row.id], False))

    def on_resize(self) -> None:
        self._clamp()

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            return
        index = self.top + event.y - 1
        if 0 <= index < len(self.visible_rows):
            if event.chain >= 2 and index == self.cursor:
                self.action_open()
            else:
                self.move_to(index)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.top = max(0, min(self.top + 3, max(len(self.visible_rows) - self._page, 0)))
        self.refresh()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.top = max(self.top - 3, 0)
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- rendering -----------------------------------------------------------------------------
    def columns(self, width: int) -> list[Column]:
        fixed = [
            Column("outlet", "Outlet", 16),
            Column("language", "Lang", 4),
            Column("date", "Date", 10),
            Column("claims", "Claims", 6, "right"),
            Column("contradictions", "Open ✗", 6, "right"),
        ]
        if width < 70:
            fixed = [c for c in fixed if c.key not in ("outlet", "date")]
        events_width = 0 if width < 110 else min(32, width // 5)
        used = 2 + sum(c.width + 1 for c in fixed) + (events_width + 1 if events_width else 0)
        cols = [Column("mark", "", 2), Column("title", "Title", max(width - used - 1, 10)), *fixed]
        if events_width:
            cols.append(Column("events", "Events", events_width))
        return cols

    @staticmethod
    def _cell(row: LibraryRow, key: str) -> str:
        if not row.counted and key in COUNTED:
            return COUNTED[key]
        value = getattr(row, key)
        if key == "events":
            return "; ".join(value)
        if key in ("claims", "contradictions"):
            return str(value) if value else "·"
        return str(value)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.base_style
        cols = self.columns(width)
        if y == 0:
            style = base + component_style(self, "article-list--header")
            text = " ".join(_fit(c.title, c.width, c.align) for c in cols)
            return Strip([Segment(set_cell_size(text, width), style)], width)
        index = self.top + y - 1
        if index >= len(self.visible_rows):
            return Strip.blank(width, base)
        row = self.visible_rows[index]
        style = base
        if row.id in self.marked:
            style = style + component_style(self, "article-list--marked")
        if index == self.cursor:
            # the cursor row keeps one contrasting colour (muted text would vanish on the cursor)
            name = "article-list--cursor" if self.has_focus else "article-list--cursor-unfocused"
            style = style + component_style(self, name)
            dim = style
            hot = style + Style(bold=True)
        else:
            dim = style + component_style(self, "article-list--dim")
            hot = style + component_style(self, "article-list--contradictions")
        segments: list[Segment] = []
        for c in cols:
            if c.key == "mark":
                text = "● " if row.id in self.marked else "  "
                segments.append(Segment(text, style))
                continue
            value = _fit(visible_line(self._cell(row, c.key)), c.width, c.align)
            seg_style = style
            if c.key in ("outlet", "date", "language", "events", "claims") or (not row.counted and c.key in COUNTED):
                seg_style = dim
            elif c.key == "contradictions" and row.contradictions:
                seg_style = hot
            segments.append(Segment(value + " ", seg_style))
        return Strip(segments).adjust_cell_length(width, style)


def _fit(text: str, width: int, align: str = "left") -> str:
    """Crop (with an ellipsis) or pad ``text`` to exactly ``width`` cells."""
    from rich.cells import cell_len

    if cell_len(text) > width:
        return set_cell_size(text, max(width - 1, 0)) + ("…" if width else "")
    if align == "right":
        return " " * (width - cell_len(text)) + text
    return set_cell_size(text, width)
