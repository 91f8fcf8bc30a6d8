"""Helpers shared by the Pilot tests (a uniquely named module: several test folders have a conftest)."""

from __future__ import annotations

from pathlib import Path

from factdesk.config import Settings
from factdesk.tui.app import FactdeskApp
from factdesk.tui.widgets.article_view import ArticleView


def make_app(root: Path, **settings) -> FactdeskApp:
    return FactdeskApp(root, Settings(**settings) if settings else Settings())


def views(app: FactdeskApp) -> list[ArticleView]:
    return [p.view for p in app.screen.panes]  # type: ignore[attr-defined]


def current_ids(app: FactdeskApp) -> list[str | None]:
    return [v.current_claim.id if v.current_claim else None for v in views(app)]


async def open_en_fr(pilot) -> None:
    """From the library: enter on the first article opens it with its most linked article (FR)."""
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def settle(pilot) -> None:
    """Wait until the compare view has caught up with held-key moves (inspector and other panes)."""
    for _ in range(40):
        await pilot.pause()
        if getattr(pilot.app.screen, "settled", True):
            return
