"""The article view: a Line-API ``ScrollView`` that renders one article with its claims highlighted.

The text is wrapped once per width into a table of (start, end) offsets; ``render_line`` styles only
that line's slice with the claims and spans that touch it, and caches the resulting ``Strip``.
Moving between claims refreshes the lines of the old and new claim and scrolls without animation.
Article text is data: it is passed through :func:`visible_keep_newlines` (controls become visible
stand-ins, one for one) and rendered as plain segments, never as markup.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from factdesk.core.models import SPAN_TYPES, Article, Claim
from factdesk.core.textsafe import visible_keep_newlines
from factdesk.tui.styles import FrameStyle, component_style
from factdesk.tui.wrap import wrap_offsets

GUTTER = 4
SCROLL_INDICATOR = 1
"""Columns of the scroll indicator at the right edge."""
"""Cells left of the text: pointer, link state, verdict/note mark, space."""

VERDICT_MARKS = {
    "unverified": "u",
    "accurate": "A",
    "mostly-accurate": "a",
    "misleading": "m",
    "inaccurate": "X",
    "disputed": "D",
    "unverifiable": "N",
}
"""One-letter verdict badges shown in the gutter (and the legend)."""

SCROLL_MARGIN = 3
"""Lines kept between the current claim and the top or bottom edge before the view scrolls."""

STATE_MARKS = (
    ("contradicted", "!"),
    ("linked", "="),
    ("suggested-contradiction", "?"),
    ("suggested", "~"),
)
"""Link-state gutter marks, most important first."""


class ArticleView(FrameStyle, ScrollView, can_focus=True, inherit_bindings=False):
    """One article, wrapped, with typed claim spans, claim states and a current claim.

    The keys that move between claims belong to the compare screen, which moves the view and
    updates its inspector in the same frame; a click on a claim selects it here.
    """

    COMPONENT_CLASSES = {
        "article-view--claim",
        "article-view--current",
        "article-view--current-unfocused",
        "article-view--linked",
        "article-view--contradicted",
        "article-view--suggested-contradiction",
        "article-view--quantity",
        "article-view--date",
        "article-view--quote",
        "article-view--attribution",
        "article-view--entity",
        "article-view--gutter",
        "article-view--pointer",
        "article-view--mark-contradicted",
        "article-view--mark-suggested-contradiction",
        "article-view--mark-linked",
        "article-view--mark-suggested",
        "article-view--mark-verdict",
        "article-view--mark-note",
        "article-view--scroll-thumb",
        "article-view--scroll-track",
    }

    BINDINGS = [
        Binding("pageup", "page_up", "Page up", show=False, tooltip="Scroll the article up a page.", id="article-page-up"),
        Binding("pagedown", "page_down", "Page down", show=False, tooltip="Scroll the article down a page.", id="article-page-down"),
    ]
    """Only paging: the arrows, j/k, home and end move between claims (compare screen bindings)."""

    # The view paints its own one-column scroll indicator (see :meth:`render_line`): Textual's
    # scrollbar widget cost about 10 ms of the frame that opens an article.
    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 0;
    }
    """

    @dataclass
    class ClaimHighlighted(Message):
        """The current claim of a view changed (``user`` is False when another pane moved it)."""

        view: ArticleView
        claim: Claim | None
        user: bool

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None
        """The article shown (None before :meth:`set_article`)."""
        self.claims: list[Claim] = []
        """The article's claims in text order."""
        self.states: dict[str, set[str]] = {}
        """Claim id → visible states (linked, contradicted, annotated, verdict, suggested…)."""
        self.verdicts: dict[str, str] = {}
        """Claim id → verdict, for the gutter badge."""
        self.current: int = -1
        """Index of the current claim in :attr:`claims` (-1 for none)."""
        self._text = ""
        self._claim_starts: list[int] = []
        self._claim_ends: list[int] = []
        self._index_by_id: dict[str, int] = {}
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._wrap_width = -1
        self._version = 0
        self._cache: LRUCache[tuple, Strip] = LRUCache(2048)
        self._styles: dict[str, Style] = {}

    # -- data ----------------------------------------------------------------------------------
    def set_article(
        self,
        article: Article,
        claims: list[Claim],
        states: dict[str, set[str]] | None = None,
        verdicts: dict[str, str] | None = None,
    ) -> None:
        """Show ``article`` (its claims in text order); the first claim becomes current."""
        same_text = self.article is not None and self.article.id == article.id and self.article.text == article.text
        self.article = article
        self.claims = sorted(claims, key=lambda c: c.start)
        self._claim_starts = [c.start for c in self.claims]
        self._claim_ends = [c.end for c in self.claims]
        self._index_by_id = {c.id: i for i, c in enumerate(self.claims)}
        if not same_text:  # the claims of an article shown already (read late) keep its wrap table
            self._text = visible_keep_newlines(article.text)
            self._wrap_width = -1
        self.states = states or {}
        self.verdicts = verdicts or {}
        self.current = 0 if self.claims else -1
        self._version += 1
        self._cache.clear()
        self._rewrap()
        if self.current_claim is None:
            self.scroll_to(0, 0, animate=False, immediate=True)  # a reused view starts at the top
        self.refresh()

    def set_states(self, states: dict[str, set[str]], verdicts: dict[str, str]) -> None:
        """Replace the claim states (after an action or a refresh) and repaint."""
        self.states = states
        self.verdicts = verdicts
        self._version += 1
        self.refresh()

    @property
    def current_claim(self) -> Claim | None:
        return self.claims[self.current] if 0 <= self.current < len(self.claims) else None

    def claim_index(self, claim_id: str) -> int:
        return self._index_by_id.get(claim_id, -1)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_text(self, line: int) -> str:
        """The (visible) text of one wrapped line."""
        return self._text[self._starts[line] : self._ends[line]]

    # -- wrapping ------------------------------------------------------------------------------
    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width - GUTTER - SCROLL_INDICATOR, 8)

    def _rewrap(self) -> None:
        if self.article is None or self.size.width == 0:
            return
        width = self._text_width()
        if width == self._wrap_width:
            return
        self._wrap_width = width
        self._starts, self._ends = wrap_offsets(self._text, width)
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._starts))
        if self.current_claim is not None:
            self.call_after_refresh(self.scroll_to_current)

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    # -- geometry ------------------------------------------------------------------------------
    def line_of_offset(self, offset: int) -> int:
        return max(bisect_right(self._starts, offset) - 1, 0)

    def claim_lines(self, claim: Claim) -> tuple[int, int]:
        """First and last wrapped line of a claim."""
        first = self.line_of_offset(claim.start)
        last = self.line_of_offset(max(claim.end - 1, claim.start))
        return first, last

    def scroll_to_current(self, *, center: bool = True) -> None:
        """Bring the current claim into view: centred, or (``center=False``) only when it is
        not already comfortably visible, so moving between nearby claims repaints two lines
        instead of the whole view."""
        claim = self.current_claim
        if claim is None or not self._starts:
            return
        first, last = self.claim_lines(claim)
        if not center:
            top = round(self.scroll_offset.y)
            height = self.scrollable_content_region.height
            margin = max(0, min(SCROLL_MARGIN, (height - (last - first + 1)) // 2))
            if first >= top + margin and last < top + height - margin:
                return
        self.scroll_to_region(
            Region(0, first, 1, last - first + 1), center=True, animate=False, immediate=True, x_axis=False
        )

    # -- moving --------------------------------------------------------------------------------
    def select_index(self, index: int, *, user: bool = True) -> None:
        """Make claim ``index`` current, scroll it to the middle, and post ``ClaimHighlighted``."""
        if not self.claims:
            return
        index = max(0, min(index, len(self.claims) - 1))
        old = self.current_claim
        self.current = index
        if old is not None and self._starts:
            first, last = self.claim_lines(old)
            self.refresh_lines(first, last - first + 1)
        new = self.current_claim
        if new is not None and self._starts:
            first, last = self.claim_lines(new)
            self.refresh_lines(first, last - first + 1)
        self.scroll_to_current(center=False)
        self.post_message(self.ClaimHighlighted(self, new, user))

    def select_claim(self, claim_id: str, *, user: bool = True) -> bool:
        index = self.claim_index(claim_id)
        if index < 0:
            return False
        self.select_index(index, user=user)
        return True

    def action_next_claim(self) -> None:
        if self.claims:
            self.select_index(min(self.current + 1, len(self.claims) - 1))

    def action_prev_claim(self) -> None:
        if self.claims:
            self.select_index(max(self.current - 1, 0))

    def action_first_claim(self) -> None:
        self.select_index(0)

    def action_last_claim(self) -> None:
        self.select_index(len(self.claims) - 1)

    def next_with_state(self, wanted: set[str], step: int = 1) -> bool:
        """Move to the next claim (wrapping) having one of ``wanted`` states; False when none."""
        n = len(self.claims)
        for k in range(1, n + 1):
            i = (self.current + step * k) % n
            if self.states.get(self.claims[i].id, set()) & wanted:
                self.select_index(i)
                return True
        return False

    def on_focus(self) -> None:
        self._refresh_current()

    def on_blur(self) -> None:
        self._refresh_current()

    def _refresh_current(self) -> None:
        claim = self.current_claim
        if claim is not None and self._starts:
            first, last = self.claim_lines(claim)
            self.refresh_lines(first, last - first + 1)

    def on_click(self, event: events.Click) -> None:
        if not self._starts:
            return
        line = event.y + self.scroll_offset.y
        if not 0 <= line < len(self._starts):
            return
        start, end = self._starts[line], self._ends[line]
        col = event.x - GUTTER
        offset = start
        cells = 0
        while offset < end and cells + get_character_cell_size(self._text[offset]) <= col:
            cells += get_character_cell_size(self._text[offset])
            offset += 1
        index = self._claim_at(offset, start, end)
        if index >= 0:
            self.select_index(index)

    def _claim_at(self, offset: int, line_start: int, line_end: int) -> int:
        i = bisect_right(self._claim_ends, offset)
        if i < len(self.claims) and self.claims[i].start <= offset:
            return i
        # nearest claim touching the clicked line
        i = bisect_right(self._claim_ends, line_start)
        if i < len(self.claims) and self.claims[i].start < max(line_end, line_start + 1):
            return i
        return -1

    # -- rendering -----------------------------------------------------------------------------
    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            # Translucent backgrounds (``$primary 14%``) and ``auto`` colours blended over this widget,
            # as the terminal has to show them.
            style = self._styles[name] = component_style(self, f"article-view--{name}")
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.base_style
        index = y + self.scroll_offset.y
        thumb = self._in_thumb(y)
        if index >= len(self._starts) or width <= SCROLL_INDICATOR:
            key = (-1, width, thumb)
            strip = self._cache.get(key)
            if strip is None:
                strip = self._cache[key] = Strip.join([Strip.blank(width - SCROLL_INDICATOR, base), self._indicator(thumb, base)])
            return strip
        start, end = self._starts[index], self._ends[index]
        current = self.current_claim
        touches_current = current is not None and current.start < max(end, start + 1) and current.end > start
        key = (index, width, current.id if touches_current else None, self.has_focus, self._version, thumb)
        strip = self._cache.get(key)
        if strip is None:
            text = self._render_text_line(index, start, end, width - SCROLL_INDICATOR, base, current if touches_current else None)
            strip = self._cache[key] = Strip.join([text, self._indicator(thumb, base)])
        return strip

    def _in_thumb(self, y: int) -> bool | None:
        """Whether row ``y`` shows the scroll thumb (None: everything fits, no thumb at all)."""
        total = len(self._starts)
        height = self.scrollable_content_region.height
        if total <= height or height <= 0:
            return None
        size = max(1, round(height * height / total))
        top = round(self.scroll_offset.y * (height - size) / (total - height))
        return top <= y < top + size

    def _indicator(self, thumb: bool | None, base: Style) -> Strip:
        if thumb:
            return Strip([Segment("▐", base + self._style("scroll-thumb"))], 1)
        return Strip([Segment(" ", base + self._style("scroll-track") if thumb is False else base)], 1)

    def _render_text_line(
        self, index: int, start: int, end: int, width: int, base: Style, current: Claim | None
    ) -> Strip:
        text = self._text
        first = bisect_right(self._claim_ends, start)
        touching: list[Claim] = []
        i = first
        while i < len(self.claims) and self.claims[i].start < max(end, start + 1):
            if self.claims[i].end > start:
                touching.append(self.claims[i])
            i += 1
        segments: list[Segment] = list(self._gutter(index, start, touching, current, base))
        layers: list[tuple[int, int, Style]] = []
        for claim in touching:
            a, b = max(claim.start, start), min(claim.end, end)
            if a >= b:
                continue
            states = self.states.get(claim.id, ())
            if claim is current:
                layers.append((a, b, self._style("current" if self.has_focus else "current-unfocused")))
            elif "contradicted" in states:
                layers.append((a, b, self._style("contradicted")))
            elif "suggested-contradiction" in states:
                layers.append((a, b, self._style("suggested-contradiction")))
            else:
                layers.append((a, b, self._style("claim")))
            if "linked" in states or "contradicted" in states:
                layers.append((a, b, self._style("linked")))
            for span in claim.spans:
                if span.type in SPAN_TYPES:
                    sa, sb = max(span.start, a), min(span.end, b)
                    if sa < sb:
                        layers.append((sa, sb, self._style(span.type)))
        if not layers:
            if end > start:
                segments.append(Segment(text[start:end], base))
        else:
            cuts = sorted({start, end, *(x for a, b, _ in layers for x in (a, b))})
            for a, b in zip(cuts, cuts[1:]):
                if a >= b or a < start or b > end:
                    continue
                style = base
                for la, lb, layer_style in layers:
                    if la <= a and lb >= b:
                        style = style + layer_style
                segments.append(Segment(text[a:b], style))
        chunk = text[start:end]
        cells = GUTTER + (len(chunk) if chunk.isascii() else cell_len(chunk))
        return Strip(segments, cells).adjust_cell_length(width, base)

    def _gutter(
        self, index: int, start: int, touching: list[Claim], current: Claim | None, base: Style
    ) -> list[Segment]:
        gutter = base + self._style("gutter")
        pointer = Segment("▌", base + self._style("pointer")) if current is not None else Segment(" ", gutter)
        state_seg = Segment(" ", gutter)
        badge_seg = Segment(" ", gutter)
        best = len(STATE_MARKS)
        for claim in touching:
            states = self.states.get(claim.id, ())
            for rank, (state, mark) in enumerate(STATE_MARKS):
                if state in states and rank < best:
                    best = rank
                    state_seg = Segment(mark, base + self._style(f"mark-{state}"))
                    break
            if claim.start >= start:
                verdict = self.verdicts.get(claim.id)
                if verdict:
                    badge_seg = Segment(VERDICT_MARKS.get(verdict, "v"), base + self._style("mark-verdict"))
                elif "annotated" in states:
                    badge_seg = Segment("*", base + self._style("mark-note"))
        return [pointer, state_seg, badge_seg, Segment(" ", gutter)]


def offset_to_line(starts: list[int], offset: int) -> int:
    """Index of the wrapped line holding ``offset`` (helper for tests)."""
    return max(bisect_left(starts, offset + 1) - 1, 0)
