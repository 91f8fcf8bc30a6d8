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
