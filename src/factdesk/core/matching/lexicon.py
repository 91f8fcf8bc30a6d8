"""Per-language news vocabulary mapped to language-neutral concepts.

``data/lexicon.json`` lists, for each concept (``killed``, ``strike``, ``warehouse``, ``iraq`` …),
the words that express it in each supported language. A claim's words are mapped to concepts
(longest phrase first), so "precision munitions" and "munitions de précision" both become
``{munitions, precision}`` and can be compared across languages. Words that map to no concept and
are not stopwords are kept as folded residual tokens (names, cognates, numbers).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate

_ELISIONS = ("l'", "d'", "qu'", "j'", "n'", "s'", "c'", "m'", "t'", "lorsqu'", "jusqu'", "puisqu'",
             # Italian articulated prepositions and articles before a vowel: dell'esercito, nell'area
             "dell'", "nell'", "all'", "dall'", "sull'", "coll'", "un'", "quest'", "quell'")
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:[.'\-][a-z0-9]+)*")
_RAW_SPLIT_RE = re.compile(r"([^\W_]++(?:[.'\-][^\W_]++)*+)")
"""A raw token (letters and digits, joined by ``.``, ``'`` or ``-``), captured so that splitting on it
alternates gaps and tokens. The greedy match never needs to backtrack, so the quantifiers are
possessive: the same tokens, found with less work."""
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-"})
MAX_PHRASE = 5
_NOTHING: tuple = (None, (), (), ())
"""What a stopword (or a short unknown token) contributes outside a phrase: no phrase, concept, residual or
general word."""


_COMBINING = {cp: None for cp in range(0x300, 0x370)}
_COMBINING.update({cp: None for cp in range(0x1AB0, 0x1B00)})
_COMBINING.update({cp: None for cp in range(0x1DC0, 0x1E00)})
_COMBINING.update({cp: None for cp in range(0x20D0, 0x2100)})
_COMBINING.update({cp: None for cp in range(0xFE20, 0xFE30)})
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"})


# ``str.translate`` with a dict costs a lookup per character: only run it when a mapped character is present.
_APOSTROPHE_CHARS = re.compile("[" + re.escape("".join(chr(k) for k in _APOSTROPHES)) + "]")
_FOLD_TABLE = {**_APOSTROPHES, **_SPECIAL}
_FOLD_CHARS = re.compile("[" + re.escape("".join(chr(k) for k in _FOLD_TABLE)) + "]")
_COMBINING_RE = re.compile("[" + "".join(f"{chr(a)}-{chr(b - 1)}" for a, b in (
    (0x300, 0x370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100), (0xFE20, 0xFE30))) + "]")


def fold(text: str) -> str:
    """Lowercase, strip accents, unify apostrophes and hyphens (``ß`` → ``ss``)."""
    if text.isascii():
        return (text.replace("`", "'") if "`" in text else text).lower()
    if _FOLD_CHARS.search(text):
        # the apostrophe and special-letter tables map disjoint characters to ASCII: one pass does both
        text = text.translate(_FOLD_TABLE)
        if text.isascii():
            return text.lower()
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text)).lower()


def tokens(text: str) -> list[str]:
    """Folded word tokens with French/Italian elisions removed (``l'attaque`` → ``attaque``)."""
    out = []
    for tok in _TOKEN_RE.findall(fold(text)):
        out.append(tok)
    return out


def _strip_elision(tok: str) -> str:
    """``tok`` without a leading elision (``l'attaque``, ``dell'esercito``) or a trailing English
    possessive (``iran's``)."""
    if tok.endswith("'s") and len(tok) > 4:
        return tok[:-2]
    for el in _ELISIONS:
        if tok.startswith(el) and len(tok) > len(el):
            return tok[len(el) :]
    return tok


@dataclass(slots=True)
class Mapped:
    """A text mapped through the lexicon."""

    concepts: list[str]
    """Concept ids in text order (repeats kept)."""
    residual: list[str]
    """Folded tokens that are neither concepts nor stopwords (names, cognates, numbers)."""
    positions: list[tuple[int, str]]
    """``(character offset in the text, concept)`` for each concept hit, for proximity questions."""
    general_words: list[str] = field(default_factory=list)
    """Folded words (not stopwords) whose every concept is of type ``general`` (open, late, door …):
    the fuzzy wording comparison keeps seeing these words rather than their concepts, so that mapping
    common words changes what is compared across languages, not how alike two wordings look."""


class Lexicon:
    """The concept lexicon with fast per-language lookup tables."""

    def __init__(self, data: dict) -> None:
        self.weights: dict[str, float] = dict(data.get("weights", {}))
        self.types: dict[str, str] = {}
        self.languages: set[str] = set()
        # per language: exact token tuple -> concepts; prefix -> concepts (single token only)
        self._exact: dict[str, dict[tuple[str, ...], set[str]]] = {}
        self._prefix: dict[str, dict[str, set[str]]] = {}
        self._prefix_lens: dict[str, list[int]] = {}
        self._stop: dict[str, frozenset[str]] = {}
        self._case: dict[str, str] = dict(data.get("case_sensitive", {}))
        for concept, entry in data["concepts"].items():
            self.types[concept] = entry.get("type", "abstract")
            for lang, terms in entry.items():
                if lang == "type":
                    continue
                self.languages.add(lang)
                exact = self._exact.setdefault(lang, {})
                prefix = self._prefix.setdefault(lang, {})
                for term in terms.split("|"):
                    term = term.strip()
                    if not term:
                        continue
                    if term.endswith("*"):
                        stem = fold(term[:-1])
                        if " " in stem:
                            # prefix only applies to the last word of a phrase
                            words = [_strip_elision(t) for t in stem.split()]
                            exact.setdefault(tuple(words), set()).add(concept)
                            continue
                        prefix.setdefault(stem, set()).add(concept)
                    else:
                        words = tuple(_strip_elision(t) for t in _TOKEN_RE.findall(fold(term)))
                        if words:
                            exact.setdefault(words, set()).add(concept)
                        raw = fold(term)
                        if "'" in raw and " " not in raw:
                            exact.setdefault((raw,), set()).add(concept)
        self._cache: dict[str, dict[str, frozenset[str] | None]] = {}
        self._tokinfo: dict[str, dict[str, tuple]] = {}
        """Per language: token -> :meth:`_token_info`."""
        self._phrase_max = {lang: max((len(k) for k in ex), default=1) for lang, ex in self._exact.items()}
        # first word of every multi-word phrase -> (the phrase lengths starting with it, longest
        # first; the words that follow it in those phrases)
        self._starts: dict[str, dict[str, tuple[tuple[int, ...], frozenset[str]]]] = {}
        for lang, ex in self._exact.items():
            sizes: dict[str, set[int]] = {}
            seconds: dict[str, set[str]] = {}
            for key in ex:
                if len(key) > 1:
                    sizes.setdefault(key[0], set()).add(len(key))
                    seconds.setdefault(key[0], set()).add(key[1])
            self._starts[lang] = {w: (tuple(sorted(v, reverse=True)), frozenset(seconds[w])) for w, v in sizes.items()}
        for lang, prefix in self._prefix.items():
            self._prefix_lens[lang] = sorted({len(p) for p in prefix}, reverse=True)
        for lang, words in data.get("stopwords", {}).items():
            self._stop[lang] = frozenset(fold(w) for w in words.split("|"))
        self._all_stop = frozenset().union(*self._stop.values()) if self._stop else frozenset()
        self.place_concepts = frozenset(c for c, t in self.types.items() if t == "place")
        """Concepts of type ``place`` (countries, regions …)."""
        self.general_concepts = frozenset(c for c, t in self.types.items() if t == "general")
        """Concepts of type ``general`` (common verbs, adjectives and nouns: open, late, door …)."""

    def weight(self, concept: str) -> float:
        return self.weights.get(self.types.get(concept, "abstract"), 1.0)

    def guess_language(self, toks: list[str]) -> str | None:
        """Stopword vote among the lexicon's languages (None when undecided)."""
        best, best_n, second = None, 0, 0
        for lang, stop in self._stop.items():
            n = sum(1 for t in toks if t in stop)
            if n > best_n:
                best, best_n, second = lang, n, best_n
            elif n > second:
                second = n
        if best_n >= 2 and best_n > second:
            return best
        return None

    def _lookup_token(self, tok: str, lang: str) -> frozenset[str] | None:
        cache = self._cache.setdefault(lang, {})
        try:
            return cache[tok]
        except KeyError:
            pass
        found: frozenset[str] | None = None
        exact = self._exact.get(lang, {})
        hit = exact.get((tok,))
        if hit:
            found = frozenset(hit)
        else:
            prefix = self._prefix.get(lang, {})
            for n in self._prefix_lens.get(lang, ()):
                if n <= len(tok):
                    hit = prefix.get(tok[:n])
                    if hit:
                        found = frozenset(hit)
                        break
        if len(cache) < 200_000:
            cache[tok] = found
        return found

    def _token_info(
        self, tok: str, lang: str, stop: frozenset[str]
    ) -> tuple[tuple[tuple[int, ...], frozenset[str]] | None, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """What one token contributes outside a phrase: ``(phrases starting with it (see
        ``_starts``), concepts in order, residual tokens, general words)`` — the single-token rules
        of :meth:`map_text`, cached per language."""
        phrases = self._starts.get(lang, {}).get(tok)
        concepts: list[str] = []
        residual: list[str] = []
        words: list[str] = []
        general = self.general_concepts
        hit = self._lookup_token(tok, lang)
        if hit is None and "-" in tok:
            parts = [p for p in tok.split("-") if p]
            sub_hits = [self._lookup_token(p, lang) for p in parts]
            if any(sub_hits):
                for p, h in zip(parts, sub_hits):
                    if h:
                        concepts.extend(sorted(h))
                        if h <= general and p not in stop and len(p) > 2:
                            words.append(p)
                    elif p not in stop and len(p) > 2:
                        residual.append(p)
                got = (phrases, tuple(concepts), tuple(residual), tuple(words))
                return self._remember(tok, lang, got)
        if hit:
            concepts.extend(sorted(hit))
            if hit <= general and tok not in stop and len(tok) > 2:
                words.append(tok)
        elif tok not in stop and (len(tok) > 2 or tok.isdigit()):
            residual.append(tok)
        return self._remember(tok, lang, (phrases, tuple(concepts), tuple(residual), tuple(words)))

    def _remember(self, tok: str, lang: str, got: tuple) -> tuple:
        if got == _NOTHING:
            got = _NOTHING  # one shared object, so that :meth:`map_text` skips such tokens by identity
        info = self._tokinfo.setdefault(lang, {})
        if len(info) < 200_000:
            info[tok] = got
        return got

    def map_text(self, text: str, lang: str | None = None) -> Mapped:
        """Map ``text`` to concepts (longest phrase first) and residual tokens."""
        # the only ASCII character to unify is the backtick: most texts need no regex scan
        if (not text.isascii() or "`" in text) and _APOSTROPHE_CHARS.search(text):
            text = text.translate(_APOSTROPHES)
        # one regex pass: splitting on a captured token alternates gaps and tokens, so a token's
        # offset is the summed length of everything before it
        parts = _RAW_SPLIT_RE.split(text)
        raw_tokens = parts[1::2]
        offsets = list(accumulate(map(len, parts)))[0:-1:2]
        joined = fold("\x00".join(raw_tokens))
        folded = joined.split("\x00") if raw_tokens else []
        if len(folded) != len(raw_tokens):
            folded = [fold(t) for t in raw_tokens]
            joined = "\x00".join(folded)
        if lang not in self._exact:
            lang = self.guess_language([_strip_elision(t) for t in folded]) or "en"
        stop = self._stop.get(lang, self._all_stop)
        exact = self._exact.get(lang, {})
        if "'" in joined:
            toks = [tok if "'" not in tok or (tok,) in exact else _strip_elision(tok) for tok in folded]
        else:
            toks = folded
        case = self._case
        case_hits: dict[int, str] = {}
        if not case.keys().isdisjoint(raw_tokens):
            case_hits = {i: case[raw] for i, raw in enumerate(raw_tokens) if raw in case}
        concepts: list[str] = []
        positions: list[tuple[int, str]] = []
        residual: list[str] = []
        words: list[str] = []
        general = self.general_concepts
        n = len(toks)
        info = self._tokinfo.setdefault(lang, {})
        resume = 0  # first token after the last phrase matched
        for i, tok in enumerate(toks):
            if i < resume:
                continue
            if case_hits and i in case_hits:
                concepts.append(case_hits[i])
                positions.append((offsets[i], case_hits[i]))
                continue
            got = info.get(tok)
            if got is None:
                got = self._token_info(tok, lang, stop)
            elif got is _NOTHING:
                continue
            phrases, tok_concepts, tok_residual, tok_words = got
            if phrases is not None and i + 1 < n and toks[i + 1] in phrases[1]:
                # longest phrase first; only lengths of phrases that start with this word (and go
                # on with the next one) can hit
                for size in phrases[0]:
                    if size <= n - i:
                        hit = exact.get(tuple(toks[i : i + size]))
                        if hit:
                            off = offsets[i]
                            for c in sorted(hit):
                                concepts.append(c)
                                positions.append((off, c))
                            if hit <= general:
                                words.extend(t for t in toks[i : i + size] if t not in stop and len(t) > 2)
                            resume = i + size
                            break
                if resume > i:
                    continue
            if tok_concepts:
                off = offsets[i]
                for c in tok_concepts:
                    concepts.append(c)
                    positions.append((off, c))
            if tok_residual:
                residual.extend(tok_residual)
            if tok_words:
                words.extend(tok_words)
        return Mapped(concepts, residual, positions, words)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon (loaded once)."""
    text = resources.files("factdesk.core.data").joinpath("lexicon.json").read_text(encoding="utf-8")
    return Lexicon(json.loads(text))
