"""The :class:`Workspace`: connection handling, migrations, articles and claims."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from factdesk.core.errors import (
    CorruptDatabaseError,
    NewerSchemaError,
    NotFoundError,
    ReadOnlyWorkspaceError,
    WorkspaceError,
)
from factdesk.core.models import Article, Claim, Span
from factdesk.core.store.analyst import AnalystMixin
from factdesk.core.store.matching_sql import MatchingMixin
from factdesk.core.store.schema import MIGRATIONS, SCHEMA_VERSION

DB_NAME = "factdesk.db"
ARTICLES_DIR = "articles"
BUSY_TIMEOUT_MS = 15_000
SQLITE_MAGIC = b"SQLite format 3\x00"

SEARCH_RANK_WINDOW = 2000
"""Search ranks at most this many matches per table: the most recently stored ones."""

CLAIM_COLUMNS = 'id, article_id, start, "end", text, score, reasons, spans, lang, paragraph, ordinal'
"""The claim columns :meth:`Workspace.claim_from_row` reads, in :class:`Claim` field order."""

ARTICLE_LIST_COLUMNS = (
    "id, title, source, url, language, published, path, encoding, imported_at, word_count, extractor_version"
)


_to_json = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(x, ensure_ascii=False)`` without building an encoder per call (same output)."""


def now_iso() -> str:
    """UTC timestamp with seconds, for imported_at / created_at columns."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _check_sqlite_file(db_path: Path) -> None:
    """Refuse, without touching it, a file that is not a SQLite database."""
    try:
        size = db_path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        return
    with db_path.open("rb") as fh:
        head = fh.read(16)
    if head != SQLITE_MAGIC:
        raise CorruptDatabaseError(
            f"{db_path}: not a factdesk database (not a SQLite file); it was left untouched — "
            "move it aside or open another workspace with --workspace DIR"
        )


def claim_rows(claims: Iterable[Claim]) -> list[tuple[Any, ...]]:
    """Claims as rows of the ``claims`` table (spans and reasons as JSON).

    An import builds them where the claims were extracted (a worker process): a list of plain
    tuples crosses a process boundary 20 times faster than the claim objects.
    """
    to_json = _to_json
    return [
        (
            c.id, c.article_id, c.ordinal, c.start, c.end, c.text, float(c.score), to_json(list(c.reasons)), c.lang,
            c.paragraph, to_json([s.to_dict() for s in c.spans]), " ".join(sorted({s.type for s in c.spans})),
        )
        for c in claims
    ]


class Workspace(AnalystMixin, MatchingMixin):
    """An open workspace: one SQLite connection plus the articles directory.

    A ``Workspace`` is bound to the thread that opened it (sqlite3's rule); worker threads open
    their own with :func:`open_workspace`.
    """

    def __init__(self, root: Path, conn: sqlite3.Connection, *, readonly: bool, created: bool) -> None:
        self.root = root
        """The workspace directory."""
        self.conn = conn
        """The raw connection (autocommit; writes go through :meth:`transaction`)."""
        self.readonly = readonly
        """True when the files are not writable: every write raises ReadOnlyWorkspaceError."""
        self.created = created
        """True when this open created the database (the caller then imports ``articles/``)."""
        self._in_tx = False

    # -- paths ---------------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def articles_dir(self) -> Path:
        return self.root / ARTICLES_DIR

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; retried while another process holds the write lock.

        Nested use joins the outer transaction. On any exception the transaction is rolled back
        and the exception propagates; nothing half-written is ever committed.
        """
        if self.readonly:
            raise ReadOnlyWorkspaceError(f"{self.db_path}: the workspace is read-only; nothing was changed")
        if self._in_tx:
            yield self.conn
            return
        self._begin_immediate()
        self._in_tx = True
        try:
            yield self.conn
        except BaseException as exc:
            self._in_tx = False
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if _is_storage_error(exc):
                # Disk full, I/O error, damaged file, lock timeout: one clear line, not a traceback.
                raise self._translate(exc) from exc  # type: ignore[arg-type]
            raise
        self._in_tx = False
        self._commit()

    def _begin_immediate(self) -> None:
        deadline = time.monotonic() + 60.0
        delay = 0.05
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                message = str(exc).lower()
                if ("locked" not in message and "busy" not in message) or time.monotonic() > deadline:
                    raise self._translate(exc) from exc
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    def _commit(self) -> None:
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise self._translate(exc) from exc

    def _translate(self, exc: sqlite3.Error) -> WorkspaceError:
        """Turn a sqlite error into a clear one-line user message naming the file."""
        message = str(exc)
        low = message.lower()
        if "disk is full" in low or "database or disk is full" in low:
            return WorkspaceError(f"{self.db_path}: the disk is full; the last change was not saved (earlier work is safe)")
        if "readonly" in low or "read-only" in low:
            return ReadOnlyWorkspaceError(f"{self.db_path}: the workspace is read-only; nothing was changed")
        if "malformed" in low or "not a database" in low:
            return CorruptDatabaseError(f"{self.db_path}: the database is damaged ({message}); run 'factdesk doctor'")
        if "locked" in low or "busy" in low:
            return WorkspaceError(f"{self.db_path}: another process kept the workspace busy for too long; try again")
        return WorkspaceError(f"{self.db_path}: {message}")

    # -- reading helpers -----------------------------------------------------------------------
    def query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        """Rows as ``sqlite3.Row`` (index or name access)."""
        try:
            return self.conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._translate(exc) from exc

    def scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = self.query(sql, params)
        return row[0][0] if row else None

    def schema_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    # -- articles ------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.scalar("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def article_count(self) -> int:
        return int(self.scalar("SELECT count(*) FROM articles"))

    def list_articles(self) -> list[dict[str, Any]]:
        """Every article without its text, in import order."""
        rows = self.query(f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles ORDER BY rowid")
        return [dict(r) for r in rows]

    def article_heads(self) -> list[tuple[str, str, str | None, str | None, str | None, str]]:
        """``(id, title, source, language, published, path)`` of every article, in import order.

        Only columns stored before the article text are read, so SQLite never walks a text's
        overflow pages: the library's first frame needs nothing else.
        """
        return self.query("SELECT id, title, source, language, published, path FROM articles ORDER BY rowid")  # type: ignore[return-value]

    def article(self, article_id: str) -> Article:
        """The full article (text included); accepts a unique id prefix."""
        full_id = self.resolve_article_id(article_id)
        row = self.query("SELECT * FROM articles WHERE id = ?", (full_id,))[0]
        return Article(
            id=row["id"],
            title=row["title"],
            text=row["text"],
            path=row["path"],
            language=row["language"],
            source=row["source"],
            url=row["url"],
            published=row["published"],
            encoding=row["encoding"],
            imported_at=row["imported_at"],
            meta=json.loads(row["meta"] or "{}"),
            word_count=row["word_count"],
        )

    def resolve_article_id(self, article_id: str) -> str:
        """Full article id from an id, a unique prefix of one, or a file name."""
        if self.has_article(article_id):
            return article_id
        rows = self.query(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' OR path = ? OR path LIKE ? ESCAPE '\\' LIMIT 3",
            (_like_prefix(article_id), article_id, "%/" + _like_prefix(article_id)),
        )
        if len(rows) == 1:
            return rows[0][0]
        if not rows:
            raise NotFoundError(f"no article with id {article_id!r} in {self.root}")
        raise NotFoundError(f"article id {article_id!r} is ambiguous in {self.root}; give more characters")

    def add_article(self, article: Article, claims: list[Claim], extractor_version: str) -> None:
        """Insert an article and its claims in one transaction."""
        with self.transaction() as conn:
            self._insert_article(conn, article, claims, extractor_version)

    def add_articles(
        self, items: Iterable[tuple[Article, Sequence[Claim] | Sequence[tuple]]], extractor_version: str
    ) -> list[sqlite3.IntegrityError | None]:
        """Bulk import: insert several articles with their claims (or :func:`claim_rows`) in one transaction.

        Each article is stored under its own savepoint, so one that cannot be stored (an id
        another process stored meanwhile) is left out and reported — ``None`` for a stored article,
        the ``IntegrityError`` otherwise — while the others are kept. A storage error (disk
        full, …) rolls the whole batch back and raises, as :meth:`transaction` does.

        The batch commits with ``synchronous = NORMAL`` (restored to FULL right after): in WAL
        mode a committed transaction then survives a crash or kill of this process, and only a
        power loss or OS crash can drop the last batches — imported articles, which are simply
        imported again. Analyst actions never go through here and always commit with FULL.
        """
        out: list[sqlite3.IntegrityError | None] = []
        relaxed = not self._in_tx and not self.readonly
        if relaxed:
            self.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            with self.transaction() as conn:
                for article, claims in items:
                    conn.execute("SAVEPOINT add_article")
                    try:
                        self._insert_article(conn, article, claims, extractor_version)
                    except sqlite3.IntegrityError as exc:
                        conn.execute("ROLLBACK TO add_article")
                        conn.execute("RELEASE add_article")
                        out.append(exc)
                    else:
                        conn.execute("RELEASE add_article")
                        out.append(None)
        finally:
            if relaxed:
                try:
                    self.conn.execute("PRAGMA synchronous = FULL")
                except sqlite3.Error:
                    pass
        return out

    def _insert_article(
        self, conn: sqlite3.Connection, article: Article, claims: Sequence[Claim] | Sequence[tuple], extractor_version: str
    ) -> None:
        conn.execute(
            "INSERT INTO articles (id, title, source, url, language, published, path, text, encoding,"
            " imported_at, meta, word_count, extractor_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                article.title,
                article.source,
                article.url,
                article.language,
                article.published,
                article.path,
                article.text,
                article.encoding,
                article.imported_at or now_iso(),
                json.dumps(article.meta, ensure_ascii=False),
                article.word_count,
                extractor_version,
            ),
        )
        self._insert_claims(conn, claims)

    def delete_article(self, article_id: str) -> None:
        """Remove an article with its claims and suggestions (analyst data is kept, see doctor)."""
        full_id = self.resolve_article_id(article_id)
        with self.transaction() as conn:
            conn.execute("DELETE FROM suggestions WHERE left_article = ? OR right_article = ?", (full_id, full_id))
            conn.execute("DELETE FROM event_members WHERE article_id = ?", (full_id,))
            conn.execute("DELETE FROM articles WHERE id = ?", (full_id,))

    # -- claims --------------------------------------------------------------------------------
    def _insert_claims(self, conn: sqlite3.Connection, claims: Sequence[Claim] | Sequence[tuple]) -> None:
        """Insert claims (or their :func:`claim_rows`) with their full-text rows.

        The FTS rows are written by one statement for the batch, not by a per-row trigger.
        """
        rows = claims if not claims or isinstance(claims[0], tuple) else claim_rows(claims)  # type: ignore[arg-type]
        last = conn.execute("SELECT max(rowid) FROM claims").fetchone()[0] or 0
        conn.executemany(
            'INSERT INTO claims (id, article_id, ordinal, start, "end", text, score, reasons, lang, paragraph,'
            " spans, span_types) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        # new rows take rowids above the largest one (the table has no AUTOINCREMENT)
        conn.execute("INSERT INTO claims_fts (rowid, text) SELECT rowid, text FROM claims WHERE rowid > ?", (last,))

    @staticmethod
    def claim_from_row(row: sqlite3.Row | tuple) -> Claim:
        """A claim from a row of ``SELECT {CLAIM_COLUMNS} FROM claims`` (by position: no name lookups)."""
        id_, article_id, start, end, text, score, reasons, spans, lang, paragraph, ordinal = row
        return Claim(
            id_, article_id, start, end, text, score, json.loads(reasons),
            [Span.from_dict(d) for d in json.loads(spans)], lang, paragraph, ordinal,
        )

    def claims_for_article(self, article_id: str) -> list[Claim]:
        """The article's claims in text order."""
        rows = self.query(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE article_id = ? ORDER BY start", (article_id,))
        return [self.claim_from_row(r) for r in rows]

    def claim_count(self, article_id: str | None = None) -> int:
        """Claims in the workspace, or in one article (an index lookup)."""
        if article_id is None:
            return int(self.scalar("SELECT count(*) FROM claims"))
        return int(self.scalar("SELECT count(*) FROM claims WHERE article_id = ?", (article_id,)))

    def resolve_claim_id(self, claim_id: str) -> str:
        """Current id for a claim id, following aliases left by re-extraction; prefix accepted."""
        if self.scalar("SELECT 1 FROM claims WHERE id = ?", (claim_id,)):
            return claim_id
        alias = self.scalar("SELECT new_id FROM claim_aliases WHERE old_id = ?", (claim_id,))
        if alias and self.scalar("SELECT 1 FROM claims WHERE id = ?", (alias,)):
            return str(alias)
        rows = self.query("SELECT id FROM claims WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (_like_prefix(claim_id),))
        if len(rows) == 1:
            return rows[0][0]
        if not rows:
            raise NotFoundError(f"no claim with id {claim_id!r} in {self.root}")
        raise NotFoundError(f"claim id {claim_id!r} is ambiguous; give more characters")

    def get_claim(self, claim_id: str) -> Claim:
        full = self.resolve_claim_id(claim_id)
        return self.claim_from_row(self.query(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?", (full,))[0])

    def get_claims(self, claim_ids: Iterable[str]) -> dict[str, Claim]:
        """Claims by id (unknown ids are simply absent)."""
        ids = list(dict.fromkeys(claim_ids))
        out: dict[str, Claim] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.query(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id IN ({marks})", chunk):
                out[row[0]] = self.claim_from_row(row)
        return out

    def iter_claims(self, article_id: str | None = None, span_type: str | None = None) -> Iterator[Claim]:
        """Claims in article import order then text order, optionally filtered."""
        columns = ", ".join(f"claims.{c.strip()}" for c in CLAIM_COLUMNS.split(","))
        sql = f"SELECT {columns} FROM claims JOIN articles ON articles.id = claims.article_id"
        where: list[str] = []
        params: list[Any] = []
        if article_id is not None:
            where.append("claims.article_id = ?")
            params.append(article_id)
        if span_type is not None:
            where.append("(' ' || claims.span_types || ' ') LIKE ?")
            params.append(f"% {span_type} %")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY articles.rowid, claims.start"
        try:
            cursor = self.conn.execute(sql, params)
            for row in cursor:
                yield self.claim_from_row(row)
        except sqlite3.DatabaseError as exc:
            raise self._translate(exc) from exc

    def replace_claims(
        self, article_id: str, claims: list[Claim], extractor_version: str, meta: dict[str, Any] | None = None
    ) -> dict[str, str]:
        """Re-extraction: swap an article's claims, keeping analyst work attached.

        ``meta``, when given, replaces the article's meta in the same transaction.

        Claims whose id is unchanged keep everything. An old claim id that disappears but is
        referenced by analyst data is aliased to the new claim that overlaps its old span most,
        and the references are moved in the same transaction. Returns ``{old_id: new_id}``.
        """
        old = {c.id: c for c in self.claims_for_article(article_id)}
        new_ids = {c.id for c in claims}
        remap: dict[str, str] = {}
        for old_id, old_claim in old.items():
            if old_id in new_ids:
                continue
            best, best_overlap = None, 0
            for c in claims:
                overlap = min(c.end, old_claim.end) - max(c.start, old_claim.start)
                if overlap > best_overlap:
                    best, best_overlap = c.id, overlap
            if best is not None:
                remap[old_id] = best
        with self.transaction() as conn:
            conn.execute("DELETE FROM suggestions WHERE left_article = ? OR right_article = ?", (article_id, article_id))
            conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            self._insert_claims(conn, claims)
            conn.execute("UPDATE articles SET extractor_version = ? WHERE id = ?", (extractor_version, article_id))
            if meta is not None:
                conn.execute("UPDATE articles SET meta = ? WHERE id = ?", (json.dumps(meta, ensure_ascii=False), article_id))
            stamp = now_iso()
            for old_id, new_id in remap.items():
                conn.execute(
                    "INSERT OR REPLACE INTO claim_aliases (old_id, new_id, at) VALUES (?,?,?)", (old_id, new_id, stamp)
                )
                self._move_claim_references(conn, old_id, new_id)
        return remap

    # -- search --------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        """Full-text search over claims and article titles/text (FTS5, diacritics folded).

        Each hit: ``{"type": "claim"|"article", "article_id", "claim_id"?, "start", "end", "snippet"}``.
        Words of three or more characters match as prefixes, shorter ones as whole words; the
        query is never interpreted as FTS syntax. Hits are ranked by relevance (bm25) among the
        most recent :data:`SEARCH_RANK_WINDOW` matches, so a word found in half the workspace
        costs what a rarer one does; below that many matches the ranking is over all of them.
        """
        terms = [t for t in _fts_terms(query)]
        if not terms:
            return []
        match = " ".join(f'"{t}"*' if len(t) >= 3 else f'"{t}"' for t in terms)
        hits: list[dict[str, Any]] = []
        try:
            rows = self.conn.execute(
                'SELECT c.id, c.article_id, c.start, c."end", c.text FROM'
                " (SELECT rowid, rank FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f"
                " JOIN claims c ON c.rowid = f.rowid ORDER BY f.rank LIMIT ?",
                (match, SEARCH_RANK_WINDOW, limit),
            ).fetchall()
            for r in rows:
                hits.append(
                    {"type": "claim", "claim_id": r[0], "article_id": r[1], "start": r[2], "end": r[3], "snippet": r[4]}
                )
            if len(hits) < limit:
                rows = self.conn.execute(
                    "SELECT a.id, a.title FROM"
                    " (SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f"
                    " JOIN articles a ON a.rowid = f.rowid ORDER BY f.rank LIMIT ?",
                    (match, SEARCH_RANK_WINDOW, limit - len(hits)),
                ).fetchall()
                for r in rows:
                    hits.append({"type": "article", "article_id": r[0], "start": 0, "end": 0, "snippet": r[1]})
        except sqlite3.OperationalError:
            return []
        return hits

    # -- health --------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (for doctor and the library header)."""
        out = {}
        for table in ("articles", "claims", "suggestions", "events", "links", "notes", "verdicts", "decisions", "history"):
            out[table] = int(self.scalar(f"SELECT count(*) FROM {table}"))
        return out

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` lines (``['ok']`` when healthy)."""
        return [r[0] for r in self.query("PRAGMA integrity_check")]


# -- opening ---------------------------------------------------------------------------------------


def _is_storage_error(exc: BaseException) -> bool:
    """A sqlite error about the file or the disk (not a constraint or a programming error)."""
    if isinstance(exc, sqlite3.OperationalError):
        return True
    if isinstance(exc, sqlite3.DatabaseError) and type(exc) is sqlite3.DatabaseError:
        return True
    return False


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_prefix(text: str) -> str:
    return _like_escape(text) + "%"


def _fts_terms(query: str) -> list[str]:
    """Plain words of a user query (FTS syntax characters dropped)."""
    out = []
    for raw in query.split():
        word = "".join(ch for ch in raw if ch.isalnum())
        if word:
            out.append(word)
    return out[:12]


def _connect(db_path: Path, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    if readonly:
        uri = db_path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=True)
    else:
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _writable(root: Path, db_path: Path) -> bool:
    if db_path.exists():
        return os.access(db_path, os.W_OK) and os.access(root, os.W_OK)
    return os.access(root, os.W_OK)


def open_workspace(
    root: str | os.PathLike[str] | None = None, *, create: bool = True, notice: Callable[[str], None] | None = None
) -> Workspace:
    """Open (and, when missing, create and migrate) the workspace at ``root``.

    Raises :class:`WorkspaceError` subclasses with a one-line message: a file that is not a
    SQLite database or is damaged, a database from a newer factdesk, a missing workspace when
    ``create`` is false. A workspace whose files are not writable opens read-only.
    ``notice`` is told (one line) before an existing workspace is upgraded to a newer schema,
    which takes a few seconds on a large one.
    """
    root_path = Path(root if root is not None else os.environ.get("FACTDESK_WORKSPACE", "workspace"))
    if root_path.exists() and not root_path.is_dir():
        raise WorkspaceError(f"{root_path}: not a directory; a workspace is a directory holding {DB_NAME}")
    if not root_path.exists():
        if not create:
            raise WorkspaceError(f"{root_path}: no such workspace directory")
        try:
            root_path.mkdir(parents=True, exist_ok=True)  # another process may create it meanwhile
        except OSError as exc:
            raise WorkspaceError(f"{root_path}: cannot create the workspace directory ({exc.strerror})") from exc
    db_path = root_path / DB_NAME
    _check_sqlite_file(db_path)
    existed = db_path.exists() and db_path.stat().st_size > 0
    readonly = not _writable(root_path, db_path)
    if readonly and not existed:
        raise WorkspaceError(f"{root_path}: the directory is not writable, so no workspace database can be created")
    conn: sqlite3.Connection | None = None
    try:
        try:
            conn = _connect(db_path, readonly)
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if not (readonly and _needs_immutable(db_path, exc)):
                raise
            # A WAL database in a directory we cannot write, closed cleanly (no -wal/-shm left):
            # SQLite cannot create its shared-memory file, so read the file as immutable.
            _close_quietly(conn)
            conn = _connect(db_path, readonly, immutable=True)
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        _close_quietly(conn)
        if _is_busy(exc):
            raise WorkspaceError(f"{db_path}: another process kept the workspace busy for too long; try again") from exc
        raise CorruptDatabaseError(
            f"{db_path}: cannot be read as a database ({exc}); it was left untouched — "
            "move it aside (factdesk recreates it from articles/) or run 'factdesk doctor'"
        ) from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerSchemaError(
            f"{db_path}: written by a newer factdesk (schema {version}, this one knows {SCHEMA_VERSION});"
            " it was left untouched — upgrade factdesk to open it"
        )
    ws = Workspace(root_path, conn, readonly=readonly, created=not existed)
    if not readonly:
        try:
            mode = _set_wal(conn)
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            conn.close()
            if _is_busy(exc):
                raise WorkspaceError(f"{db_path}: another process kept the workspace busy for too long; try again") from exc
            raise CorruptDatabaseError(
                f"{db_path}: cannot be opened ({exc}); it was left untouched — "
                "move it aside (factdesk recreates it from articles/) or run 'factdesk doctor'"
            ) from exc
        if str(mode).lower() != "wal":
            conn.close()
            raise WorkspaceError(f"{db_path}: could not switch the database to WAL mode (got {mode})")
        if version < SCHEMA_VERSION:
            if notice is not None and existed and version > 0:
                notice(f"{db_path}: upgrading the workspace from schema {version} to {SCHEMA_VERSION} (once; a few seconds when it is large)")
            try:
                migrate(ws, version)
            except BaseException:
                conn.close()
                raise
    elif version < SCHEMA_VERSION:
        conn.close()
        raise ReadOnlyWorkspaceError(
            f"{db_path}: the workspace is read-only and needs an upgrade (schema {version} → {SCHEMA_VERSION})"
        )
    return ws


def _is_busy(exc: BaseException) -> bool:
    low = str(exc).lower()
    return "locked" in low or "busy" in low


def _set_wal(conn: sqlite3.Connection) -> str:
    """Switch to WAL; retried while another process (say, one creating the same workspace) holds a lock.

    Changing the journal mode does not wait on the busy timeout, so the wait is done here.
    """
    deadline = time.monotonic() + 60.0
    delay = 0.02
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _needs_immutable(db_path: Path, exc: sqlite3.OperationalError) -> bool:
    low = str(exc).lower()
    if "readonly" not in low and "read-only" not in low and "unable to open" not in low:
        return False
    wal = db_path.with_name(db_path.name + "-wal")
    return not wal.exists()


def _close_quietly(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        try:
            conn.close()
        except sqlite3.Error:
            pass


def migrate(ws: Workspace, current: int) -> None:
    """Apply migrations ``current+1 … SCHEMA_VERSION`` in one transaction."""
    with ws.transaction() as conn:
        # Re-read inside the write lock: another process may have migrated meanwhile.
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        for number in range(current + 1, SCHEMA_VERSION + 1):
            try:
                for statement in _split_sql(MIGRATIONS[number - 1]):
                    conn.execute(statement)
            except sqlite3.Error as exc:
                raise WorkspaceError(
                    f"{ws.db_path}: schema migration {number} failed ({exc}); the database was left at"
                    f" schema {current}, unchanged"
                ) from exc
            conn.execute(f"PRAGMA user_version = {number}")


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (``sqlite3.complete_statement`` keeps triggers whole)."""
    statements: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements
