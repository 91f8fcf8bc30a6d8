"""Component styles for the Line-API widgets, resolved the way the terminal will show them.

``get_component_rich_style(partial=True)`` keeps a translucent colour (``$primary 14%``) unblended
and resolves ``auto`` colours (``$text-muted`` is ``auto 60%``) against no background at all, so on
a light theme muted text comes out nearly white. :func:`component_style` keeps the partial style's
attributes but takes each colour it sets from the full style, blended over the widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style

if TYPE_CHECKING:
    from textual.geometry import Region
    from textual.strip import Strip
    from textual.widget import Widget


def component_style(widget: Widget, name: str) -> Style:
    """The rich style of component class ``name`` with its colours blended over ``widget``."""
    style = widget.get_component_rich_style(name, partial=True)
    if style.color is None and style.bgcolor is None:
        return style
    full = widget.get_component_rich_style(name, partial=False)
    return style + Style(
        color=full.color if style.color is not None else None,
        bgcolor=full.bgcolor if style.bgcolor is not None else None,
    )


class FrameStyle:
    """Mixin for Line-API widgets: the widget's base rich style, computed once per render pass.

    ``Widget.rich_style`` walks the ancestors to blend backgrounds (0.1 ms); a pass renders
    every visible line, so reading it in ``render_line`` cost several milliseconds a frame.
    """

    _frame_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame_style = self.rich_style  # type: ignore[attr-defined]
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._frame_style = None

    @property
    def base_style(self) -> Style:
        """The widget's rich style (cached during a render pass)."""
        cached = self._frame_style
        return cached if cached is not None else self.rich_style  # type: ignore[attr-defined]
