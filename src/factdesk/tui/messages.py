"""Messages used across the workbench (posted by workers and screens, handled by the app)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


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
    warning: str | None = None


@dataclass
class WorkspaceChanged(Message):
    """Analyst data or articles changed: screens re-read what they show."""

    reason: str = ""


@dataclass
class OpenArticles(Message):
    """Open these articles side by side, optionally with one claim selected."""

    article_ids: list[str]
    claim_id: str | None = None
