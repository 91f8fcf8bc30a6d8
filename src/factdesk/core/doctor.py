"""``factdesk doctor``: a read-only health report of a workspace.

Checks, in order: the workspace directory and its database file, the SQLite header, the schema
version, the journal mode, ``PRAGMA integrity_check``, ``PRAGMA foreign_key_check``, the row counts
of every table, and orphans (analyst records pointing at claims that no longer exist). Exit status
0 when healthy, 1 when something is wrong.

The doctor never writes: the database is opened read-only, and when no other process has it open
(no ``-wal`` file) it is read as immutable so that not even SQLite's side files are created.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import TextIO

from factdesk.core.ingest import human_size
from factdesk.core.textsafe import visible_line

MAX_LISTED = 50

_COUNTED = ("articles", "claims", "links", "notes", "verdicts", "suggestions", "decisions", "events", "history")




def _connect_readonly(db_path: Path, immutable: bool) -> sqlite3.Connection:
    query = "?mode=ro&immutable=1" if immutable else "?mode=ro"
    conn = sqlite3.connect(db_path.resolve().as_uri() + query, uri=True, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 15000")
    return conn


class _Report:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def line(self, label: str, value: str) -> None:
        print(f"  {label:<13} {visible_line(value)}", file=self.out)

    def problem(self, label: str, value: str) -> None:
        self.problems.append(label)
        self.line(label, "PROBLEM: " + value)

    def warn(self, label: str, value: str) -> None:
        self.warnings.append(label)
        self.line(label, "warning: " + value)

    def finish(self) -> int:
        if self.problems:
            n = len(self.problems)
            print(f"result: {n} problem{'s' if n != 1 else ''} found ({', '.join(self.problems)})", file=self.out)
            return 1
        extra = f" ({len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''})" if self.warnings else ""
        print(f"result: healthy{extra}", file=self.out)
        return 0


def run_doctor(workspace: str, out: TextIO | None = None) -> int:
    """Print a health report of the workspace at ``workspace``; return 0 when healthy, 1 otherwise."""
    from factdesk.core.store.schema import SCHEMA_VERSION
    from factdesk.core.store.workspace import ARTICLES_DIR, DB_NAME, SQLITE_MAGIC, Workspace

    out = out or sys.stdout
    root = Path(workspace)
    print(f"factdesk doctor: workspace {visible_line(str(root))}", file=out)
    report = _Report(out)
    if not root.is_dir():
        report.problem("workspace", f"{root} is not a directory (no workspace there)")
        return report.finish()
    db_path = root / DB_NAME
    wal_path = db_path.with_name(DB_NAME + "-wal")
    if not db_path.exists() or db_path.stat().st_size == 0:
        report.problem("database", f"{db_path} does not exist yet; it is created when factdesk first opens the workspace")
        return report.finish()
    size = db_path.stat().st_size
    wal_size = wal_path.stat().st_size if wal_path.exists() else None
    report.line("database", f"{db_path} ({human_size(size)}" + (f"; WAL file {human_size(wal_size)})" if wal_size is not None else ")"))
    try:
        with db_path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        report.problem("database", f"{db_path} cannot be read ({exc.strerror or exc})")
        return report.finish()
    if header[:16] != SQLITE_MAGIC:
        report.problem(
            "file type",
            f"{db_path} is not a SQLite database; it was left untouched — move it aside "
            "(factdesk recreates the database from articles/) or restore it from a backup",
        )
        return report.finish()
    wal_header = len(header) >= 20 and header[18] == 2 and header[19] == 2

    # Immutable when nobody has the database open (no -wal): nothing at all is created or locked.
    immutable = wal_size is None
    try:
        conn = _connect_readonly(db_path, immutable)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        report.problem(
            "database",
            f"{db_path} cannot be read as a database ({exc}); it was left untouched — move it aside "
            "(factdesk recreates the database from articles/) or restore it from a backup",
        )
        return report.finish()
    try:
        return _examine(conn, db_path, root / ARTICLES_DIR, version, wal_header, immutable, report, SCHEMA_VERSION, Workspace)
    finally:
        conn.close()


def _examine(conn, db_path, articles_dir, version, wal_header, immutable, report, schema_version, workspace_cls) -> int:
    if version > schema_version:
        report.problem("schema", f"version {version}, written by a newer factdesk (this one knows {schema_version}); upgrade factdesk")
    elif version < schema_version:
        report.warn("schema", f"version {version}; factdesk upgrades it to {schema_version} the next time it opens the workspace")
    else:
        report.line("schema", f"version {version} (current)")
    if wal_header:
        report.line("journal mode", "wal")
    else:
        report.warn("journal mode", "not WAL (rollback journal); factdesk switches it to WAL when it next opens the workspace")

    integrity = _integrity(conn)
    if integrity != ["ok"] and immutable and db_path.with_name(db_path.name + "-wal").exists():
        # Another process opened the database during the check: confirm through a normal read-only connection.
        try:
            check = _connect_readonly(db_path, immutable=False)
            try:
                integrity = _integrity(check)
            finally:
                check.close()
        except sqlite3.DatabaseError:
            pass
    if integrity == ["ok"]:
        report.line("integrity", "ok")
    else:
        shown = "; ".join(integrity[:5]) + (f"; … {len(integrity) - 5} more" if len(integrity) > 5 else "")
        report.problem(
            "integrity",
            f"{shown} — the database is damaged: copy it aside, then let factdesk recreate it from articles/ "
            "(analyst work lives only in the database: keep the damaged copy)",
        )
        return report.finish()

    try:
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        fk = [(f"check failed: {exc}",)]
    if fk:
        report.problem("foreign keys", f"{len(fk)} rows point at missing parents (first: {tuple(fk[0])})")
    else:
        report.line("foreign keys", "ok")

    counts: list[str] = []
    for table in _COUNTED:
        try:
            n = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            counts.append(f"{table} {n}")
        except sqlite3.DatabaseError:
            counts.append(f"{table} ?")
    report.line("counts", ", ".join(counts))

    if version <= schema_version:
        ws = workspace_cls(db_path.parent, conn, readonly=True, created=False)
        try:
            orphans = ws.orphans()
        except Exception as exc:  # noqa: BLE001 - report, never crash the doctor
            report.problem("orphans", f"could not be checked ({exc})")
            orphans = []
        else:
            if orphans:
                report.problem(
                    "orphans",
                    f"{len(orphans)} analyst record{'s' if len(orphans) != 1 else ''} point at claims that no longer exist:",
                )
                for o in orphans[:MAX_LISTED]:
                    print(f"    {visible_line(o['table'])}[{visible_line(str(o['key']))}] → missing claim {visible_line(str(o['claim_id']))}", file=report.out)
                if len(orphans) > MAX_LISTED:
                    print(f"    … and {len(orphans) - MAX_LISTED} more", file=report.out)
            else:
                report.line("orphans", "none")

    if articles_dir.is_dir():
        files = sum(1 for p in articles_dir.rglob("*") if p.is_file() and not p.name.startswith("."))
        report.line("articles/", f"{files} files")
    else:
        report.line("articles/", "no articles/ directory")
    return report.finish()


def _integrity(conn: sqlite3.Connection) -> list[str]:
    try:
        return [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [f"integrity check could not run: {exc}"]
