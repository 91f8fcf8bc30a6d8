"""Shared harness for the hand-written evaluation corpora: import, dump suggestions, score against gold.

Each ``tests/core/test_*_corpus.py`` names its corpus and thresholds; this module does the rest with
the same rules as the evaluation scorer (``score`` from ``test_match_samples``). Run a corpus test
file as a script to print the misses and, with ``-v N``, the top N suggestions.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from test_match_samples import score  # noqa: E402  (the evaluation scorer's rules)


def suggestion_rows(ws) -> list[dict]:
    """The stored suggestions in the ``suggest --format json`` shape."""
    return [
        {
            "kind": s["kind"], "score": s["score"],
            "left": {"path": s["left"]["path"], "text": s["left"]["text"]},
            "right": {"path": s["right"]["path"], "text": s["right"]["text"]},
        }
        for s in ws.suggestions()
    ]


def import_corpus(corpus: Path, root: Path):
    """A workspace under ``root`` with every article of ``corpus`` imported (suggestions computed)."""
    from factdesk.core.pipeline import import_paths
    from factdesk.core.store import open_workspace

    ws = open_workspace(root / "ws")
    import_paths(ws, sorted(corpus.glob("*.txt")))  # the articles, not the corpus README
    return ws


def check_gold(rows: list[dict], corpus: Path, min_links: float, min_contradictions: float,
               allowed_traps: set[str] = frozenset()) -> dict:
    """Assert the thresholds against ``corpus/gold.json``; returns the scorer's result."""
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    result = score(rows, gold)
    n_links, n_cons = len(gold["links"]), len(gold["contradictions"])
    assert set(result["violated_traps"]) <= set(allowed_traps), result
    assert n_links - len(result["missed_links"]) >= min_links * n_links, result
    assert n_cons - len(result["missed_contradictions"]) >= min_contradictions * n_cons, result
    return result


def check_every_article_has_claims(corpus: Path) -> None:
    """Every page yields claims and a language, including undated ones and languages without data."""
    from factdesk.core.extract import extract
    from factdesk.core.ingest import read_article

    for path in sorted(corpus.glob("*.txt")):
        art = read_article(path)
        res = extract(art.id, art.text, art.language, art.published)
        assert art.language, path.name
        assert res.claims, path.name


def main(corpus: Path) -> None:  # pragma: no cover - a development aid
    with tempfile.TemporaryDirectory() as tmp:
        ws = import_corpus(corpus, Path(tmp))
        rows = suggestion_rows(ws)
        full = ws.suggestions()
        ws.close()
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    res = score(rows, gold)
    print(json.dumps({"links": f"{len(gold['links']) - len(res['missed_links'])}/{len(gold['links'])}",
                      "contradictions": f"{len(gold['contradictions']) - len(res['missed_contradictions'])}"
                                        f"/{len(gold['contradictions'])}",
                      "suggestions": len(rows), **res}, ensure_ascii=False, indent=1))
    if "-v" in sys.argv:
        for s in sorted(full, key=lambda s: -s["score"])[:int(sys.argv[sys.argv.index("-v") + 1])]:
            print(f"{s['score']:.2f} {s['kind']:13} {s.get('ctype') or ''}")
            print("   ", Path(s["left"]["path"]).name, s["left"]["text"][:110])
            print("   ", Path(s["right"]["path"]).name, s["right"]["text"][:110])
