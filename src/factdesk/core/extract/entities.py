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


_ELIDED_ITALIAN = tuple(p + a for p in ("dell", "dall", "all", "nell", "sull") for a in ("'", "’"))
"""Italian prepositions elided before a name ("dell'Enac", "all'Onu", "nell'Iraq")."""
_CAP_PREFIXES = ("al-", "el-", "d'", "l'", "d’", "l’", "pro-") + _ELIDED_ITALIAN


@lru_cache(maxsize=65536)
def _is_cap(w: str) -> bool:
    lw = w.lower()
    if lw.startswith(_CAP_PREFIXES):
        for pre in _CAP_PREFIXES:
            if lw.startswith(pre) and len(w) > len(pre):
                return w[len(pre)].isupper()
    return w[:1].isupper()


_ELISION_PREFIXES = ("d'", "l'", "d’", "l’", "qu'", "qu’") + _ELIDED_ITALIAN


@lru_cache(maxsize=65536)
def _strip_elision_text(text: str) -> tuple[int, str]:
    low = text.lower()
    if low.startswith(_ELISION_PREFIXES):
        for pre in _ELISION_PREFIXES:
            if low.startswith(pre) and len(text) > len(pre):
                return len(pre), text[len(pre):]
    return 0, text


def _strip_elision(t: Tok) -> tuple[int, str]:
    return _strip_elision_text(t.text)


_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
_NONWORD_RE = re.compile(r"[^\w]")


@lru_cache(maxsize=65536)
def _nationality_parts(text: str, low: str) -> tuple[tuple[int, int, str], ...]:
    """Nationality adjectives inside one word: (start, end, country key) relative to the word."""
    parts = list(_LETTER_RUN_RE.finditer(text))
    if low.startswith("pro-") and len(parts) >= 2:
        k = names.nationality_key(parts[1].group(0))
        if not k:
            hit = names.aliases().lookup(parts[1].group(0))
            k = hit[0] if hit and hit[1] == "place" else None
        return ((0, parts[1].end(), k),) if k else ()
    out = []
    for p in parts:
        k = names.nationality_key(p.group(0))
        if k and (len(p.group(0)) > 3):
            out.append((p.start(), p.end(), k))
    return tuple(out)


@lru_cache(maxsize=65536)
def _word_class(text: str, low: str) -> int:
    """Bit flags for capitalised runs: 1 name word, 2 name connector, 4 ministry word."""
    wl = low.removesuffix("'s")
    flags = 0
    if _is_cap(text) and wl not in langdata.calendar_words() and not _is_number_word(wl):
        flags |= 1
    if low in _CONNECTORS:
        flags |= 2
    if names.fold(low) in names.aliases().ministry_words:
        flags |= 4
    return flags


@lru_cache(maxsize=1)
def _alias_first_tokens() -> tuple[frozenset[str], frozenset[str]]:
    """First tokens of the alias table's light keys and of its transliterated keys."""
    al = names.aliases()
    return (frozenset(k.split()[0] for k in al.by_light if k),
            frozenset(k.split()[0] for k in al.by_translit if k))


@lru_cache(maxsize=1)
def _alias_prefixes() -> tuple[frozenset[str], frozenset[str]]:
    """Token prefixes (whole keys included) of the alias table's light keys and transliterated keys."""
    al = names.aliases()

    def prefixes(keys) -> frozenset[str]:
        out: set[str] = set()
        for k in keys:
            toks = k.split()
            out.update(" ".join(toks[:j]) for j in range(1, len(toks) + 1))
        return frozenset(out)

    return prefixes(al.by_light), prefixes(al.by_translit)


_WORD_INFO: dict[str, tuple] = {}


def _word_info(text: str, low: str) -> tuple[str, int, str, bool, tuple[tuple[int, int, str], ...], int]:
    """``_word_facts`` through a plain dict (a word's ``low`` only depends on its text)."""
    got = _WORD_INFO.get(text)
    if got is None:
        if len(_WORD_INFO) >= 100000:
            _WORD_INFO.clear()
        got = _WORD_INFO[text] = _word_facts(text, low)
    return got


def _word_facts(text: str, low: str) -> tuple[str, int, str, bool, tuple[tuple[int, int, str], ...], int]:
    """Per-word facts: (light form, elision length, word without elision, may start an alias,
    nationality parts, run flags)."""
    lw = names.light(text)
    off, first = _strip_elision_text(text)
    may_alias = False
    if lw and first.lower() not in _all_stop():
        # a light form is its own light form, so a gram starting here begins with this first token
        head = lw.split()[0]
        by_light_first, by_translit_first = _alias_first_tokens()
        may_alias = head in by_light_first or names.translit(head) in by_translit_first
    return lw, off, first, may_alias, _nationality_parts(text, low), _word_class(text, low)


def find_entities(text: str, toks: list[Tok], lg: langdata.Lang) -> list[EntCand]:
    al = names.aliases()
    words = [t for t in toks if t.typ == "word"]
    out: list[EntCand] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        for a, b in taken:
            if e > a and s < b:
                return False
        return True

    def add(s: int, e: int, key: str, kind: str) -> None:
        if not key or not free(s, e):
            return
        out.append(EntCand(s, e, text[s:e], key, kind))
        taken.append((s, e))

    # 1. aliases
    cache = _WORD_INFO
    infos = [cache.get(w.text) or _word_info(w.text, w.low) for w in words]
    lw = [x[0] for x in infos]
    adj: dict[int, bool] = {}  # words k and k + 1 only separated by spaces, apostrophes or hyphens

    def adjacent(k: int) -> bool:
        got = adj.get(k)
        if got is None:
            got = adj[k] = not text[words[k].end:words[k + 1].start].strip(" \xa0'’-")
        return got

    nwords = len(words)
    max_tokens = al.max_tokens

    def adjacent_any(x: int) -> bool:
        """Words x and x + 1 are only separated by spaces or an apostrophe (no punctuation)."""
        return not text[words[x].end:words[x + 1].start].strip(" \xa0'’")
    by_light = al.by_light
    light_prefixes, translit_prefixes = _alias_prefixes()
    next_i = 0
    for i in [k for k, x in enumerate(infos) if x[3]]:  # words that may start an alias
        if i < next_i:
            continue  # inside the previous hit
        hit_len = 0
        info = infos[i]
        off, first = info[1], info[2]
        # the n-grams from word i (light forms): a gram that starts no alias key (nor, up to four
        # words, a transliterated one) cannot grow into one, so longer grams are not built
        maxn = 1
        grams = [lw[i]]
        while maxn < max_tokens and i + maxn < nwords and adjacent(i + maxn - 1) and (
                grams[-1] in light_prefixes or (maxn <= 4 and names.translit(grams[-1]) in translit_prefixes)):
            grams.append(grams[-1] + " " + lw[i + maxn] if lw[i + maxn] else grams[-1])
            maxn += 1
        for n in range(maxn, 0, -1):
            if not lw[i + n - 1]:
                continue
            gram = grams[n - 1]
            hit = by_light.get(gram)
            if hit is None and n <= 4 and len(gram) > 4:
                hit = al.by_translit.get(names.translit(gram))
            if not hit:
                continue
            seg = words[i:i + n]
            s = seg[0].start + off
            raw = text[s:seg[-1].end]
            if al.caps.get(gram):
                if not _NONWORD_RE.sub("", raw).isupper():
                    continue
            elif n == 1 and not _is_cap(first):
                continue
            elif n > 1 and not any(_is_cap(x.text) for x in seg):
                continue
            add(s, seg[-1].end, hit[0], hit[1])
            hit_len = n
            break
        next_i = i + (hit_len or 1)
    # 2. nationality adjectives (also parts of hyphenated words), and acronyms heading one
    for k in [k for k, x in enumerate(infos) if x[4]]:
        w = words[k]
        for ps, pe, key in infos[k][4]:
            add(w.start + ps, w.start + pe, key, "place")
    for w in words:
        if "-" in w.text and w.text[:2].isupper():
            head = _acronym_head(w.text)
            if head is not None:
                add(w.start, w.start + head[0], head[1], head[2])
    # 2b. ministries named with a lower-case word: "le ministère de l'Intérieur", "the defence
    # ministry" (capitalised ones are found with the runs below)
    for k, w in enumerate(words):
        if w.low not in _MINISTRY_NOUNS or _is_cap(w.text):
            continue
        for lo, hi in [(k, j) for j in range(k + 1, min(nwords, k + 5))] + [(j, k) for j in (k - 1, k - 2) if j >= 0]:
            if any(not adjacent_any(x) for x in range(lo, hi)):
                continue
            mk = names.ministry_key(text[words[lo].start:words[hi].end])
            if mk:
                add(words[lo].start, words[hi].end, mk, "org")
                break
    # 3./4. capitalised runs (with ministries)
    first_word = words[0] if words else None
    runs: list[list[Tok]] = []
    firms: set[int] = set()  # indexes in ``runs`` of names joined by "&" ("Marks & Spencer")
    cur: list[Tok] = []
    pending: list[Tok] = []
    amp = False
    for w, info in zip(words, infos):
        wc = info[5]
        if not cur:
            # no run open (so nothing pending): only a name word or a ministry word opens one
            if wc & 5:
                cur.append(w)
            continue
        gap = text[(pending[-1] if pending else cur[-1]).end:w.start]
        if gap.strip() == "&" and not pending and wc & 1 and "\n" not in gap:
            amp = True  # a firm's name: "Brandt & Söhne", "Procter & Gamble"
        elif gap.strip() or "\n" in gap:
            if amp:
                firms.add(len(runs))
            runs.append(cur)
            cur, pending, amp = [], [], False
        if wc & 1:
            if pending:
                cur.extend(pending)
                pending = []
            cur.append(w)
        elif (wc & 2 or w.low in lg.name_particles) and cur:
            pending.append(w)
        elif wc & 4 and not cur:
            cur.append(w)
        elif cur and cur[-1].low in al.ministry_words and w.low in ("de", "du", "des", "of", "the", "da", "do", "del"):
            pending.append(w)
        else:
            if cur:
                if amp:
                    firms.add(len(runs))
                runs.append(cur)
            cur, pending, amp = [], [], False
    if cur:
        if amp:
            firms.add(len(runs))
        runs.append(cur)
    all_stop = _all_stop()
    titles = _all_titles()
    for ri, run in enumerate(runs):
        # a lowercase ministry word alone is not a name
        if not any(_is_cap(t.text) for t in run):
            continue
        if ri in firms and _add_firm(text, run, lg, add):
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
        if lg.nouns_capitalized:
            seg = _strip_leading_nouns(text, seg, lg)
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
            if parts[-1].low in _CONNECTORS and lg.nouns_capitalized:
                continue  # "Angaben des [US-…]": a noun and its genitive article
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
        if not hit and lg.nouns_capitalized and len(seg) == 1 and _after_noun_cue(text, s, lg):
            continue  # "das Feuer", "ums Leben", "21:40 Uhr": a noun after an article or a number
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
        elif (2 <= len(seg) <= 4 and all(_is_cap(t.text) for t in seg) or (
                lg.name_particles and 2 <= sum(_is_cap(t.text) for t in seg) <= 4
                and all(_is_cap(t.text) or t.low in lg.name_particles for t in seg))) and not (
                lg.nouns_capitalized and any(_common_noun(t.low, lg) for t in seg)):
            # "Peter van der Berg" where names hold particles; a German common noun makes no
            # name of a person ("Freiwilliger Feuerwehr")
            kind = "person"
        else:
            if lg.nouns_capitalized and all(_common_noun(t.low, lg) for t in seg if _is_cap(t.text)):
                continue  # "Passagiere", "Erhöhung der Gehälter": German capitalises every noun
            kind = "unknown"
        add(s, e, key, kind)
    out.sort(key=lambda c: c.start)
    return out


_GENITIVE_ARTICLES = frozenset(("der", "des"))


def _strip_leading_nouns(text: str, seg: list[Tok], lg: langdata.Lang) -> list[Tok]:
    """Where every noun is capitalised, common nouns (and the particles after them) before a name
    are not part of it: "eine Halle der Firma Oldenkamp" → "Oldenkamp", "Feuerwehrsprecher Tobias
    Reinartz" → "Tobias Reinartz". Organisation words stay ("Polizei Duisburg")."""
    if len(seg) < 2:
        return seg
    k = 0
    while k < len(seg) - 1 and seg[k].low not in lg.org_words and (
            _common_noun(seg[k].low, lg) or k == 0 and _after_noun_cue(text, seg[0].start, lg)
            or seg[k + 1].low in _GENITIVE_ARTICLES):  # "Angaben des US-Zentralkommandos"
        k += 1
        while k < len(seg) - 1 and seg[k].low in _CONNECTORS:
            k += 1
    if k and _is_cap(seg[k].text) and not _common_noun(seg[k].low, lg):
        return seg[k:]
    return seg


_ACRONYM_HEAD_RE = re.compile(r"([A-Z]{2,6})-[^\W\d_]")


def _acronym_head(word: str) -> tuple[int, str, str] | None:
    """An alias acronym heading a hyphenated word: "US-Soldaten", "EU-Kommission", "UN-Angaben" →
    (length, key, kind) of the acronym."""
    m = _ACRONYM_HEAD_RE.match(word)
    if m is None:
        return None
    hit = names.aliases().lookup(m.group(1))
    return (len(m.group(1)), hit[0], hit[1]) if hit else None


_LAST_TOKEN_RE = re.compile(r"(\w+)\W*$")


_UNIT_KINDS = frozenset({"mass", "volume", "distance", "area"})
_MINISTRY_NOUNS = frozenset(
    "ministry ministries ministère ministères ministerio ministerios ministério ministérios ministero ministeri ministerie ministeries".split()
)
"""Nouns for a ministry (not a minister) that a portfolio next to them makes one."""


def _after_noun_cue(text: str, s: int, lg: langdata.Lang) -> bool:
    """The word before ``s`` is a determiner, a noun cue, a number or a unit (see ``noun_cues``)."""
    m = _LAST_TOKEN_RE.search(text, max(0, s - 24), s)
    if m is None or text[m.end(1):s].strip(" \u00a0"):
        return False  # nothing before, or a sign between ("Tote: Feuer")
    prev = m.group(1).lower()
    # also a number word ("zwei Kühltanks") or a unit ("40 Tonnen Ammoniak", "500 Liter Diesel")
    return (prev.isdigit() or prev in lg.determiners or prev in lg.noun_cues or prev in lg.number_words
            or lg.kind_nouns.get((prev,)) in _UNIT_KINDS)


def _add_firm(text: str, run: list[Tok], lg: langdata.Lang, add) -> bool:
    """A firm's name joined by "&": from the name words right before the "&" to the end of the run,
    keyed on its core ("Brandt & Söhne Verpackungstechnik" and "Brandt & Söhne" share a key).
    Leading common nouns are not part of it ("der Firma Brandt & Söhne")."""
    j = next((i for i in range(1, len(run)) if "&" in text[run[i - 1].end:run[i].start]), 0)
    if not j:
        return False
    k = j - 1
    stop = _all_stop()
    while k > 0:
        t = run[k - 1]
        if not _is_cap(t.text) or t.low in stop or t.low in _CONNECTORS or t.low.rstrip(".") in _all_titles():
            break
        if lg.nouns_capitalized and _common_noun(t.low, lg):
            break
        k -= 1
    first = run[k]
    if lg.nouns_capitalized and _common_noun(first.low, lg) or first.low in stop:
        return False
    core = text[first.start:run[j].end]
    key = names.entity_key(core, lg.code)
    if not key:
        return False
    hit = names.aliases().lookup(text[first.start:run[-1].end]) or names.aliases().lookup(core)
    add(first.start, run[-1].end, hit[0] if hit else key, hit[1] if hit else "org")
    return True


PROPER_CONCEPTS = frozenset({"un", "nato", "islamic_state", "revolutionary_guards", "pro_iran"})
"""Lexicon concepts that are names (of bodies), not common nouns."""


def _common_noun(low: str, lg: langdata.Lang) -> bool:
    """A lone capitalised word of a noun-capitalising language that is a common noun: it ends like
    one, counts something, or names a lexicon concept that is not a place, a named body or a common
    word (type ``general``: adjectives and verbs such as klein, lange, frei are surnames too)."""
    memo = lg._compiled.setdefault("common_nouns", {})
    got = memo.get(low)
    if got is None:
        if low.endswith(lg.noun_suffixes) and len(low) > 5 or (low,) in lg.kind_nouns:
            got = True
        else:
            from factdesk.core.matching.lexicon import lexicon

            lex = lexicon()

            def common(word: str) -> bool:
                general = lex.general_concepts
                found = [c for c in lex.map_text(word, lg.code).concepts if c not in general]
                return bool(found) and not any(lex.types.get(c) in ("place", "geo") or c in PROPER_CONCEPTS for c in found)

            # a compound ending in a common noun is one ("Berufsfeuerwehr", "Großbrand")
            got = common(low) or any(
                common(low[i:]) or (low[i:],) in lg.kind_nouns for i in range(3, len(low) - 4)
            )
        if len(memo) < 50000:
            memo[low] = got
    return got


def common_word(low: str, lg: langdata.Lang) -> bool:
    """A lower-case word that names a lexicon concept (a common word too: "nobody", "among") that is
    not a place or a named body: capitalised to open a sentence, it is no name."""
    memo = lg._compiled.setdefault("common_words", {})
    got = memo.get(low)
    if got is None:
        from factdesk.core.matching.lexicon import lexicon

        lex = lexicon()
        found = lex.map_text(low, lg.code).concepts
        got = bool(found) and not any(lex.types.get(c) in ("place", "geo") or c in PROPER_CONCEPTS for c in found)
        if len(memo) < 50000:
            memo[low] = got
    return got


def _place_cues(lg: langdata.Lang) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """(" " + cue for every cue, the cues, the cues ending with an apostrophe) of ``lg``."""
    got = lg._compiled.get("place_cues")
    if got is None:
        cues = lg.place_cues
        got = lg._compiled["place_cues"] = (tuple(" " + c for c in cues), frozenset(cues), tuple(c for c in cues if c.endswith("'")))
    return got


def _place_cue(text: str, s: int, lg: langdata.Lang) -> bool:
    """A place cue (in, near, à, région de) right before ``s``; an elided one (d', l') touches it."""
    before = text[max(0, s - 24):s].lower().replace("’", "'")
    before = before.rstrip()
    spaced, cues, elided = _place_cues(lg)
    if before.endswith(spaced) or before in cues:
        return True
    return any(text[max(0, s - len(cue)):s].lower().replace("’", "'") == cue for cue in elided)
