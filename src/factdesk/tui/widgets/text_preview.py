"""A read-only text view on the Line API: a report preview shown as the text it is.

The text is made visible (controls become stand-ins) and wrapped once per width; nothing in it is
interpreted as markup. Markdown headings are shown bold so the structure stays easy to scan.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from factdesk.core.textsafe import visible_keep_newlines
from factdesk.tui.styles import FrameStyle, component_style
from factdesk.tui.wrap import wrap_offsets


class TextPreview(FrameStyle, ScrollView, can_focus=True, inherit_bindings=False):
    """Plain text, wrapped; arrows, j/k, page keys, home and end scroll."""

    COMPONENT_CLASSES = {"text-preview--heading"}

    BINDINGS = [
        Binding("down,j", "scroll_down", "Down", show=False, id="preview-down"),
        Binding("up,k", "scroll_up", "Up", show=False, id="preview-up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="preview-page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="preview-page-up"),
        Binding("home", "scroll_home", "Top", show=False, id="preview-top"),
        Binding("end", "scroll_end", "Bottom", show=False, id="preview-bottom"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = ""
        """The text shown (already made visible)."""
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._headings: set[int] = set()
        self._width = -1

    def set_text(self, text: str) -> None:
        """Show ``text`` from the top (unchanged text keeps the scroll position)."""
        shown = visible_keep_newlines(text)
        if shown == self.text and self._starts:
            return
        self.text = shown
        self._width = -1
        self._rewrap()
        self.scroll_to(0, 0, animate=False)
        self.refresh()

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        self._width = width
        self._starts, self._ends = wrap_offsets(self.text, width)
        headings: set[int] = set()
        in_heading = False
        for i, start in enumerate(self._starts):
            if start == 0 or self.text[start - 1] == "\n":
                in_heading = self.text.startswith("#", start)
            if in_heading:
                headings.add(i)
        self._headings = headings
        self.virtual_size = Size(width, len(self._starts))

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def render_line(self, y: int) -> Strip:
        self._rewrap()
        width = self.scrollable_content_region.width
        base = self.base_style
        index = y + self.scroll_offset.y
        if index >= len(self._starts) or width <= 0:
            return Strip.blank(width, base)
        chunk = self.text[self._starts[index] : self._ends[index]]
        style = base
        if index in self._headings:
            style = base + component_style(self, "text-preview--heading")
        return Strip([Segment(chunk, style)]).adjust_cell_length(width, base)
