"""Waiting for the library's background counts, so Pilot tests and snapshots see a settled screen."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot

from factdesk.tui.screens.library import LibraryScreen


async def library_ready(pilot: Pilot, timeout: float = 20.0) -> None:
    """Wait until every library screen shows its counts (its thread worker answered), then repaint."""
    await pilot.pause()
    for screen in pilot.app.screen_stack:
        if isinstance(screen, LibraryScreen):
            await asyncio.wait_for(screen.loaded.wait(), timeout)
    await pilot.pause()
