"""Quote-aware sentence splitting, line by line, with sentence kinds.

Rules:
- newlines are hard boundaries; each non-empty line is split on its own;
- a sentence ends at ``.``, ``!``, ``?`` or ``…`` (runs allowed) followed by whitespace and then an
  upper-case letter, a digit or an opening quote; never inside a quotation (« », “ ”, „ “, " ") or
  parentheses, never after an abbreviation (U.S., Dr., M., Gen.) or an initial, never before a
  lower-case word (machine-translation artefacts like ``reported. human rights``);
- ``’`` is an apostrophe, never a quote; an opening quote that is never closed on its line is
  ignored (the line is re-split without it); a closing quote with no opener is ignored;
- ``#tag.#tag`` and ``pic.twitter.com/x`` do not split (no whitespace after the dot);
- a leading ``date 2024-02`` metadata marker becomes its own ``boilerplate`` sentence.

Kinds: ``text``; ``heading`` (a short line without final punctuation); ``boilerplate`` (site
furniture matched by the language files' ``boilerplate`` regexes, or the metadata marker);
``foreign`` (a line whose letters are more than 30 % in a script other than the article's).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Sentence
from . import langdata

OPENERS = "“«„‹"
CLOSERS = "”»›"
TERMINALS = ".!?…"
_WS = " \t\xa0\u2009\u202f\u200b\r\f\v"

DATE_MARKER_RE = re.compile(r"^[ \t\xa0]*date[ \t\xa0]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=[ \t\xa0]|$)", re.I)
MARKER_LINES = 5
"""A ``date 2024-02`` line counts as the article's date marker among its first lines (it may follow
an outlet's name)."""


def date_marker(text: str) -> str | None:
    """The ``YYYY[-MM[-DD]]`` of the article's ``date`` marker line, if any."""
    for line in text[:2000].splitlines()[:MARKER_LINES]:
        m = DATE_MARKER_RE.match(line)
        if m:
            return m.group(1)
    return None


_TOKEN_BEFORE_RE = re.compile(r"([^\W\d_](?:[\w.\-]*[^\W_])?|(?<!\d)\d{1,2})$")


def _script(ch: str) -> str:
    o = ord(ch)
    if o < 0x250 or 0x1E00 <= o < 0x1F00:
        return "latin"
    if 0x370 <= o < 0x400 or 0x1F00 <= o < 0x2000:
        return "greek"
    if 0x400 <= o < 0x530:
        return "cyrillic"
    if 0x590 <= o < 0x600 or 0xFB1D <= o < 0xFB50:
        return "hebrew"
    if 0x600 <= o < 0x780 or 0x8A0 <= o < 0x900 or 0xFB50 <= o < 0xFE00 or 0xFE70 <= o < 0xFF00:
        return "arabic"
    if 0x3040 <= o < 0xA000 or 0xAC00 <= o < 0xD7B0 or 0xF900 <= o < 0xFB00:
        return "cjk"
    return "other"


_SCRIPT_LANG = {"arabic": "ar", "hebrew": "he", "cyrillic": "ru", "greek": "el", "cjk": None, "other": None}


_NON_LATIN_RE = re.compile("[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]")
"""A character that may be a letter outside the ranges ``_script`` calls latin (the other ranges
listed hold no letters: combining marks, general punctuation, currency signs)."""
_LETTER_RE = re.compile(r"[^\W\d_\xb2\xb3\xb9\xbc-\xbe]")
"""``str.isalpha`` for the characters that ``_NON_LATIN_RE`` lets through."""
_ALNUM_RE = re.compile(r"[^\W_]")


def script_counts(text: str) -> dict[str, int]:
    if _NON_LATIN_RE.search(text) is None:
        # every letter is latin: count them without looking at each one's script
        n = len(_LETTER_RE.findall(text))
        return {"latin": n} if n else {}
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            sc = _script(ch)
            counts[sc] = counts.get(sc, 0) + 1
    return counts


def _foreign_script(body: str, art_script: str) -> str | None:
    """The script of a line whose letters are more than 30 % outside the article's script, else None."""
    if art_script == "latin" and _NON_LATIN_RE.search(body) is None:
        return None  # all letters are latin: nothing foreign
    counts = script_counts(body)
    letters = sum(counts.values())
    if letters:
        other = letters - counts.get(art_script, 0)
        if other / letters > 0.3:
            return max((kv for kv in counts.items() if kv[0] != art_script), key=lambda kv: kv[1])[0]
    return None


def dominant_script(text: str) -> str:
    text = text[:50000]
    if _NON_LATIN_RE.search(text) is None:
        return "latin"  # no letter outside the latin ranges (or no letter at all)
    counts = script_counts(text)
    if not counts:
        return "latin"
    return max(counts.items(), key=lambda kv: kv[1])[0]


_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_]+)")


@lru_cache(maxsize=1)
def _all_months() -> frozenset[str]:
    out: set[str] = set()
    for lg in langdata.all_langs():
        out.update(lg.months)
    return frozenset(out)


@lru_cache(maxsize=1)
def _short_abbreviations() -> frozenset[str]:
    """Abbreviations of any language of at most 4 characters (accepted when capitalised)."""
    out: set[str] = set()
    for lg in langdata.all_langs():
        out.update(a for a in lg.abbreviations if len(a) <= 4)
    return frozenset(out)


def _is_abbrev(line: str, pos: int, lang: langdata.Lang) -> bool:
    """True when the '.' at ``pos`` closes an abbreviation or an initial."""
    m = _TOKEN_BEFORE_RE.search(line, max(0, pos - 24), pos)
    if not m:
        return False
    tok = m.group(1)
    low = tok.lower()
    if tok.isdigit() and len(tok) <= 2:
        nxt = _NEXT_WORD_RE.match(line[pos + 1:pos + 20])
        if nxt and nxt.group(1).lower() in _all_months():
            return True  # German ordinal date: "am 2. Februar"
        return False
    if len(tok) == 1 and tok.isalpha() and tok.isupper():
        return True  # initial: J. Smith, M. Dupont
    if "." in tok and all(len(p) <= 2 for p in tok.split(".")):
        return True  # U.S, e.g, a.m
    if low in lang.abbreviations:
        return True
    if tok[:1].isupper() and low in _short_abbreviations():
        return True
    return False


def _split_line(line: str, lang: langdata.Lang) -> list[tuple[int, int]]:
    """Split one line into sentence (start, end) pairs relative to the line."""
    ignore: set[int] = set()
    for _attempt in range(4):
        cuts, unmatched = _scan(line, lang, ignore)
        if unmatched is None:
            break
        ignore.add(unmatched)
    out: list[tuple[int, int]] = []
    start = 0
    for cut in cuts + [len(line)]:
        s, e = start, cut
        while s < e and (line[s] in _WS or line[s] == " "):
            s += 1
        while e > s and (line[e - 1] in _WS or line[e - 1] == " "):
            e -= 1
        if s < e:
            seg = line[s:e]
            if out and _ALNUM_RE.search(seg) is None:
                ps, _pe = out[-1]
                out[-1] = (ps, e)
            else:
                out.append((s, e))
        start = cut
    return out


_SCAN_RE = re.compile("[" + re.escape("“«‹„" + CLOSERS + '"()[]' + TERMINALS) + "]")
"""The characters ``_scan`` acts on; everything else is skipped."""


def _scan(line: str, lang: langdata.Lang, ignore: set[int]) -> tuple[list[int], int | None]:
    stack: list[tuple[str, int]] = []
    paren = 0
    cuts: list[int] = []
    n = len(line)
    i = 0
    search = _SCAN_RE.search
    while i < n:
        m = search(line, i)
        if m is None:
            break
        i = m.start()
        ch = line[i]
        if i in ignore:
            i += 1
            continue
        if ch == "“":
            if stack and stack[-1][0] == "„":
                stack.pop()
                ch_closed = True
            else:
                stack.append((ch, i))
                ch_closed = False
            if ch_closed and not stack:
                _maybe_cut_after_close(line, i, cuts, lang)
        elif ch in "«‹„":
            stack.append((ch, i))
        elif ch in CLOSERS:
            if stack:
                stack.pop()
                if not stack:
                    _maybe_cut_after_close(line, i, cuts, lang)
        elif ch == '"':
            # a straight quote also closes a low opening quote („…", common in web copy)
            if stack and stack[-1][0] in '"„':
                stack.pop()
                if not stack:
                    _maybe_cut_after_close(line, i, cuts, lang)
            else:
                stack.append((ch, i))
        elif ch in "([":
            paren += 1
        elif ch in ")]":
            paren = max(0, paren - 1)
        elif ch in TERMINALS and not stack and paren == 0:
            j = i
            while j < n and line[j] in TERMINALS:
                j += 1
            k = j
            while k < n and line[k] in ")]":
                k += 1
            # (the abbreviation test only matters where a sentence would start: it is the slower one)
            if _next_starts_sentence(line, k) and not (ch == "." and j == i + 1 and _is_abbrev(line, i, lang)):
                cuts.append(k)
            i = j
            continue
        i += 1
    if stack:
        return cuts, stack[0][1]
    return cuts, None


def _maybe_cut_after_close(line: str, i: int, cuts: list[int], lang: langdata.Lang) -> None:
    """A closing quote right after a terminal ends the sentence when a new one starts."""
    p = i - 1
    while p >= 0 and line[p] in _WS:
        p -= 1
    if p >= 0 and line[p] in TERMINALS:
        if _next_starts_sentence(line, i + 1) and not (line[p] == "." and _is_abbrev(line, p, lang)):
            cuts.append(i + 1)


def _next_starts_sentence(line: str, k: int) -> bool:
    n = len(line)
    if k >= n or line[k] not in _WS:
        return False
    while k < n and line[k] in _WS:
        k += 1
    if k >= n:
        return False
    c = line[k]
    if c.isupper() or c.isdigit() or c in OPENERS or c in '"¿¡([•—–-':
        return True
    return False


_FINAL_PUNCT = ".!?…:;"


def _is_heading(seg: str) -> bool:
    s = seg.rstrip(_WS + " ")
    if not s:
        return False
    last = s[-1]
    if last in CLOSERS + '"“':
        t = s[:-1].rstrip()
        if t and t[-1] in _FINAL_PUNCT + ",":
            return False
    elif last in _FINAL_PUNCT or last == ",":
        return False
    words = s.split()
    return 0 < len(words) <= 14 and len(s) <= 110


def _anchored(pat: str) -> bool:
    """True when ``pat`` starts with ``^`` and has no top-level ``|`` (so search == match at 0)."""
    if not pat.startswith("^"):
        return False
    depth = 0
    i, n = 1, len(pat)
    while i < n:
        c = pat[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if i < n and pat[i] == "^":
                i += 1
            if i < n and pat[i] == "]":
                i += 1
            while i < n and pat[i] != "]":
                i += 2 if pat[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth <= 0:
            return False
        i += 1
    return True


_REGEX_SYNTAX = frozenset(".^$*+?{}[]\\|()")
_Pattern = re.Pattern[str]


def _boilerplate_patterns(lang: langdata.Lang) -> tuple[_Pattern | None, _Pattern | None, list[tuple[str, _Pattern]], list[_Pattern]]:
    """(one pattern for all line-start patterns, to ``match``; the same for the lowered line, if
    exact (``langdata.lowered_regex``); the plain phrases (lowered, with their pattern); the other
    patterns, to ``search``) over the boilerplate patterns of ``lang`` and every other language."""
    got = lang._compiled.get("boilerplate_all")
    if got is None:
        pats = list(lang.rx("boilerplate")) if lang.data else []
        for lg in langdata.all_langs():
            if lg is not lang:
                pats.extend(lg.rx("boilerplate"))
        anchored = [p for p in pats if p.groups == 0 and p.flags == pats[0].flags and _anchored(p.pattern)]
        rest = [p for p in pats if not any(p is a for a in anchored)]
        merged = merged_low = None
        if anchored:
            try:
                merged = re.compile("|".join("(?:" + p.pattern + ")" for p in anchored), anchored[0].flags)
            except re.error:
                merged, rest = None, pats
            else:
                merged_low = langdata.lowered_regex(merged.pattern) if merged.flags == re.I | re.U else None
        # a case-insensitive phrase with no regex syntax is found in a lowered line by ``in``
        phrases = [(p.pattern.lower(), p) for p in rest
                   if p.flags & (re.I | re.X) == re.I and not _REGEX_SYNTAX.intersection(p.pattern)
                   and langdata.caseless(p.pattern) is not None]
        rest = [p for p in rest if not any(p is q for _, q in phrases)]
        got = lang._compiled["boilerplate_all"] = (merged, merged_low, phrases, rest)
    return got


_MENU_SEP_RE = re.compile(r"\s*\|\s*|\s+[•·]\s+")
_BUTTONS_RE = re.compile(r"(?:[ \t]*\[[^\[\]\n]{1,40}\])+[ \t]*$")
_COOKIE_RE = re.compile(r"cookie", re.I)
_DIGIT_OR_QUOTE_RE = re.compile(r"[\d\"“”„«»]")


def _page_furniture(line: str) -> bool:
    """A line of the web page around the article, in any language.

    A menu ("Home | News | Sport | Weather", "Accueil • Monde • Sports"): three items or more, most
    of them one to three words, none a long sentence, no figure and no quote. A row of buttons ("[Accepter] [Refuser]").
    A cookie banner, which ends on its buttons ("… uses cookies … [Accept] [Settings]")."""
    s = line.strip(_WS + " ")
    if not s:
        return False
    if ("|" in s or "•" in s or "·" in s) and not _DIGIT_OR_QUOTE_RE.search(s):
        # (a byline with its date, "Paris | 12 mars 2024 | Par Jean Dupont", is no menu)
        parts = [p for p in _MENU_SEP_RE.split(s) if p.strip()]
        if len(parts) >= 3:
            sizes = [len(p.split()) for p in parts]
            short = sum(1 for p, n in zip(parts, sizes) if n <= 3 and p.rstrip()[-1:] not in _FINAL_PUNCT)
            if max(sizes) <= 8 and short * 4 >= len(parts) * 3:
                return True
    buttons = _BUTTONS_RE.search(s)
    if buttons is None:
        return False
    return buttons.start() == 0 or _COOKIE_RE.search(s, 0, buttons.start()) is not None


def _boilerplate(line: str, lang: langdata.Lang) -> bool:
    s = line.strip(_WS + " ")
    if not s:
        return False
    merged, merged_low, phrases, rest = _boilerplate_patterns(lang)
    low = langdata.caseless(s)
    if merged is not None and (merged_low.match(low) if low is not None and merged_low is not None else merged.match(s)):
        return True
    for phrase, p in phrases:
        if (phrase in low) if low is not None else p.search(s):
            return True
    for p in rest:
        if p.search(s):
            return True
    return False


def split_sentences(text: str, language: str | None = None) -> list[Sentence]:
    """Every sentence, heading, boilerplate and foreign line of ``text`` in order, with offsets."""
    try:
        return _split(text or "", language)
    except Exception:  # never raise: fall back to one sentence per non-empty line
        return _fallback(text or "", language)


def _fallback(text: str, language: str | None) -> list[Sentence]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Sentence(s, e, text[s:e], "text", language, 0))
    return out


def _split(text: str, language: str | None) -> list[Sentence]:
    lang_code = language if language and language not in ("und", "") else None
    if lang_code is None:
        lang_code = langdata.detect_language(text)
    lang = langdata.get(lang_code)
    art_script = dominant_script(text)
    out: list[Sentence] = []
    paragraph = -1
    prev_blank = True
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        line = text[pos:nl]
        base = pos
        pos = nl + 1
        if not line.strip(_WS + " "):
            prev_blank = True
            if nl >= n:
                break
            continue
        if prev_blank:
            paragraph += 1
            prev_blank = False
        offset = 0
        if base == 0 or not out:
            m = DATE_MARKER_RE.match(line)
            if m:
                ms = m.start() + line[m.start():].index("date")
                out.append(Sentence(base + ms, base + m.end(), text[base + ms:base + m.end()], "boilerplate", None, paragraph))
                offset = m.end()
        body = line[offset:]
        foreign_script = _foreign_script(body, art_script)
        if foreign_script is not None:
            kind_line = "foreign"
            line_lang = _SCRIPT_LANG.get(foreign_script)
        elif _boilerplate(body, lang) or _page_furniture(body):
            kind_line = "boilerplate"
            line_lang = lang_code
        else:
            kind_line = "text"
            line_lang = lang_code
        if kind_line == "text":
            spans = _split_line(body, lang)
        else:
            s, e = 0, len(body)
            while s < e and body[s] in _WS + " ":
                s += 1
            while e > s and body[e - 1] in _WS + " ":
                e -= 1
            spans = [(s, e)] if s < e else []
        for s, e in spans:
            a, b = base + offset + s, base + offset + e
            seg = text[a:b]
            kind = kind_line
            if kind == "text" and len(spans) == 1 and _is_heading(seg):
                kind = "heading"
            slang = line_lang
            if kind == "text" and lang_code:
                vote = langdata.detect_language(seg)
                if vote and vote != lang_code and _decisive(seg, vote, lang_code):
                    slang = vote
            out.append(Sentence(a, b, seg, kind, slang, paragraph))
        if nl >= n:
            break
    return out


def _decisive(seg: str, vote: str, current: str) -> bool:
    words = [w.lower() for w in langdata.WORD_RE.findall(seg)]
    a, b = langdata.get(vote).stopwords, langdata.get(current).stopwords
    na = sum(1 for w in words if w in a and w not in b)
    nb = sum(1 for w in words if w in b and w not in a)
    return na >= 3 and nb == 0
