"""Reading article files into :class:`Article` objects (pure: no database).

Accepted: ``.txt``, ``.md``, ``.html``/``.htm``. Text is decoded as UTF-8 (BOM allowed), falling back
to cp1252 with the encoding recorded, normalised to NFC with ``\\n`` line ends and otherwise kept
as it is: the stored text is exactly what every character offset refers to.

Metadata comes from, in order: an optional header block at the top of a text file (``title:``,
``source:``, ``url:``, ``language:``, ``published:`` lines, other ``key: value`` lines kept as extra
metadata, closed by a ``---`` line; the block is not part of the stored text), HTML ``<title>`` and
meta tags, and a ``date YYYY-MM[-DD]`` marker line among the first lines (a publication-date hint; it stays in the text
so offsets never shift, and the title skips it). Missing metadata stays null, never invented.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from factdesk.core.errors import IngestError
from factdesk.core.extract.sentences import DATE_MARKER_RE, date_marker
from factdesk.core.langid import detect_language
from factdesk.core.models import Article, stable_hash

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
HEADER_KEYS = ("title", "source", "url", "language", "published")
TITLE_WIDTH = 90

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]{0,40})\s*:\s*(.*)$")
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(slots=True)
class ParsedFile:
    """What a file yields before it is stored."""

    text: str
    encoding: str
    meta: dict[str, Any] = field(default_factory=dict)


def article_id_for(text: str) -> str:
    """Stable article id: a hash of the normalised text (whitespace runs collapsed)."""
    return "a" + stable_hash(" ".join(text.split()), length=11)


def read_article(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, display_path: str | None = None) -> Article:
    """Read and parse one file into an :class:`Article`; raise :class:`IngestError` with a clear reason."""
    p = Path(path)
    shown = display_path or str(p)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(f"{shown}: unsupported file type {suffix or '(none)'!r} (expected .txt, .md, .html or .htm)")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise IngestError(
                f"{shown}: file is {human_size(size)}, over the {human_size(max_bytes)} limit (raise it with --max-size)"
            )
        raw = p.read_bytes()
    except IngestError:
        raise
    except IsADirectoryError as exc:
        raise IngestError(f"{shown}: is a directory") from exc
    except PermissionError as exc:
        raise IngestError(f"{shown}: cannot be read (permission denied)") from exc
    except FileNotFoundError as exc:
        raise IngestError(f"{shown}: no such file") from exc
    except OSError as exc:
        raise IngestError(f"{shown}: cannot be read ({exc.strerror or exc})") from exc
    return parse_article(raw, name=p.name, suffix=suffix, shown=shown, path=str(path))


def parse_article(raw: bytes, *, name: str, suffix: str = ".txt", shown: str | None = None, path: str | None = None) -> Article:
    """Parse file bytes into an :class:`Article` (exposed for tests and property checks)."""
    shown = shown or name
    if not raw.strip():
        raise IngestError(f"{shown}: empty file")
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and _looks_binary(raw):
        raise IngestError(f"{shown}: binary file, not text")
    text, encoding = decode(raw, shown)
    if utf16 and _looks_binary(text.encode("utf-8", "surrogatepass")):
        raise IngestError(f"{shown}: binary file, not text")
    text = normalise_text(text)
    if suffix in (".html", ".htm"):
        parsed = parse_html(text)
    else:
        parsed = parse_header(text)
    parsed.encoding = encoding
    body = parsed.text
    if not body.strip():
        raise IngestError(f"{shown}: no article text (empty after the metadata header)")
    meta = parsed.meta
    extra = {k: v for k, v in meta.items() if k not in HEADER_KEYS}
    published = _clean_date(meta.get("published"))
    hint = date_marker(body)
    if hint and len(hint) >= 7:
        extra["date_marker"] = hint
        if published is None:
            published = hint
            extra["published_basis"] = f"'date {hint}' marker at the top of the text"
    language = (meta.get("language") or "").strip().lower() or None
    if language is None:
        language = detect_language(body)
        extra["language_basis"] = "detected"
    title = (meta.get("title") or "").strip() or title_from_text(body)
    return Article(
        id=article_id_for(body),
        title=title,
        text=body,
        path=path or name,
        language=language,
        source=(meta.get("source") or "").strip() or None,
        url=(meta.get("url") or "").strip() or None,
        published=published,
        encoding=encoding,
        meta=extra,
        word_count=len(body.split()),
    )


def decode(raw: bytes, shown: str) -> tuple[str, str]:
    """UTF-8 (BOM allowed), UTF-16 with a BOM, else cp1252; the encoding used is returned."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise IngestError(f"{shown}: starts with a UTF-16 byte order mark but is not valid UTF-16 (byte {exc.start})") from exc
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise IngestError(f"{shown}: not valid UTF-8 and not cp1252 text (byte {exc.start})") from exc


def normalise_text(text: str) -> str:
    """NFC and ``\\n`` line ends; nothing else changes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes or many C0 control bytes in the first 64 KiB mean a binary file."""
    head = raw[:65536]
    if not head:
        return False
    nul = head.count(0)
    if nul and (nul > 8 or nul / len(head) > 0.001):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12, 27))
    return controls / len(head) > 0.05


def parse_header(text: str) -> ParsedFile:
    """Split an optional ``key: value`` header block (closed by ``---``) off the text."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":  # YAML-style front matter
        start = 1
    meta: dict[str, Any] = {}
    for i in range(start, min(len(lines), start + 40)):
        line = lines[i]
        if line.strip() == "---":
            if meta:
                body = "\n".join(lines[i + 1 :])
                return ParsedFile(text=body.lstrip("\n"), encoding="utf-8", meta=meta)
            break
        m = _HEADER_LINE.match(line)
        if not m:
            break
        meta[m.group(1).lower()] = m.group(2).strip()
    return ParsedFile(text=text, encoding="utf-8", meta={})


def _clean_date(value: Any) -> str | None:
    if not value:
        return None
    m = _ISO_PREFIX.match(str(value).strip())
    if not m:
        return None
    return "-".join(g for g in m.groups() if g)


def title_from_text(text: str) -> str:
    """The first non-empty line (without a leading date marker), shortened."""
    for line in text.split("\n"):
        line = DATE_MARKER_RE.sub("", line, count=1).strip()
        if line:
            line = " ".join(line.split())
            if len(line) <= TITLE_WIDTH:
                return line
            cut = line[:TITLE_WIDTH].rsplit(" ", 1)[0]
            return (cut or line[:TITLE_WIDTH]) + "…"
    return "(untitled)"


def human_size(size: int) -> str:
    """``1.4 MB``, ``12.0 kB``, ``512 bytes``."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size} bytes"


# -- HTML -------------------------------------------------------------------------------------------

_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "td", "th", "dd", "dt", "div", "section", "br", "tr"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "head", "nav", "footer", "aside", "form", "button", "select", "header"}
_META_MAP = {
    "og:title": "title",
    "twitter:title": "title",
    "og:site_name": "source",
    "application-name": "source",
    "og:url": "url",
    "article:published_time": "published",
    "datepublished": "published",
    "date": "published",
    "dc.date": "published",
    "pubdate": "published",
    "og:locale": "locale",
    "author": "author",
    "article:author": "author",
    "description": "description",
    "og:description": "description",
}


class _Extractor(HTMLParser):
    """Collect title, meta tags and the text blocks of the main content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.lang: str | None = None
        self.canonical: str | None = None
        self._stack: list[str] = []
        self._skip = 0
        self._in_title = False
        self._main_depth: int | None = None
        self.blocks: list[tuple[bool, str]] = []  # (inside <article>/<main>, text)
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"].split("-")[0].lower()
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _META_MAP and a.get("content"):
                self.meta.setdefault(_META_MAP[key], a["content"].strip())
            return
        if tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.canonical = a["href"]
            return
        if tag in ("br", "hr", "img", "input", "meta", "link"):
            if tag == "br":
                self._buf.append("\n")
            return
        self._stack.append(tag)
        if tag == "title":
            self._in_title = True
        if tag in _SKIP_TAGS and not (tag == "header" and self._main_depth is not None):
            self._skip += 1
        if tag in ("article", "main") and self._main_depth is None:
            self._main_depth = len(self._stack)
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return
        while self._stack:
            top = self._stack.pop()
            if top == "title":
                self._in_title = False
            if top in _SKIP_TAGS and self._skip and not (top == "header" and self._main_depth is not None and self._skip == 0):
                self._skip -= 1
            if top in _BLOCK_TAGS:
                self._flush()
            if self._main_depth is not None and len(self._stack) < self._main_depth:
                self._flush()
                self._main_depth = None
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skip:
            return
        self._buf.append(data)

    def _flush(self) -> None:
        text = "".join(self._buf)
        self._buf = []
        lines = [" ".join(line.split()) for line in text.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            self.blocks.append((self._main_depth is not None, joined))

    def close(self) -> None:
        super().close()
        self._flush()


def parse_html(source: str) -> ParsedFile:
    """Main text and metadata of an HTML page (stdlib parser; no network, no scripts)."""
    ex = _Extractor()
    try:
        ex.feed(source)
        ex.close()
    except Exception:  # noqa: BLE001 - malformed HTML still yields what was read
        pass
    main_blocks = [t for inside, t in ex.blocks if inside]
    blocks = main_blocks if sum(len(b) for b in main_blocks) >= 200 else [t for _, t in ex.blocks]
    body = "\n\n".join(blocks)
    meta: dict[str, Any] = {}
    title = ex.meta.get("title") or " ".join("".join(ex.title_parts).split())
    if title:
        meta["title"] = html.unescape(title)
    for key in ("source", "url", "published", "author", "description"):
        if ex.meta.get(key):
            meta[key] = ex.meta[key]
    if "url" not in meta and ex.canonical:
        meta["url"] = ex.canonical
    if ex.lang:
        meta["language"] = ex.lang
    return ParsedFile(text=body, encoding="utf-8", meta=meta)
