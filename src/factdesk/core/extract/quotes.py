"""Quoted speech inside a sentence: “…”, «…», "…", „…“, ‹…›.

``’`` is an apostrophe, never a quote. A quote opened and never closed in its sentence runs to
the end of the sentence (multi-sentence quotes are kept in one sentence by the splitter).
A stray closing mark at the start of a sentence or with no opener is ignored. Quotes of three
words or fewer are *scare quotes* (``Span.kind == "scare"``: “disastrous”, « frappes »);
longer ones are ``speech`` and get a speaker from the sentence's attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import langdata


@dataclass
class QuoteCand:
    start: int
    end: int
    words: int
    closed: bool

    @property
    def scare(self) -> bool:
        return self.words <= 3


_QUOTE_CHAR_RE = re.compile('[“«‹„”»›"]')


def find_quotes(text: str) -> list[QuoteCand]:
    out: list[QuoteCand] = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTE_CHAR_RE.finditer(text):
        i = m.start()
        ch = m.group()
        if ch == "“":
            if stack and stack[-1][0] == "„":
                _close(text, stack.pop()[1], i, out, stack)
            else:
                stack.append((ch, i))
        elif ch in "«‹„":
            stack.append((ch, i))
        elif ch in "”»›":
            if stack:
                _close(text, stack.pop()[1], i, out, stack)
        elif ch == '"':
            if stack and stack[-1][0] in '"„':
                _close(text, stack.pop()[1], i, out, stack)
            else:
                stack.append((ch, i))
    if stack:
        s = stack[0][1]
        inner = text[s + 1:]
        words = len(langdata.WORD_RE.findall(inner))
        if words >= 4:
            end = len(text)
            while end > s + 1 and text[end - 1] in " .\xa0":
                end -= 1
            out.append(QuoteCand(s, end, words, False))
    if "'" in text or "‘" in text:
        _single_quotes(text, out)
    out.sort(key=lambda q: q.start)
    return out


_SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[:—–]))['‘](?=[^\W_])(?!(?:s|t|n|em|til)\b)")
_SINGLE_CLOSE_RE = re.compile(r"(?<=[^\s'‘])['’](?![^\W_])")


def _single_quotes(text: str, out: list[QuoteCand]) -> None:
    """Speech in single quotes ('Brennhart heeft Monteruccio gebruikt', zei hij; ‘We will not stop,’
    he said): an opening mark at a word's start, the first closing mark at a word's end after it,
    at least four words between and no other quote around. Shorter ones are left alone: a lone
    apostrophe ("the workers' union", "'s avonds") is far likelier there than a scare quote."""
    taken = [(q.start, q.end) for q in out]
    pos = 0
    while True:
        m = _SINGLE_OPEN_RE.search(text, pos)
        if m is None:
            return
        c = _SINGLE_CLOSE_RE.search(text, m.end())
        if c is None:
            return
        s, e = m.start(), c.end()
        pos = e
        inner = text[s + 1:e - 1]
        words = len(langdata.WORD_RE.findall(inner))
        if words < 4 or _QUOTE_CHAR_RE.search(inner) or any(a < e and s < b for a, b in taken):
            pos = m.end() if words < 4 else e
            continue
        out.append(QuoteCand(s, e, words, True))


def _close(text: str, s: int, e: int, out: list[QuoteCand], stack: list) -> None:
    if stack:  # nested quote: only the outermost one is reported
        return
    inner = text[s + 1:e]
    words = len(langdata.WORD_RE.findall(inner))
    if words == 0:
        return
    out.append(QuoteCand(s, e + 1, words, True))
