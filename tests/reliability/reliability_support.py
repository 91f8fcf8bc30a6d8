"""Helpers for the reliability suite (imported by its tests and its conftest)."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

TESTS = Path(__file__).resolve().parents[1]


def load_module(name: str, path: Path) -> ModuleType:
    """Import a helper module by path (the tests directory is not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def has(module: str, attr: str) -> bool:
    """True when ``module`` imports and has ``attr`` (modules being written may be empty)."""
    try:
        mod = __import__(module, fromlist=[attr])
    except Exception:  # noqa: BLE001 - a half-written module counts as absent
        return False
    return hasattr(mod, attr)


def snapshot(directory: Path) -> dict[str, tuple[str, int, int]]:
    """Name → (sha256, size, mtime_ns) of every file in a directory (to prove nothing changed)."""
    out = {}
    for p in sorted(directory.iterdir()):
        if p.is_file():
            st = p.stat()
            out[p.name] = (hashlib.sha256(p.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns)
    return out


def sentence_claims(article, max_claims: int = 6):
    """Claims on the first non-blank lines of an article (valid offsets, no extractor needed)."""
    from factdesk.core.models import Claim, Span

    claims = []
    pos = 0
    for line in article.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        s, e = start + lead, start + lead + len(stripped)
        e = min(e, s + 2000)
        text = article.text[s:e]
        i = len(claims)
        spans = [Span("entity", s, s + 1, text[0], key=text[0].lower(), kind="unknown")]
        claims.append(Claim(id=f"c{article.id[1:9]}{i:03d}", article_id=article.id, start=s, end=e, text=text, spans=spans, ordinal=i))
        if len(claims) >= max_claims:
            break
    return claims


def build_workspace(root: Path, n_articles: int = 3, claims_per_article: int = 4):
    """A workspace with simple articles, claims and a few suggestions; returns it open."""
    from factdesk.core.models import Article, Claim, Suggestion
    from factdesk.core.store import open_workspace

    ws = open_workspace(root)
    ids = []
    for a in range(n_articles):
        sentences = [f"In town {a} officials said {10 + i} people were evacuated on day {i}." for i in range(claims_per_article)]
        text = " ".join(sentences)
        art = Article(id=f"a{a:03d}rel00000", title=f"Article {a}", text=text, path=f"art{a}.txt", language="en", word_count=len(text.split()))
        claims, pos = [], 0
        for i, s in enumerate(sentences):
            start = text.index(s, pos)
            pos = start + len(s)
            claims.append(Claim(id=f"c{a:03d}{i:03d}rel00", article_id=art.id, start=start, end=pos, text=s, ordinal=i))
            ids.append(claims[-1].id)
        ws.add_article(art, claims, "test")
    suggestions = []
    for i in range(0, len(ids) - claims_per_article, 2):
        left, right = ids[i], ids[i + claims_per_article]
        suggestions.append(
            Suggestion(
                kind="match" if i % 4 == 0 else "contradiction", score=0.5 + i / 100, left_claim=left, right_claim=right,
                reasons=["same figure"], ctype=None if i % 4 == 0 else "quantity",
                left_article=f"a{left[1:4]}rel00000", right_article=f"a{right[1:4]}rel00000",
            )
        )
    ws.store_suggestions(suggestions)
    return ws


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
