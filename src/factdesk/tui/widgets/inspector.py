"""The inspector: the selected claim's spans, suggestions, links, note, verdict and history.

Display only; the compare screen owns the selection among the suggestions and the actions. All
user and article text goes in as plain ``Content`` parts (made visible first), never as markup.

The panel is a Line-API widget: :meth:`Inspector.show` wraps the new text into strips and
repaints the panel's own region. Nothing is mounted and the layout never changes, so moving
between claims costs one repaint of the panel, not a relayout of the screen. Suggestions and
links are blocks that know what they point to; a click posts :class:`Inspector.TargetClicked`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from factdesk.core.labels import span_label
from factdesk.core.models import SPAN_TYPES
from factdesk.core.textsafe import visible_line
from factdesk.tui.data import ClaimInfo
from factdesk.tui.styles import FrameStyle, component_style

VERDICT_STYLES = {
    "accurate": "$text-success",
    "mostly-accurate": "$text-success",
    "misleading": "$text-warning",
    "inaccurate": "$text-error",
    "disputed": "$text-warning",
    "unverifiable": "$text-muted",
    "unverified": "$text-muted",
}

HEADING = "bold $text-accent"
MUTED = "$text-muted"

Target = tuple[str, ...]
"""What a block points to: ``("suggestion", "3")`` or ``("link", claim_id, article_id)``."""


def short(text: str, width: int = 160) -> str:
    flat = " ".join(visible_line(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def quoted(text: str, width: int = 160) -> str:
    """``short(text)`` in curly quotes (not doubled when the claim is itself a quotation)."""
    flat = short(text, width)
    if flat[:1] in "“\"«" and flat[-1:] in "”\"»…":
        return flat
    return "“" + flat + "”"


def when(at: object) -> str:
    """``2024-02-05T09:30:00+00:00`` → ``2024-02-05 09:30`` in local time (as stored when unparsable)."""
    text = str(at or "")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text[:16].replace("T", " ")
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the inspector; ``target`` makes it clickable."""

    content: Content
    target: Target | None = None
    selected: bool = False


def inspector_blocks(
    info: ClaimInfo | None,
    selected: int,
    titles: dict[str, str],
    position: str = "",
) -> list[Block]:
    """The inspector paragraphs for one claim (``selected`` = index of the highlighted suggestion)."""
    if info is None:
        return [Block(Content.assemble(("No claim selected.", MUTED)))]
    claim = info.claim
    blocks: list[Block] = []

    def add(*parts: tuple[str, str] | str, target: Target | None = None, chosen: bool = False) -> None:
        blocks.append(Block(Content.assemble(*parts), target, chosen))

    def heading(text: str, extra: str = "") -> None:
        add("")
        add((text, HEADING), ("  " + extra, MUTED) if extra else "")

    add(("CLAIM", HEADING), (f"  {position}  score {claim.score:.2f}  chars {claim.start}–{claim.end}", MUTED))
    add((quoted(claim.text, 600), "italic"))

    heading("SPANS")
    if not claim.spans:
        add(("  none", MUTED))
    order = {t: i for i, t in enumerate(SPAN_TYPES)}
    for span in sorted(claim.spans, key=lambda s: (order.get(s.type, 9), s.start)):
        add(
            (f"  {span.type:<12} ", MUTED),
            (short(span_label(span), 60), "bold"),
            (f"  “{short(span.text, 40)}”", MUTED),
        )

    unreviewed = sum(1 for s in info.suggestions if s["status"] == "unreviewed")
    heading("SUGGESTIONS", f"{unreviewed} unreviewed of {len(info.suggestions)}" if info.suggestions else "")
    if not info.suggestions:
        add(("  none", MUTED))
    else:
        add(("  ] [ or click select · a accept · r reject", MUTED))
    for i, s in enumerate(info.suggestions):
        chosen = i == selected
        kind = s["kind"] + (f" ({s['ctype']})" if s.get("ctype") else "")
        kind_style = "$text-error" if s["kind"] == "contradiction" else "$text-primary"
        status_style = {"accepted": "$text-success", "rejected": "$text-error"}.get(s["status"], "$text-warning")
        other = s["other"]
        title = titles.get(other["article"], other["path"])
        parts: list[tuple[str, str] | str] = [
            ("▶ " if chosen else "  ", HEADING),
            (kind, ("bold " if chosen else "") + kind_style),
            (f" {float(s['score']):.2f} ", ""),
            (s["status"], status_style),
            ("\n    " + short(title, 50) + ": ", MUTED),
            (quoted(other["text"], 200 if chosen else 90), ""),
        ]
        if s["reasons"]:
            reasons = "; ".join(str(r) for r in s["reasons"])
            parts.append(("\n    " + short(reasons, 240 if chosen else 100), MUTED))
        add(*parts, target=("suggestion", str(i)), chosen=chosen)

    heading("LINKS", "click to jump" if info.links else "")
    if not info.links:
        add(("  none", MUTED))
    for lk in info.links:
        rel_style = "bold $text-error" if lk["relation"] == "contradicts" else "bold $text-success"
        title = titles.get(lk["other_article"] or "", "")
        add(
            (f"  {lk['relation']:<12}", rel_style),
            ((short(title, 40) + ": ") if title else "", MUTED),
            (quoted(lk["other_text"], 120), ""),
            target=("link", str(lk["other"]), str(lk["other_article"] or "")),
        )

    heading("NOTE")
    note = info.note
    if not note:
        add(("  none — press e to annotate", MUTED))
    else:
        if note.get("tags"):
            add(("  tags: " + short(", ".join(note["tags"]), 100), "$text-secondary"))
        for line in str(note.get("text", "")).splitlines() or [""]:
            add("  " + visible_line(line))

    heading("VERDICT")
    if info.verdict:
        add(("  " + info.verdict, "bold " + VERDICT_STYLES.get(info.verdict, "")))
    else:
        add(("  none — press v to set one", MUTED))

    heading("HISTORY")
    if not info.history:
        add(("  nothing yet", MUTED))
    for h in info.history:
        add((f"  {when(h.get('at'))}  ", MUTED), short(h["summary"], 120))
    return blocks


def inspector_content(
    info: ClaimInfo | None,
    selected: int,
    titles: dict[str, str],
    position: str = "",
) -> Content:
    """The whole inspector text as one ``Content`` (what :class:`Inspector` shows, unwrapped)."""
    return Content("\n").join(b.content for b in inspector_blocks(info, selected, titles, position))


class Inspector(FrameStyle, Widget, can_focus=False):
    """The claim inspector, rendered line by line (scroll with the mouse wheel)."""

    COMPONENT_CLASSES = {"inspector--selected", "inspector--more"}

    DEFAULT_CSS = """
    Inspector {
        height: 1fr;
    }
    """

    @dataclass
    class TargetClicked(Message):
        """A suggestion or link was clicked (``chain`` = 2 for a double click)."""

        inspector: Inspector
        target: Target
        chain: int

        @property
        def control(self) -> Inspector:
            return self.inspector

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.blocks: list[Block] = inspector_blocks(None, 0, {})
        self.top = 0
        """First content line shown."""
        self._claim_id: str | None = None
        self._lines: list[Strip] = []
        self._targets: list[Target | None] = []
        self._selected_lines: tuple[int, int] = (0, 0)
        self._wrapped_width = -1
        self._strip_cache: LRUCache[tuple, list[Strip]] = LRUCache(512)
        """Wrapped strips per (text, spans, selected, width): headings and empty sections repeat."""

    # -- data ----------------------------------------------------------------------------------
    def show(self, info: ClaimInfo | None, selected: int, titles: dict[str, str], position: str = "") -> None:
        """Show ``info``; the view scrolls to the top for a new claim and follows the selected suggestion."""
        claim_id = info.claim.id if info is not None else None
        new_claim = claim_id != self._claim_id
        if new_claim:
            self.top = 0  # a new claim is read from its top, unless a later suggestion was chosen for it
            self._claim_id = claim_id
        self.blocks = inspector_blocks(info, selected, titles, position)
        self._wrapped_width = -1
        self._wrap()
        first, last = self._selected_lines
        if last > first and (not new_claim or selected > 0):
            height = max(self.size.height, 1)
            if last > self.top + height:
                self.top = max(0, min(first, last - height))
            elif first < self.top:
                self.top = first
        self._clamp()
        self.refresh()

    @property
    def text(self) -> str:
        """The plain text shown (for tests)."""
        return "\n".join(b.content.plain for b in self.blocks)

    # -- wrapping ------------------------------------------------------------------------------
    def _wrap(self) -> None:
        width = self.size.width
        if width <= 0 or width == self._wrapped_width:
            return
        self._wrapped_width = width
        base = self.visual_style
        chosen = self.get_visual_style("inspector--selected")
        lines: list[Strip] = []
        targets: list[Target | None] = []
        self._selected_lines = (0, 0)
        cache = self._strip_cache
        for block in self.blocks:
            content = block.content
            key = (content.plain, tuple(content.spans), block.selected, width)
            strips = cache.get(key)
            if strips is None:
                style = chosen if block.selected else base
                strips = Visual.to_strips(self, content, width, None, style) or [Strip.blank(width)]
                if block.selected:
                    fill = style.rich_style
                    strips = [s.extend_cell_length(width, fill) for s in strips]
                cache[key] = strips
            if block.selected:
                self._selected_lines = (len(lines), len(lines) + len(strips))
            lines.extend(strips)
            targets.extend([block.target] * len(strips))
        self._lines = lines
        self._targets = targets

    def on_resize(self) -> None:
        self._wrap()
        self._clamp()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strip_cache.clear()
        self._wrapped_width = -1

    # -- scrolling -----------------------------------------------------------------------------
    def _clamp(self) -> None:
        self.top = max(0, min(self.top, len(self._lines) - max(self.size.height, 1)))

    def scroll_lines(self, delta: int) -> None:
        self.top += delta
        self._clamp()
        self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.scroll_lines(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.scroll_lines(-3)

    def target_at(self, y: int) -> Target | None:
        """What the line at ``y`` (widget content row) points to."""
        index = self.top + y
        return self._targets[index] if 0 <= index < len(self._targets) else None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        target = self.target_at(offset.y)
        if target is not None:
            event.stop()
            self.post_message(self.TargetClicked(self, target, event.chain))

    # -- rendering -----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        self._wrap()
        width = self.size.width
        base = self.base_style
        height = self.size.height
        index = self.top + y
        more_above = y == 0 and self.top > 0
        more_below = y == height - 1 and index < len(self._lines) - 1
        if more_above or more_below:
            hint = "  ↑ more (scroll)" if more_above else "  ↓ more (scroll)"
            style = base + component_style(self, "inspector--more")
            return Strip([Segment(hint, style)]).adjust_cell_length(width, base)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        return self._lines[index].adjust_cell_length(width, base)

