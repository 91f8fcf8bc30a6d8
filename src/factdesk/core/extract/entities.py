"""Entities: people, organisations, places and groups, with cross-language keys.

Sources of candidates, in order (earlier ones win on overlap):
1. alias-table names (any language, case rules: short all-caps aliases such as ``US`` must be written
   in capitals; single words must be capitalised);
2. nationality adjectives -> the country key (American, américaines, pro-Iranian, irako-syrienne);
3. ministries ("Ministry of Defense", "ministère de l'Intérieur") -> ``ministry:<portfolio>``;
4. runs of capitalised words joined by name connectors (al-, bin, de, of, ...), with leading titles
   stripped ("Iraqi Prime Minister Mustafa al-Kazimi" -> person "Mustafa al-Kazimi") and noise removed:
   weekdays, months, stop-capitalised words ("The", "Les"), sentence-initial verb forms
   ("Citant", "Revendiquées", "Describing").

``kind``: the alias kind; ``person`` after a title or for a 2-4 word name; ``org`` with an
organisation word (Force, Ministry, Observatoire...) or an acronym; ``place`` with a place word or
after a place cue (in, near, à, région de); otherwise ``unknown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import langdata, names
from .numbers import Tok

_CONNECTORS = frozenset("al el ul bin ibn ben abu abou bou de du des da do dos das del della di van von der den la le of for y".split())
_VERBISH = re.compile(r"(?:ing|ed|ant|ées|és|ée|ait|aient|ons|ez|ly|ment)$", re.I)


@dataclass
class EntCand:
    start: int
    end: int
    name: str
    key: str
    kind: str


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    out: set[str] = set()
    for lg in langdata.all_langs():
        out.update(lg.months)
        out.update(lg.weekdays)
    return frozenset(out)


@lru_cache(maxsize=1)
def _all_stop() -> frozenset[str]:
    out: set[str] = set()
    for lg in langdata.all_langs():
        out.update(lg.stop_caps)
        out.update(lg.stopwords)
        out.update(lg.determiners)
    return frozenset(out)


@lru_cache(maxsize=1)
def _all_titles() -> frozenset[str]:
    out: set[str] = set()
    for lg in langdata.all_langs():
        out.update(t.rstrip(".") for t in lg.titles)
    return frozenset(out)


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    out: set[str] = set()
    for lg in langdata.all_langs():
        out.update(lg.number_words)
        out.update(lg.one_words)
    return frozenset(out)


def _is_number_word(low: str) -> bool:
    nw = _number_words()
    return low in nw or all(p in nw for p in low.split("-"))


def _is_cap(w: str) -> bool:
    lw = w.lower()
    for pre in ("al-", "el-", "d'", "l'", "d’", "l’", "pro-"):
        if lw.startswith(pre) and len(w) > len(pre):
            return w[len(pre)].isupper()
    return w[:1].isupper()


def _strip_elision(t: Tok) -> tuple[int, str]:
    low = t.text.lower()
    for pre in ("d'", "l'", "d’", "l’", "qu'", "qu’"):
        if low.startswith(pre) and len(t.text) > len(pre):
            return len(pre), t.text[len(pre):]
    return 0, t.text


def find_entities(text: str, toks: list[Tok], lg: langdata.Lang) -> list[EntCand]:
    al = names.aliases()
    words = [t for t in toks if t.typ == "word"]
    out: list[EntCand] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(s: int, e: int, key: str, kind: str) -> None:
        if not key or not free(s, e):
            return
        out.append(EntCand(s, e, text[s:e], key, kind))
        taken.append((s, e))

    # 1. aliases
    lw = [names.light(w.text) for w in words]
    adj = [not text[words[k].end:words[k + 1].start].strip(" \xa0'’-") for k in range(len(words) - 1)]
    stop = _all_stop()
    i = 0
    while i < len(words):
        hit_len = 0
        off, first = _strip_elision(words[i])
        if lw[i] and first.lower() not in stop:
            maxn = 1
            while maxn < al.max_tokens and i + maxn < len(words) and adj[i + maxn - 1]:
                maxn += 1
            for n in range(maxn, 0, -1):
                if not lw[i + n - 1]:
                    continue
                gram = " ".join(x for x in lw[i:i + n] if x)
                if not gram:
                    continue
                hit = al.by_light.get(gram)
                if hit is None and n <= 4 and len(gram) > 4:
                    hit = al.by_translit.get(names.translit(gram))
                if not hit:
                    continue
                seg = words[i:i + n]
                s = seg[0].start + off
                raw = text[s:seg[-1].end]
                if al.caps.get(gram):
                    if not re.sub(r"[^\w]", "", raw).isupper():
                        continue
                elif n == 1 and not _is_cap(first):
                    continue
                elif n > 1 and not any(_is_cap(x.text) for x in seg):
                    continue
                add(s, seg[-1].end, hit[0], hit[1])
                hit_len = n
                break
        i += hit_len or 1
    # 2. nationality adjectives (also parts of hyphenated words)
    for w in words:
        parts = list(re.finditer(r"[^\W\d_]+", w.text))
        low = w.low
        if low.startswith("pro-") and len(parts) >= 2:
            k = names.nationality_key(parts[1].group(0))
            if not k:
                hit = al.lookup(parts[1].group(0))
                k = hit[0] if hit and hit[1] == "place" else None
            if k:
                add(w.start, w.start + parts[1].end(), k, "place")
            continue
        for p in parts:
            k = names.nationality_key(p.group(0))
            if k and (len(p.group(0)) > 3):
                add(w.start + p.start(), w.start + p.end(), k, "place")
    # 3./4. capitalised runs (with ministries)
    first_word = words[0] if words else None
    runs: list[list[Tok]] = []
    cur: list[Tok] = []
    pending: list[Tok] = []
    for w in words:
        gap = text[(pending[-1] if pending else cur[-1]).end:w.start] if cur else ""
        if cur and (gap.strip() or "\n" in gap):
            runs.append(cur)
            cur, pending = [], []
        wl = w.low.removesuffix("'s")
        if _is_cap(w.text) and wl not in _calendar_words() and not _is_number_word(wl):
            if pending:
                cur.extend(pending)
                pending = []
            cur.append(w)
        elif w.low in _CONNECTORS and cur:
            pending.append(w)
        elif (names.fold(w.low) in al.ministry_words) and not cur:
            cur.append(w)
        elif cur and cur[-1].low in al.ministry_words and w.low in ("de", "du", "des", "of", "the", "da", "do", "del"):
            pending.append(w)
        else:
            if cur:
                runs.append(cur)
            cur, pending = [], []
    if cur:
        runs.append(cur)
    all_stop = _all_stop()
    titles = _all_titles()
    for run in runs:
        # a lowercase ministry word alone is not a name
        if not any(_is_cap(t.text) for t in run):
            continue
        s_tok = 0
        person_cue = False
        # strip leading determiners, nationality adjectives and titles
        while s_tok < len(run):
            t = run[s_tok]
            low = t.low.rstrip(".")
            two = (low + " " + run[s_tok + 1].low) if s_tok + 1 < len(run) else ""
            if two and two in titles:
                s_tok += 2
                person_cue = True
                continue
            if low in titles and s_tok + 1 < len(run):
                s_tok += 1
                person_cue = True
                continue
            if low in all_stop or names.nationality_key(t.text) or low in _CONNECTORS:
                s_tok += 1
                continue
            break
        seg = run[s_tok:]
        while seg and seg[-1].low in _CONNECTORS:
            seg = seg[:-1]
        if not seg:
            continue
        off, first = _strip_elision(seg[0])
        s = seg[0].start + off
        e = seg[-1].end
        raw = text[s:e]
        if raw.endswith(("'s", "’s")):
            e -= 2
            raw = raw[:-2]
        if not free(s, e):
            # keep the part after an alias/nationality already taken
            parts = [t for t in seg if free(t.start, t.end)]
            if not parts or len(parts) == len(seg):
                continue
            seg = parts
            s, e = seg[0].start, seg[-1].end
            raw = text[s:e]
            if not free(s, e):
                continue
        lows = [t.low for t in seg]
        if len(seg) == 1:
            low = lows[0]
            if low in all_stop or low in titles or len(raw) < 2:
                continue
            if first_word is not None and seg[0].start == first_word.start and _VERBISH.search(low) and not al.lookup(raw):
                continue
            if seg[0].text.isupper() and len(seg[0].text) > 6:
                continue  # shouted word, not an acronym
        mk = names.ministry_key(raw)
        if mk:
            add(s, e, mk, "org")
            continue
        key = names.entity_key(raw, lg.code)
        if not key:
            continue
        hit = al.lookup(raw)
        if hit:
            kind = hit[1]
        elif person_cue:
            kind = "person"
        elif any(l in lg.org_words for l in lows) or (len(seg) == 1 and seg[0].text.isupper() and len(seg[0].text) >= 2):
            kind = "org"
        elif any(l in lg.place_words for l in lows):
            kind = "place"
        elif _place_cue(text, s, lg):
            kind = "place"
        elif 2 <= len(seg) <= 4 and all(_is_cap(t.text) for t in seg):
            kind = "person"
        else:
            kind = "unknown"
        add(s, e, key, kind)
    out.sort(key=lambda c: c.start)
    return out


def _place_cue(text: str, s: int, lg: langdata.Lang) -> bool:
    before = text[max(0, s - 24):s].lower().replace("’", "'")
    before = before.rstrip()
    for cue in lg.place_cues:
        if before.endswith(" " + cue) or before == cue or (cue.endswith("'") and text[max(0, s - len(cue)):s].lower().replace("’", "'") == cue):
            return True
    return False
