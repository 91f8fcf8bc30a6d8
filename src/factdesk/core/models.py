"""Plain data models shared by every layer: articles, sentences, claims, spans, suggestions.

Every offset is a character offset into the article's stored text (``Article.text``):
``text[claim.start:claim.end] == claim.text`` always holds, and the same for spans.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

SPAN_TYPES = ("quantity", "date", "quote", "attribution", "entity")
"""The typed spans found inside a claim, in display order."""

VERDICTS = (
    "unverified",
    "accurate",
    "mostly-accurate",
    "misleading",
    "inaccurate",
    "disputed",
    "unverifiable",
)
"""The verdict scale an analyst can set on a claim (documented in the README)."""

LINK_RELATIONS = ("same", "supports", "contradicts")
"""How an analyst can link two claims."""

SUGGESTION_KINDS = ("match", "contradiction")


def stable_hash(*parts: str, length: int = 12) -> str:
    """A short, stable hex id from text parts (sha1, NUL-separated)."""
    digest = hashlib.sha1("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:length]


@dataclass(slots=True)
class Article:
    """One imported article; ``text`` is exactly what every offset refers to."""

    id: str
    title: str
    text: str
    path: str
    language: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    encoding: str = "utf-8"
    imported_at: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    word_count: int = 0


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence (or heading / boilerplate line) with its span in the article text."""

    start: int
    end: int
    text: str
    kind: str = "text"
    """``text``, ``heading``, ``boilerplate`` or ``foreign`` (embedded other-script line)."""
    lang: str | None = None
    paragraph: int = 0
    """Zero-based paragraph (block of non-empty lines) the sentence sits in."""


@dataclass(slots=True)
class Span:
    """A typed span inside a claim.

    Fields used by type:
    - quantity: value, qualifier, kind (counted thing), unit
    - date: resolved (ISO date ``2024-02-02``, partial ``2024-02`` or range ``2024-02-02/2024-02-03``),
      granularity, basis
    - quote: speaker
    - attribution: source (display name), key (normalised source key)
    - entity: key (normalised), kind (person|org|place|group|unknown)
    """

    type: str
    start: int
    end: int
    text: str
    value: float | None = None
    kind: str | None = None
    qualifier: str | None = None
    key: str | None = None
    resolved: str | None = None
    granularity: str | None = None
    basis: str | None = None
    speaker: str | None = None
    source: str | None = None
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form: always type/text/start/end, other keys only when set."""
        out: dict[str, Any] = {"type": self.type, "text": self.text, "start": self.start, "end": self.end}
        # unrolled (a claim row holds every span's JSON): same keys, same order as the fields
        if (val := self.value) is not None:
            out["value"] = int(val) if isinstance(val, float) and val.is_integer() else val
        if self.kind is not None:
            out["kind"] = self.kind
        if self.qualifier is not None:
            out["qualifier"] = self.qualifier
        if self.key is not None:
            out["key"] = self.key
        if self.resolved is not None:
            out["resolved"] = self.resolved
        if self.granularity is not None:
            out["granularity"] = self.granularity
        if self.basis is not None:
            out["basis"] = self.basis
        if self.speaker is not None:
            out["speaker"] = self.speaker
        if self.source is not None:
            out["source"] = self.source
        if self.unit is not None:
            out["unit"] = self.unit
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        """Inverse of :meth:`to_dict` (unknown keys ignored)."""
        try:
            return cls(**data)
        except TypeError:  # a key this version does not know
            names = set(cls.__slots__)  # type: ignore[attr-defined]
            return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(slots=True)
class Claim:
    """A check-worthy sentence with its typed spans."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    lang: str | None = None
    paragraph: int = 0
    ordinal: int = 0
    """Position of the claim among the article's claims (0-based)."""

    def spans_of(self, type_: str) -> list[Span]:
        return [s for s in self.spans if s.type == type_]


def claim_id(article_id: str, sentence_text: str, occurrence: int = 0) -> str:
    """Stable claim id: unchanged sentence text in the same article keeps its id across re-extraction.

    ``occurrence`` numbers repeated identical sentences within one article (0 for the first).
    Whitespace is collapsed so cosmetic re-splitting does not change ids.
    """
    norm = " ".join(sentence_text.split())
    return "c" + stable_hash(article_id, norm, str(occurrence), length=11)


@dataclass(slots=True)
class Suggestion:
    """A suggested link (``match``) or candidate ``contradiction`` between two claims."""

    kind: str
    score: float
    left_claim: str
    right_claim: str
    reasons: list[str] = field(default_factory=list)
    ctype: str | None = None
    """For contradictions: ``quantity``, ``date`` or ``attribution``."""
    event: str | None = None
    left_article: str = ""
    right_article: str = ""

    @property
    def id(self) -> str:
        """Stable id from the unordered claim pair and the kind (survives recomputation)."""
        a, b = sorted((self.left_claim, self.right_claim))
        return "s" + stable_hash(a, b, self.kind, length=11)


@dataclass(slots=True)
class Event:
    """A group of claims and articles about one happening (date range, places, actors)."""

    id: str
    label: str
    date_start: str | None = None
    date_end: str | None = None
    places: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
