"""Messages used across the workbench (posted by workers and screens, handled by the app)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from factdesk.core.models import Claim
    from factdesk.tui.data import LibraryCounts


@dataclass
class ImportProgressed(Message):
    """A thread worker imported (or matched) one more item."""

    done: int
    total: int
    text: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ImportProgressed)


@dataclass
class ImportFinished(Message):
    """The seed import finished; ``summary`` is one line for a notice."""

    summary: str


@dataclass
class WorkspaceChanged(Message):
    """Analyst data or articles changed: screens re-read what they show."""

    reason: str = ""


@dataclass
class OpenArticles(Message):
    """Open these articles side by side, optionally with one claim selected."""

    article_ids: list[str]
    claim_id: str | None = None


@dataclass
class LibraryCounted(Message):
    """The library's thread worker counted claims, contradictions, events and totals (plain data)."""

    generation: int
    """Which reload asked for these counts (older answers are dropped)."""
    counts: LibraryCounts


@dataclass
class ClaimsLoaded(Message):
    """A thread worker read a large article's claims, claim states and verdicts (plain data)."""

    article_id: str
    claims: list[Claim]
    states: dict[str, set[str]]
    verdicts: dict[str, str]
    error: str | None = None
