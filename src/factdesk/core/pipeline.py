"""Import pipeline: files → articles → claims → stored → suggestions. Used by the CLI and the TUI.

Parsing, claim extraction and the claims' matching features are pure and run per file
(optionally in worker processes); all writes happen in the calling thread. Articles are stored
in batches (one transaction per batch of up to ``BATCH_ARTICLES`` articles or ``BATCH_SECONDS`` of
work), then the link suggestions for the new articles are computed through the anchor index.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from factdesk.core.errors import FactdeskError, IngestError
from factdesk.core.ingest import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, read_article
from factdesk.core.models import Article, Claim

Progress = Callable[[int, int, str], None]
"""``progress(done, total, message)``."""

BATCH_ARTICLES = 32
"""Articles stored per import transaction (a crash loses at most this uncommitted batch)."""
BATCH_SECONDS = 0.5
"""…or the articles prepared in this much time, whichever comes first."""
MATCH_ROUND = 250
"""A large import matches its articles in rounds of this many (in file order), as if they had been
imported in several sessions: memory stays bounded by a round, not by the whole import."""


@dataclass(slots=True)
class ImportResult:
    """The outcome for one file: ``imported``, ``duplicate`` or ``failed``."""

    path: str
    status: str
    article_id: str | None = None
    language: str | None = None
    title: str | None = None
    reason: str | None = None
    claims: int = 0

    def line(self) -> str:
        """The one line the CLI prints for this file."""
        if self.status == "imported":
            return f"imported  {self.path}  id={self.article_id} lang={self.language} claims={self.claims}  {self.title}"
        if self.status == "duplicate":
            return f"duplicate {self.path}  same content as {self.article_id}; skipped"
        return f"failed    {self.reason}"


@dataclass(slots=True)
class ImportSummary:
    results: list[ImportResult]
    suggestions: int = 0

    @property
    def imported(self) -> int:
        return sum(r.status == "imported" for r in self.results)

    @property
    def duplicates(self) -> int:
        return sum(r.status == "duplicate" for r in self.results)

    @property
    def failed(self) -> int:
        return sum(r.status == "failed" for r in self.results)

    def line(self) -> str:
        return (
            f"{self.imported} imported, {self.duplicates} duplicate, {self.failed} failed"
            f"; {self.suggestions} suggestions stored"
        )

    @property
    def exit_code(self) -> int:
        """0 when something was imported or everything was a duplicate; 1 otherwise."""
        if self.imported or (self.results and self.duplicates == len(self.results)):
            return 0
        return 1


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, str | None]]:
    """Expand paths: files as given, directories recursively (sorted, dotfiles skipped).

    Yields ``(path, problem)``; ``problem`` is set for a path that does not exist.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    yield Path(root) / name, None
        elif p.exists() or p.is_symlink():
            yield p, None
        else:
            yield p, f"{p}: no such file or directory"


@dataclass(slots=True)
class Prepared:
    """A parsed and extracted file, ready to store (picklable for worker processes)."""

    path: str
    article: Article | None
    claims: list[Claim] | list[tuple]
    """The claims, or their rows for the store (what a worker process sends back)."""
    error: str | None = None
    features: list | None = None
    """The claims' matching features (when asked for), so matching need not rebuild them."""


def prepare(path: str, max_bytes: int = DEFAULT_MAX_BYTES, features: bool = False) -> Prepared:
    """Parse and extract one file; never raises for bad input (the error is carried)."""
    try:
        article = read_article(path, max_bytes=max_bytes)
    except IngestError as exc:
        return Prepared(path, None, [], str(exc))
    from factdesk.core.extract import extract

    try:
        result = extract(article.id, article.text, article.language, article.published)
        claims = result.claims
        _note_reference(article, result)
    except Exception as exc:  # noqa: BLE001 - a broken extractor must not lose the article
        return Prepared(path, None, [], f"{path}: claim extraction failed ({type(exc).__name__}: {exc})")
    feats = None
    if features:
        from factdesk.core.matching.engine import article_features

        try:
            feats = article_features(article, claims)
        except Exception:  # noqa: BLE001 - matching rebuilds them from the stored claims
            feats = None
    return Prepared(path, article, claims, features=feats)


def _note_reference(article, result) -> None:  # noqa: ANN001 - Article, ExtractResult
    """Keep the day an undated article states as its own (a byline's "19.11.2025") in its meta:
    matching reads it as the day the article was written (see ``matching.events``, rule 5)."""
    if not article.published and result.reference and result.reference_basis.startswith("relative to"):
        article.meta["reference_day"] = result.reference[:10]
    else:
        article.meta.pop("reference_day", None)


def import_paths(
    ws,
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
    progress: Progress | None = None,
    suggest: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import files into the workspace ``ws`` and return one result per file.

    ``jobs`` > 1 parses and extracts in that many worker processes (``0`` = all cores).
    Bad files never stop the batch: each gets a ``failed`` result with a one-line reason.
    """
    from factdesk.core.extract import EXTRACTOR_VERSION

    files = list(collect_files(paths))
    results: list[ImportResult] = []
    todo: list[str] = []
    for path, problem in files:
        if problem:
            results.append(ImportResult(str(path), "failed", reason=problem))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            results.append(
                ImportResult(
                    str(path), "failed",
                    reason=f"{path}: unsupported file type {path.suffix or '(none)'!r} (expected .txt, .md, .html or .htm)",
                )
            )
        else:
            todo.append(str(path))
    total = len(todo)
    new_ids: list[str] = []
    """Stored articles not matched yet (the current round)."""
    features: dict[str, list] = {}
    suggestions = 0
    seen: set[str] = set()
    pending: list[Prepared] = []
    batch_started = time.monotonic()

    def flush() -> None:
        if not pending:
            return
        batch = list(pending)
        pending.clear()
        try:
            outcomes: list[BaseException | None] = list(
                ws.add_articles([(p.article, p.claims) for p in batch], EXTRACTOR_VERSION)
            )
        except FactdeskError as exc:
            outcomes = [exc] * len(batch)
        for prepared, outcome in zip(batch, outcomes):
            art = prepared.article
            assert art is not None
            if outcome is None:
                new_ids.append(art.id)
                if prepared.features is not None:
                    features[art.id] = prepared.features
                results.append(
                    ImportResult(
                        prepared.path, "imported", article_id=art.id, language=art.language,
                        title=art.title, claims=len(prepared.claims),
                    )
                )
            elif isinstance(outcome, sqlite3.IntegrityError) and ws.has_article(art.id):
                # another process stored the same article meanwhile
                results.append(ImportResult(prepared.path, "duplicate", article_id=art.id, title=art.title))
            elif isinstance(outcome, sqlite3.IntegrityError):
                seen.discard(art.id)
                results.append(ImportResult(prepared.path, "failed", reason=f"{prepared.path}: could not be stored ({outcome})"))
            else:
                seen.discard(art.id)
                results.append(ImportResult(prepared.path, "failed", reason=f"{prepared.path}: {outcome}"))

    def match_round() -> None:
        nonlocal suggestions
        if suggest and new_ids:
            suggestions += update_links(ws, list(new_ids), progress=progress, features=features)
        new_ids.clear()
        features.clear()
        if paused_gc:
            gc.collect()  # the round's cyclic garbage, if any (the collector is paused meanwhile)

    def _import_loop() -> None:
        nonlocal batch_started
        for done, prepared in enumerate(_prepare_all(todo, max_bytes, jobs, suggest), start=1):
            if cancelled is not None and cancelled():
                break
            if prepared.article is None:
                results.append(ImportResult(prepared.path, "failed", reason=prepared.error))
            else:
                art = prepared.article
                if art.id in seen or ws.has_article(art.id):
                    results.append(ImportResult(prepared.path, "duplicate", article_id=art.id, title=art.title))
                else:
                    seen.add(art.id)
                    if not pending:
                        batch_started = time.monotonic()
                    pending.append(prepared)
                    if len(pending) >= BATCH_ARTICLES or time.monotonic() - batch_started >= BATCH_SECONDS:
                        flush()
                    if suggest and len(new_ids) + len(pending) >= MATCH_ROUND:
                        flush()
                        match_round()
            if progress is not None:
                progress(done, total, f"read {Path(prepared.path).name}")
        flush()
        match_round()

    # An import allocates millions of short-lived, acyclic objects (claims, spans, features,
    # rows), which reference counting frees; the cyclic collector only kept re-walking the heap.
    # It is paused for the import and run once after every round: 20-30 % less CPU.
    paused_gc = gc.isenabled()
    gc.disable()
    try:
        _import_loop()
    finally:
        if paused_gc:
            gc.enable()
    summary = ImportSummary(results, suggestions)
    order = {str(p): i for i, (p, _) in enumerate(files)}
    summary.results.sort(key=lambda r: order.get(r.path, len(order)))
    return summary


def update_links(ws, article_ids: list[str], progress: Progress | None = None, features: dict | None = None) -> int:
    """Compute and store suggestions for newly stored articles (through the anchor index).

    ``features`` may carry the articles' claim features built at import (by article id).
    """
    from factdesk.core.matching import update_suggestions

    def relay(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total, "matching claims")

    return int(update_suggestions(ws, article_ids, progress=relay, features=features))


WORKER_COLLECT_EVERY = MATCH_ROUND
"""A worker runs the cyclic garbage collector once per this many articles it prepared."""
_worker_prepared = 0


def _worker_start() -> None:
    """Worker processes pause the cyclic collector, as the importing process does (extraction's
    short-lived objects are freed by reference counting; with the collector on, an article took
    about 30 ms of CPU instead of 17).
    A forked worker inherits the paused collector; a spawned one (other start methods) would not."""
    gc.disable()


def _worker_pool(workers: int, context=None) -> ProcessPoolExecutor:
    """The import's worker processes (``context``: a multiprocessing start-method context)."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_start)


def _prepare_chunk(paths: list[str], max_bytes: int, features: bool) -> list[Prepared]:
    """Prepare files in a worker process; the claims go back as store rows (cheap to unpickle)."""
    global _worker_prepared
    from factdesk.core.store.workspace import claim_rows

    out = [prepare(path, max_bytes, features) for path in paths]
    for prepared in out:
        prepared.claims = claim_rows(prepared.claims)  # type: ignore[arg-type]
    _worker_prepared += len(paths)
    if _worker_prepared >= WORKER_COLLECT_EVERY:
        _worker_prepared = 0
        gc.collect()  # cyclic garbage, if any, once in a while
    return out


LEAD_CHUNKS_PER_WORKER = 4
"""Chunks each worker may have prepared ahead of the calling process (bounds the memory held)…"""
LEAD_ARTICLES = MATCH_ROUND // 2
"""…or this many articles, whichever is more: while the caller matches a round, the workers
prepare the next articles. Half a round keeps two cores busy through a round's matching (no lead
left them idle); a whole round's lead held about 60 MB more at the import's peak and was no faster."""


def _prepare_all(paths: list[str], max_bytes: int, jobs: int, features: bool = False) -> Iterator[Prepared]:
    """Prepared files in input order; with several workers, about one round ahead of the caller.

    ``Executor.map`` would submit every file at once: while the caller matched a round, the
    workers' finished articles (text, claims, features) piled up in its memory.
    """
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    if workers <= 1 or len(paths) < 8:
        for path in paths:
            yield prepare(path, max_bytes, features)
        return
    # small chunks: the calling process stores results while the workers keep extracting
    size = max(1, min(8, len(paths) // (workers * 4)))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    with _worker_pool(workers) as pool:
        pending: deque = deque()
        upcoming = iter(chunks)
        for chunk in upcoming:
            pending.append(pool.submit(_prepare_chunk, chunk, max_bytes, features))
            if len(pending) >= max(workers * LEAD_CHUNKS_PER_WORKER, LEAD_ARTICLES // size + workers):
                break
        while pending:
            done = pending.popleft().result()
            nxt = next(upcoming, None)
            if nxt is not None:
                pending.append(pool.submit(_prepare_chunk, nxt, max_bytes, features))
            yield from done


def reextract(ws, progress: Progress | None = None) -> dict[str, str]:
    """Re-run claim extraction on every article (after an upgrade); analyst work stays attached."""
    from factdesk.core.extract import EXTRACTOR_VERSION, extract

    remapped: dict[str, str] = {}
    articles = ws.list_articles()
    for i, row in enumerate(articles, start=1):
        art = ws.article(row["id"])
        result = extract(art.id, art.text, art.language, art.published)
        _note_reference(art, result)
        remapped |= ws.replace_claims(art.id, result.claims, EXTRACTOR_VERSION, meta=art.meta)
        if progress is not None:
            progress(i, len(articles), f"re-extracted {art.title}")
    if articles:
        from factdesk.core.matching import recompute_all

        recompute_all(ws)
    return remapped


def open_and_seed(
    root: str | os.PathLike[str] | None = None, progress: Progress | None = None, notice: Callable[[str], None] | None = None
):
    """Open a workspace; when its database was just created, import everything in ``articles/``.

    ``notice`` is passed to :func:`~factdesk.core.store.open_workspace` (told of a schema upgrade).
    """
    from factdesk.core.store import open_workspace

    ws = open_workspace(root, notice=notice)
    if ws.created and ws.articles_dir.is_dir():
        import_paths(ws, [ws.articles_dir], progress=progress)
    return ws
