"""Claim extraction: sentences, check-worthy claims and their typed spans.

``extract(article_id, text, language, published)`` never raises. Pipeline:

1. sentences (``sentences.split_sentences``): quote-aware, line by line, with kinds text / heading /
   boilerplate / foreign;
2. date candidates in every sentence, then the article's reference date (publication date, else a full
   date stated in the text, else a weekday + day + month phrase that fits one year), then resolution
   (``dates``);
3. per sentence: quotes, quantities (dates masked), attributions, entities, quote speakers;
4. a sentence with a quantity, a date, a quotation or an attribution is a claim; a sentence with only
   entities is a claim when it names two or more distinct entities (low score); boilerplate lines
   never are, and foreign-script lines only when they carry a quantity or a date;
5. score and reasons (``score``).

Per-language knowledge lives in ``core/data/lang/<code>.json``; names that differ outright across
languages in ``core/data/aliases.json``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..models import Claim, Sentence, Span, claim_id
from .sentences import split_sentences

EXTRACTOR_VERSION = "1.0.0"

__all__ = ["extract", "split_sentences", "EXTRACTOR_VERSION", "ExtractResult"]


@dataclass
class ExtractResult:
    sentences: list[Sentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    language: str | None = None
    """Language used (given, or detected when None/'und')."""
    reference: str | None = None
    """Reference date used for relative dates (ISO), or None."""
    reference_basis: str = ""
    published_marker: str | None = None
    """A ``date YYYY-MM`` marker found at the start of the text, if any."""


def extract(article_id: str, text: str, language: str | None = None, published: str | None = None,
            *, today: dt.date | None = None) -> ExtractResult:
    """Sentences and claims of one article (pure; ``today`` only matters for year guessing)."""
    if not isinstance(text, str):
        try:
            text = "" if text is None else str(text)
        except Exception:
            text = ""
    try:
        from .pipeline import run
        return run(str(article_id or ""), text, language, published, today)
    except Exception:
        try:
            sents = split_sentences(text, language if isinstance(language, str) else None)
        except Exception:
            sents = []
        return ExtractResult(sentences=sents, claims=[], language=language if isinstance(language, str) else None)
