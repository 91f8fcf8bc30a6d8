"""End to end on a hand-written multilingual corpus (en, fr, es, de, pt, it, plus an undescribed nl page).

Four events (an earthquake toll that grows, a flood, an election result, a drone strike with competing
sources), each covered in several languages, with conflicting figures, a wrong date, a quotation credited
to two people, and background figures from earlier events. The gold file was written from the articles
alone. Thresholds leave room: the corpus is for development, not for tuning to its own strings.

Run as a script to print the misses and the top suggestions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

extract_mod = pytest.importorskip("factdesk.core.extract")
if not hasattr(extract_mod, "extract"):
    pytest.skip("claim extraction is not available", allow_module_level=True)

from corpus_eval import check_every_article_has_claims, check_gold, import_corpus, main, suggestion_rows  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "data" / "multilingual"
MIN_LINKS = 0.80
MIN_CONTRADICTIONS = 0.60
KNOWN_TRAPS: set[str] = set()
"""Trap ids this corpus is allowed to violate (none)."""


@pytest.fixture(scope="module")
def corpus_rows(tmp_path_factory):
    ws = import_corpus(CORPUS, tmp_path_factory.mktemp("multilingual"))
    try:
        yield suggestion_rows(ws)
    finally:
        ws.close()


def test_corpus_gold(corpus_rows):
    check_gold(corpus_rows, CORPUS, MIN_LINKS, MIN_CONTRADICTIONS, KNOWN_TRAPS)


def test_every_article_has_claims():
    check_every_article_has_claims(CORPUS)


if __name__ == "__main__":  # pragma: no cover
    main(CORPUS)
