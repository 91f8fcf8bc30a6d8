"""User-facing errors: each carries a one-line message that the CLI prints and the TUI notifies."""

from __future__ import annotations


class FactdeskError(Exception):
    """Base class; ``str(error)`` is a complete, clear, one-line message."""


class WorkspaceError(FactdeskError):
    """The workspace database cannot be opened or used as asked."""


class NewerSchemaError(WorkspaceError):
    """The database was written by a newer factdesk; it is left untouched."""


class CorruptDatabaseError(WorkspaceError):
    """The database file is damaged or is not a SQLite database; it is left untouched."""


class ReadOnlyWorkspaceError(WorkspaceError):
    """A write was attempted on a workspace opened read-only."""


class NotFoundError(FactdeskError):
    """An id (article, claim, suggestion) does not exist in the workspace."""


class IngestError(FactdeskError):
    """A file could not be imported; the message names the file and the reason."""
