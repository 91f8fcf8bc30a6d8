"""Copying text: the system clipboard through pyperclip, else OSC 52 through the terminal.

This is the only module that imports ``pyperclip`` (lazily, at the first copy).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App


def copy_text(app: App, text: str) -> str:
    """Copy ``text``; returns ``"clipboard"``, ``"terminal"`` (OSC 52) or ``""`` when both failed."""
    try:
        import pyperclip

        pyperclip.copy(text)
        return "clipboard"
    except Exception:  # noqa: BLE001 - no clipboard mechanism (headless, ssh): fall back
        pass
    try:
        app.copy_to_clipboard(text)
        return "terminal"
    except Exception:  # noqa: BLE001 - a driver without OSC 52 support
        return ""
