"""The workspace store: the one package that owns the SQLite database.

A workspace is a directory holding ``factdesk.db`` and ``articles/``. The database runs in WAL mode
with foreign keys on and a busy timeout; every write goes through :meth:`Workspace.transaction`
(``BEGIN IMMEDIATE``, retried while another process holds the write lock). Reads on the hot path use
the raw ``sqlite3`` cursor; ``sqlite_utils`` is only imported for bulk writes, lazily, so opening
the TUI stays fast.
"""

from __future__ import annotations

from factdesk.core.store.workspace import Workspace, open_workspace

__all__ = ["Workspace", "open_workspace"]
