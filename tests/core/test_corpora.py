"""End to end on the hand-written evaluation corpora in ``tests/data/<name>/`` (see each README).

Each corpus is imported into a fresh workspace and the stored suggestions are scored against its
``gold.json`` with the evaluation scorer's rules. Thresholds are those reached after general fixes,
with room: the corpora are for checking, not for tuning to their own strings. No trap may be violated.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

extract_mod = pytest.importorskip("factdesk.core.extract")
if not hasattr(extract_mod, "extract"):
    pytest.skip("claim extraction is not available", allow_module_level=True)

from corpus_eval import check_every_article_has_claims, check_gold, import_corpus, main, suggestion_rows  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"
CORPORA = [
    ("multilingual", 0.80, 0.60),
    ("blind", 0.95, 0.7),
    ("blind2", 0.95, 0.6),
    ("blind3", 0.75, 0.75),
    ("blind4", 0.75, 0.35),
    ("blind5", 0.9, 0.5),
    ("blind6", 0.8, 0.6),
    ("blind7", 0.55, 0.15),
    ("blind8", 0.85, 0.35),
    ("blind9", 0.6, 0.45),
    ("blind10", 0.6, 0.35),
    ("blind11", 0.6, 0.4),
    ("blind12", 0.6, 0.35),
    ("blind13", 0.6, 0.3),
    ("blind14", 0.6, 0.3),
    ("blind15", 0.6, 0.3),
    ("blind16", 0.6, 0.3),
]
"""(corpus, minimum share of gold links found, minimum share of gold contradictions found)."""


@pytest.mark.parametrize(("corpus", "min_links", "min_contradictions"), CORPORA)
def test_corpus_gold(corpus, min_links, min_contradictions, tmp_path):
    ws = import_corpus(DATA / corpus, tmp_path)
    try:
        rows = suggestion_rows(ws)
    finally:
        ws.close()
    check_gold(rows, DATA / corpus, min_links, min_contradictions)


@pytest.mark.parametrize("corpus", [c for c, _, _ in CORPORA])
def test_every_article_has_claims(corpus):
    check_every_article_has_claims(DATA / corpus)


if __name__ == "__main__":  # pragma: no cover
    main(DATA / sys.argv[1])
