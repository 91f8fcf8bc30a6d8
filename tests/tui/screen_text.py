"""Plain text of what the app shows (the same render as ``export_screenshot``, without SVG)."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App


def screen_text(app: App) -> str:
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True, color_system="truecolor",
        record=True, legacy_windows=False, safe_box=False,
    )
    render = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens, simplify=True)
    console.print(render)
    return console.export_text(styles=False)
