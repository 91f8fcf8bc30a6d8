"""Per-language knowledge, loaded from ``core/data/lang/<code>.json`` once and compiled lazily.

A language file is plain data; adding a language means adding a file. Keys (all optional
except ``lang``; missing keys simply disable the feature for that language):

``stopwords``            frequent function words, used for the language vote.
``abbreviations``        tokens (lower case, without the final dot) after which ``.`` does not end a sentence.
``months`` / ``weekdays``  name -> month number (1-12) / weekday number (Monday = 0).
``months_capitalized``   month and weekday names only count when capitalised (English).
``ambiguous_months``     month names that are also common words ("may", "mars"): need a date context.
``short_weekdays``       abbreviations only accepted inside a full date ("Fri, Feb 2").
``dates``                date grammar words: numeric order (``mdy``/``dmy``), day suffix regex, span
                         prefixes, last/next words before or after a weekday, relative days and periods,
                         month parts (early/mid/late), night-of and range words, ``future_cues``
                         (regex fragments: a cue earlier in a weekday's clause — "will", "until",
                         "hasta", "visitará" — makes the weekday the next one, not the last one),
                         ``upcoming_cues`` (with the future cues: a day + month later than the reference
                         stays in its year: "the next meeting is scheduled for June 5"), times of day
                         around a weekday (``day_parts_before`` / ``day_parts_after`` /
                         ``weekday_compounds``: "Monday evening", "Montagabend") and ``night_to`` (a
                         night named by its morning: "in der Nacht zum Sonntag").
``numbers``              number words (fed to ``text2num``), ``one_words`` (counted only in a clear count
                         context), joiners, scale words (million...), approximate words (dozens...; a null
                         qualifier for exact ones: "half a million"), decimal mark, ``half_after`` ("and a
                         half", "et demi": +0.5 after a number or its unit), ``year_units`` / ``month_units``
                         (duration words joined in "seven years and six months").
``qualifiers`` / ``qualifiers_after``  cue phrases before/after a number for each qualifier.
``kind_nouns``           counted-thing words for each quantity kind (see ``numbers.KINDS``).
``kind_verbs``           casualty/arrest/... verbs; the verb wins over a person noun.
``nouns_capitalized``    true where every common noun is capitalised (German): a lone capitalised
                         word that names a lexicon concept, a counted thing or ends like a noun is no name.
``noun_suffixes``        endings of common nouns, for ``nouns_capitalized``.
``noun_cues``            words after which a lone capitalised word is a common noun, with the
                         determiners ("im", "ums", "keine": "ums Leben", "keine Gefahr").
``currency``             currency words and signs -> ISO code.
``age_before`` / ``age_after``  age cues ("aged", "81-year-old", "âgé de ... ans").
``id_cues``              words before a number that make it an identifier ("Resolution 2254", "kilomètre 160").
``attribution``          verbs, ``told`` verbs (take a conduit), prepositions ("according to"), source nouns,
                         non-source nouns ("schedule"), pronouns, NP stop words and determiners, and
                         ``role_suffixes`` (endings of compound role words: "Finanzvorstand", "Einsatzleiter"),
                         ``inverted_verbs`` (verbs of speech only right after a quote: "», a lancé X").
``boilerplate``          regexes (case-insensitive) matching site furniture lines.
``titles``               titles and roles stripped from person names.
``place_cues`` / ``org_words`` / ``place_words``  entity kind cues.
``nationalities`` + ``adj_suffixes``  adjective stem -> country key (aliases.json keys).
``stop_caps``            capitalised words that are never entities on their own.
``name_particles``       lower-case words inside personal names ("van", "de", "der": "Peter van der Berg").
``org_anaphora``         nouns standing for an organisation named earlier ("the company", "l'entreprise"):
                         definite ``determiners``, ``company`` and ``group`` head nouns, ``compound``
                         (company nouns also end compounds: "Familienunternehmen"), ``after_stop``
                         (words after which the noun is no reference: "the group of") and ``firm_words``
                         (words that make a name a firm's: "Group", "GmbH"); see ``extract.anaphora``.
``venue_cues``           regexes of the phrases that bring in where a happening took place (``past``:
                         "took place at", "se realizó en"), will take place (``future``: "se tiendra
                         à") or came from (``from``: "en provenance de"); the place follows.
``unit_scales``          for ``area`` and ``distance``, each unit word -> its size in hectares / kilometres
                         (figures in two units are compared in one: "20,700 acres" / "8.400 hectares").
``act_verbs``            verbs of an act a named actor does that is news in itself ("ordered", "a
                         revendiqué", "trat zurück"): with one name, such a sentence is a claim.
``function_words``       adverbs, prepositions and pronouns beyond the stopwords ("dort", "há", "parmi"):
                         capitalised to open a sentence, never a name (see ``common_words``).
``timestamp_words``      words of a page's publication line besides its dates and times ("Updated",
                         "Publié le", "Uhr", "Aggiornato alle"): a line with nothing else is no claim.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LANG_DIR = DATA_DIR / "lang"

WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
"""A word: letters, with inner apostrophes or hyphens (no digits)."""


@lru_cache(maxsize=None)
def available_languages() -> tuple[str, ...]:
    try:
        return tuple(sorted(p.stem for p in LANG_DIR.glob("*.json")))
    except OSError:  # pragma: no cover - broken install
        return ()


@lru_cache(maxsize=None)
def raw(lang: str) -> dict[str, Any]:
    """The raw JSON dict of a language ({} when there is no file)."""
    if not lang or not re.fullmatch(r"[a-z]{2,3}", lang):
        return {}
    path = LANG_DIR / f"{lang}.json"
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _piece(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch in "'’":
        return "['’]"
    if ch in "-–":
        return r"[\-–‑]\s*"
    return re.escape(ch)


def trie_regex(phrases: Iterable[str]) -> str:
    """An alternation of literal phrases as a prefix-trie regex (fast with many phrases).

    Spaces match any whitespace run, apostrophes match ' or ’, hyphens match -, – or a
    non-breaking hyphen. Returns a non-capturing group, or a never-matching pattern.
    """
    trie: dict = {}
    count = 0
    for p in phrases:
        p = " ".join(str(p).lower().split())
        if not p:
            continue
        node = trie
        for ch in p:
            key = _piece(ch)
            node = node.setdefault(key, {})
        node[""] = {}
        count += 1
    if not count:
        return r"(?!x)x"

    def emit(node: dict) -> str:
        end = "" in node
        alts = [k + emit(v) for k, v in node.items() if k != ""]
        if not alts:
            return ""
        if len(alts) == 1 and not end:
            return alts[0]
        body = "(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")"
        return body + "?" if end else body

    return "(?:" + emit(trie) + ")"


CASELESS_CHARS = "\x00-\xb4\xb6-\u012f\u0132-\u017e\u0180-\u024f\u2000-\u206f\u20a0-\u20cf"
"""Character ranges (ASCII, Latin-1, Latin Extended-A/B, general punctuation, currency signs; minus
µ, İ, ı and ſ) where case-insensitive matching is plain lower-casing: for characters ``c`` and ``l``
of these ranges, ``re.I`` matches ``c`` against the literal ``l`` exactly when ``c.lower() ==
l.lower()``; ``c.lower()`` is one character, and ``\\s``, ``\\w`` and ``\\d`` hold for it
exactly when they hold for ``c``. Outside them ``re.I`` has its own rules (``ı`` matches ``i``, ``ſ``
matches ``s``, ``İ`` lower-cases to two characters)."""
_NOT_CASELESS_RE = re.compile("[^" + CASELESS_CHARS + "]")


_UNSEEN: Any = object()
_CASELESS: dict[str, str | None] = {}
"""Recent results of ``caseless``: a sentence is probed by the splitter, the date pass and the
span passes, each time with the same string."""


def caseless(text: str) -> str | None:
    """``text.lower()`` when ``text`` only holds ``CASELESS_CHARS`` (so a case-sensitive search of a
    ``CaselessProbe`` in it is exact), else None."""
    got = _CASELESS.get(text, _UNSEEN)
    if got is not _UNSEEN:
        return got
    got = text.lower() if _NOT_CASELESS_RE.search(text) is None else None
    if len(text) <= 4000:
        if len(_CASELESS) >= 512:
            _CASELESS.clear()
        _CASELESS[text] = got
    return got


_ESCAPE_RE = re.compile(r"\\(.)", re.S)
_PLAIN_ESCAPES = frozenset("sSdDwWbB" + "tnrvf \t\n\r\v\f" + "".join(c for c in map(chr, range(33, 127)) if not c.isalnum() and c != "\\"))
"""Escapes a lowered pattern may hold: the character classes and their negations, whose test gives the
same answer on a character and on its lower case; white space (``\\t``, or as ``re.escape`` writes
it) and escaped ASCII punctuation, which are literals."""


def _bare(pattern: str) -> str:
    """``pattern`` with each escape of ``_PLAIN_ESCAPES`` (read left to right, so ``\\\\s`` is an
    escaped backslash, then ``s``) replaced by ``0``; other escapes are left in."""
    return _ESCAPE_RE.sub(lambda m: "0" if m.group(1) in _PLAIN_ESCAPES else m.group(), pattern)


_FLAG_GROUP_RE = re.compile(r"\(\?(?![:=!]|<[=!])")


def _class_range(bare: str) -> bool:
    """True when a bracketed class of ``bare`` (a pattern with no escapes left) may hold a range,
    or a bracket is left open."""
    start = -1  # index of the first item of the open class, -1 outside a class
    for i, ch in enumerate(bare):
        if start < 0:
            if ch == "[":
                start = i + 2 if bare[i + 1:i + 2] == "^" else i + 1
        elif ch == "]" and i > start:
            start = -1
        elif ch == "-" and i > start and bare[i + 1:i + 2] != "]":
            return True
    return start >= 0


def lowered_regex(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` (written for ``re.I``) compiled to run case-sensitively on ``caseless`` texts,
    where it matches exactly what it matches with ``re.I`` in the original text; None when that is
    not certain.

    Certain when, besides character-class escapes (``\\s``, ``\\w``, ``\\d``, ``\\b`` and their
    negations) and escaped ASCII punctuation (``\\.``), the pattern only holds lower-case
    ``CASELESS_CHARS``, with no other escape, no inline flag or named group, and no range inside
    brackets: every character test then gives the same answer on a character and on its lower case.
    """
    bare = _bare(pattern)  # "0" stands for any such escape
    if ("\\" in bare or bare != bare.lower() or _NOT_CASELESS_RE.search(bare) is not None
            or _FLAG_GROUP_RE.search(bare) or _class_range(bare)):
        return None
    return re.compile(pattern)


class CaselessProbe:
    """Whether a case-insensitive pattern occurs in a text.

    A case-insensitive search has to try every position; a case-sensitive one skips straight to
    the possible first letters, several times faster. So when that is exact the probe searches
    the lowered text (``caseless(text)``, when the text only holds ``CASELESS_CHARS``) without
    ``re.I``; otherwise it searches the text with ``re.I``.
    """

    def __init__(self, pattern: str, lowered_rx: re.Pattern[str] | None):
        self.rx = re.compile(pattern, re.I)
        self.lowered_rx = lowered_rx  # the pattern for lowered texts, None when not exact

    def search(self, text: str, low: str | None) -> bool:
        """True when the pattern occurs in ``text``; ``low`` is ``caseless(text)``."""
        if low is not None and self.lowered_rx is not None:
            return self.lowered_rx.search(low) is not None
        return self.rx.search(text) is not None

    def search_at(self, text: str, low: str | None, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``Pattern.search(text, pos, endpos)`` with ``re.I``: the match (of ``low`` when that was
        searched, with the same span); ``low`` is ``caseless(text)``."""
        end = len(text) if endpos is None else endpos
        if low is not None and self.lowered_rx is not None:
            return self.lowered_rx.search(low, pos, end)
        return self.rx.search(text, pos, end)

    def match_at(self, text: str, low: str | None, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``Pattern.match(text, pos, endpos)`` with ``re.I``, as ``search_at``."""
        end = len(text) if endpos is None else endpos
        if low is not None and self.lowered_rx is not None:
            return self.lowered_rx.match(low, pos, end)
        return self.rx.match(text, pos, end)


def phrase_probe(phrases: Iterable[str], tail: str = "") -> CaselessProbe:
    """A probe for the phrases (spelt as ``trie_regex`` does), each followed by ``tail``: a condition
    written without letters (``(?![^\\W\\d])``)."""
    phrases = [str(p) for p in phrases]
    body = trie_regex(phrases) + tail
    exact = all(_NOT_CASELESS_RE.search(p) is None for p in phrases)
    return CaselessProbe(body, re.compile(body) if exact else None)


def regex_probe(pattern: str) -> CaselessProbe:
    """A probe for a regular expression written for ``re.I``."""
    return CaselessProbe(pattern, lowered_regex(pattern))


def finditer_at(rx: re.Pattern[str], text: str, starts: re.Pattern[str] | None, lowered: str | None) -> Iterator[re.Match[str]]:
    """The matches of ``rx.finditer(text)`` (``rx`` never matches an empty string), found faster.

    ``starts`` is a case-sensitive pattern that matches the lowered text wherever a match of
    ``rx`` may start (``lowered`` = ``caseless(text)``). A case-insensitive pattern tries all its
    alternatives at every word; ``starts`` skips quickly to the few places worth it, and ``rx``
    only runs there. Plain ``finditer`` when ``starts`` or ``lowered`` is None.
    """
    if lowered is None or starts is None:
        yield from rx.finditer(text)
        return
    pos = 0
    while (c := starts.search(lowered, pos)) is not None:
        m = rx.match(text, c.start())
        if m is None:
            pos = c.start() + 1  # the next place may start inside this one
        else:
            yield m
            pos = m.end()  # where finditer resumes


def phrase_re(phrases: Iterable[str], *, left: bool = True, right: bool = True, flags: int = re.I) -> re.Pattern[str]:
    """Compiled phrase alternation with word boundaries on the chosen sides."""
    body = trie_regex(phrases)
    return re.compile(("(?<![\\w])" if left else "") + body + ("(?![\\w])" if right else ""), flags)


def _lower_list(v: Any) -> list[str]:
    return [str(x).lower() for x in v] if isinstance(v, list) else []


def _token_table(mapping: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for kind, words in mapping.items():
        for w in words:
            toks = tuple(t for t in re.split(r"\s+", str(w).lower().replace("’", "'")) if t)
            if toks and toks not in out:
                out[toks] = kind
    return out


class Lang:
    """Compiled knowledge for one language (built once per process per language)."""

    def __init__(self, code: str, data: dict[str, Any]):
        self.code = code
        self.data = data
        self.stopwords = frozenset(_lower_list(data.get("stopwords")))
        self.abbreviations = frozenset(a.rstrip(".") for a in _lower_list(data.get("abbreviations")))
        self.months: dict[str, int] = {k.lower(): int(v) for k, v in (data.get("months") or {}).items()}
        self.weekdays: dict[str, int] = {k.lower(): int(v) for k, v in (data.get("weekdays") or {}).items()}
        self.capitalized = bool(data.get("months_capitalized"))
        self.ambiguous_months = frozenset(_lower_list(data.get("ambiguous_months")))
        self.short_weekdays = frozenset(_lower_list(data.get("short_weekdays")))
        self.dates: dict[str, Any] = data.get("dates") or {}
        num = data.get("numbers") or {}
        self.number_words = frozenset(_lower_list(num.get("words")))
        self.one_words = frozenset(_lower_list(num.get("one_words")))
        self.joiners = frozenset(_lower_list(num.get("joiners")))
        self.scales: dict[str, float] = {k.lower(): float(v) for k, v in (num.get("scales") or {}).items()}
        self.approx: dict[tuple[str, ...], tuple[float, str | None]] = {}
        for k, v in (num.get("approx") or {}).items():
            try:
                self.approx[tuple(k.lower().replace("’", "'").split())] = (float(v[0]), str(v[1]) if v[1] else None)
            except (TypeError, ValueError, IndexError):
                continue
        self.decimal = str(num.get("decimal") or ".")
        self.half_after = tuple(tuple(h.replace("’", "'").split()) for h in _lower_list(num.get("half_after")))
        self.year_units = frozenset(_lower_list(num.get("year_units")))
        self.month_units = frozenset(_lower_list(num.get("month_units")))
        self.qualifiers: dict[str, list[str]] = {k: _lower_list(v) for k, v in (data.get("qualifiers") or {}).items()}
        self.qualifiers_after: dict[str, list[str]] = {k: _lower_list(v) for k, v in (data.get("qualifiers_after") or {}).items()}
        self.kind_nouns = _token_table(data.get("kind_nouns") or {})
        self.nouns_capitalized = bool(data.get("nouns_capitalized"))
        self.noun_suffixes = tuple(_lower_list(data.get("noun_suffixes")))
        self.noun_cues = frozenset(_lower_list(data.get("noun_cues")))
        self.kind_verbs = _token_table(data.get("kind_verbs") or {})
        self.currency: dict[str, str] = {k.lower(): str(v) for k, v in (data.get("currency") or {}).items()}
        self.age_before = _lower_list(data.get("age_before"))
        self.age_after = _lower_list(data.get("age_after"))
        self.age_after_requires_before = bool(data.get("age_after_requires_before"))
        self.id_cues = frozenset(c.rstrip(".") for c in _lower_list(data.get("id_cues")))
        self.ordinal_words = frozenset(_lower_list(data.get("ordinal_words")))
        att = data.get("attribution") or {}
        self.att_verbs = _lower_list(att.get("verbs"))
        self.att_told = _lower_list(att.get("told"))
        self.att_inverted = _lower_list(att.get("inverted_verbs"))
        self.att_preps = _lower_list(att.get("preps"))
        self.source_nouns = frozenset(_lower_list(att.get("source_nouns")))
        self.non_sources = frozenset(_lower_list(att.get("non_sources")))
        self.pronouns = frozenset(_lower_list(att.get("pronouns")))
        self.np_stop = frozenset(_lower_list(att.get("np_stop")))
        self.determiners = frozenset(d.replace("’", "'") for d in _lower_list(att.get("determiners")))
        self.titles = _lower_list(data.get("titles"))
        self.place_cues = _lower_list(data.get("place_cues"))
        self.org_words = frozenset(_lower_list(data.get("org_words")))
        self.place_words = frozenset(_lower_list(data.get("place_words")))
        self.stop_caps = frozenset(_lower_list(data.get("stop_caps")))
        self.name_particles = frozenset(_lower_list(data.get("name_particles")))
        self.month_prefix_words = frozenset(_lower_list(data.get("month_prefix_words")))
        suffixes = _lower_list(data.get("adj_suffixes")) or [""]
        self.nationalities: dict[str, str] = {}
        for stem, key in (data.get("nationalities") or {}).items():
            for suf in suffixes:
                self.nationalities.setdefault(stem.lower() + suf, str(key))
        self._compiled: dict[str, Any] = {}

    # compiled patterns are built on first use, then cached on the instance
    def rx(self, name: str) -> Any:
        got = self._compiled.get(name)
        if got is None:
            got = self._compiled[name] = getattr(self, "_build_" + name)()
        return got

    def _build_venue(self) -> re.Pattern[str] | None:
        """One pattern for every venue phrase; the name of the group that matched is the relation."""
        groups = []
        for rel, pats in (self.data.get("venue_cues") or {}).items():
            # an apostrophe is written either way ("s'est", "s’est")
            pats = [p.replace("'", "['’]") if "’" not in p else p for p in pats]
            try:
                re.compile("|".join(pats))
            except re.error:
                continue
            if str(rel).isidentifier() and pats:
                groups.append(f"(?P<{rel}>" + "|".join(pats) + ")")
        return re.compile(r"(?<![\w])(?:" + "|".join(groups) + r")\s+", re.I) if groups else None

    def _build_boilerplate(self) -> list[re.Pattern[str]]:
        out = []
        for pat in self.data.get("boilerplate") or []:
            try:
                out.append(re.compile(pat, re.I))
            except re.error:
                continue
        return out

    def _build_qual_before(self) -> re.Pattern[str]:
        pairs = [(p, k) for k, ps in self.qualifiers.items() for p in ps]
        self._qual_map = {" ".join(p.replace("’", "'").split()): k for p, k in pairs}
        return re.compile("(?<![\\w])(" + trie_regex(p for p, _ in pairs) + r")[\s\xa0]*$", re.I)

    def _build_qual_after(self) -> re.Pattern[str]:
        pairs = [(p, k) for k, ps in self.qualifiers_after.items() for p in ps]
        self._qual_after_map = {" ".join(p.replace("’", "'").split()): k for p, k in pairs}
        return re.compile(r"^[\s\xa0]*(" + trie_regex(p for p, _ in pairs) + ")(?![\\w])", re.I)

    def qualifier_for(self, phrase: str, after: bool = False) -> str | None:
        self.rx("qual_after" if after else "qual_before")
        table = self._qual_after_map if after else self._qual_map
        return table.get(" ".join(phrase.lower().replace("’", "'").split()))

    def _build_att_verbs(self) -> re.Pattern[str]:
        return phrase_re(self.att_verbs + self.att_told)

    def _build_att_preps(self) -> re.Pattern[str]:
        return phrase_re(self.att_preps)

    def _build_act_verbs(self) -> re.Pattern[str] | None:
        words = _lower_list(self.data.get("act_verbs"))
        return phrase_re(words) if words else None

    def _build_titles(self) -> re.Pattern[str]:
        return re.compile("^(?:" + trie_regex(self.titles) + r"\.?[\s,]+)+", re.I)


_FALLBACK = "en"


@lru_cache(maxsize=None)
def get(lang: str | None) -> Lang:
    """The compiled data for ``lang``; an empty Lang (digits and ISO dates only) when unknown."""
    code = (lang or "").lower().split("-")[0].split("_")[0]
    data = raw(code)
    return Lang(code or "und", data)


@lru_cache(maxsize=None)
def all_langs() -> tuple[Lang, ...]:
    return tuple(get(c) for c in available_languages())


@lru_cache(maxsize=None)
def calendar_words(code: str | None = None) -> frozenset[str]:
    """Lower-case month and weekday names, and weekdays compounded with a time of day
    ("freitagabend"), of one language (of every language with ``None``)."""
    out: set[str] = set()
    for lg in (get(code),) if code else all_langs():
        out.update(lg.months)
        out.update(lg.weekdays)
        comps = [str(x).lower() for x in (lg.dates.get("weekday_compounds") or []) if x]
        out.update(w + c for w in lg.weekdays for c in comps)
    return frozenset(out)


def unit_scale(code: str | None, kind: str | None, unit: str | None) -> float | None:
    """Size of one ``unit`` of a ``kind`` of measure (``area`` in hectares, ``distance`` in
    kilometres) in language ``code``, else in any language that knows the unit word; None if unknown."""
    if not unit or not kind:
        return None
    word = unit.lower()
    got = (get(code).data.get("unit_scales") or {}).get(kind, {}).get(word)
    if got is None:
        got = _unit_scales_all().get((kind, word))
    return float(got) if isinstance(got, (int, float)) and got > 0 else None


@lru_cache(maxsize=None)
def _unit_scales_all() -> dict[tuple[str, str], float]:
    out: dict[tuple[str, str], float] = {}
    for lg in all_langs():
        for kind, table in (lg.data.get("unit_scales") or {}).items():
            for word, size in table.items():
                out.setdefault((kind, str(word).lower()), size)
    return out


_COMMON_KEYS = ("stopwords", "function_words", "qualifiers", "qualifiers_after", "kind_nouns", "act_verbs",
                "timestamp_words", "ordinal_words")


@lru_cache(maxsize=None)
def common_words() -> frozenset[str]:
    """Lower-case words of every language's function words, qualifiers, counted nouns, act verbs
    and calendar: a capitalised one opening a sentence ("Près de", "Among", "Hospitals") is no name."""
    out: set[str] = set(calendar_words())

    def walk(v: Any) -> None:
        if isinstance(v, str):
            out.update(w.lower() for w in WORD_RE.findall(v) if len(w) >= 2)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)

    for lg in all_langs():
        for key in _COMMON_KEYS:
            walk(lg.data.get(key))
    return frozenset(out)


@lru_cache(maxsize=None)
def timestamp_words() -> frozenset[str]:
    """Lower-case words of publication lines in every language, with month and weekday names: a
    page's header may be in any of them ("Publié le 08/10/2025 à 09h02", "06.11.2025, 19:12 Uhr")."""
    out: set[str] = set(calendar_words())
    for lg in all_langs():
        out.update(str(w).lower() for w in lg.data.get("timestamp_words") or [])
    return frozenset(out)


@lru_cache(maxsize=None)
def _stopword_index() -> dict[str, tuple[int, ...]]:
    """Stopword -> indexes (in ``all_langs()``) of the languages listing it."""
    index: dict[str, list[int]] = {}
    for k, lg in enumerate(all_langs()):
        for w in lg.stopwords:
            index.setdefault(w, []).append(k)
    return {w: tuple(ks) for w, ks in index.items()}


def detect_language(text: str, default: str | None = None) -> str | None:
    """Stopword vote over the available languages (decisive wins only)."""
    text = text[:20000]
    lowered = caseless(text)
    # the words of the lowered text are the lowered words (``WORD_RE`` only tests character classes)
    words = WORD_RE.findall(lowered) if lowered is not None else [w.lower() for w in WORD_RE.findall(text)]
    if not words:
        return default
    langs = all_langs()
    counts = [0] * len(langs)
    # count each distinct set of languages once (stopwords repeat: "the", "de", "la")
    for hit, n in Counter(filter(None, map(_stopword_index().get, words))).items():
        for k in hit:
            counts[k] += n
    best, best_n, second = None, 0, 0
    for lg, n in zip(langs, counts):
        if n > best_n:
            best, best_n, second = lg.code, n, best_n
        elif n > second:
            second = n
    if best and best_n >= 2 and best_n >= 1.5 * second + 1:
        return best
    return default
