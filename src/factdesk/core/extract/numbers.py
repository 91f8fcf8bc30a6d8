"""Quantities: digits and number words, with value, qualifier, counted kind and unit.

Closed list of kinds (``Span.kind`` on quantity spans), also documented in the language files:

=============  ==========================================================================
killed         dead, killed, "killing 17", "10 morts", "Trois personnes ont été tuées"
wounded        injured, wounded, "18 blessés", "en blessant au moins 34 autres"
casualties     victims / casualties (dead or wounded, not said which)
missing        missing, disappeared
displaced      displaced people, refugees, evacuees
arrests        arrested, detained, suspects
hostages       hostages, kidnapped, abducted
rescued        survivors, rescued ("46 rescued", "rescapés", "sopravvissuti", "Überlebende"), found alive
trapped        trapped, buried, stranded ("seven miners remain trapped", "atrapados", "eingeschlossen")
people         people, persons, children, residents, ... (no casualty verb)
civilians      civilians
soldiers       soldiers, servicemen, police officers, personnel
troops         troops (deployments)
fighters       fighters, militants, combatants, rebels, jihadists
targets        sites, targets, positions, facilities, depots, bases
strikes        strikes, airstrikes, raids, bombings, bombardments
attacks        attacks, assaults, explosions, clashes
munitions      munitions, bombs, shells, weapons
rockets        rockets, missiles, mortars
drones         drones, UAVs
aircraft       aircraft, planes, jets, bombers, helicopters
vehicles       vehicles, trucks, tanks, boats
buildings      buildings, homes, schools
votes          votes, ballots, signatures
seats          seats, mandates
jobs           jobs, posts, employees ("2,500 jobs", "emplois", "Stellen", "posti di lavoro")
places         villages, towns, communes, municipalities, cantons, provinces, regions (never people: "12 aldeias evacuadas")
money          currency amounts (``unit`` = ISO code: USD, EUR, GBP...)
percent        %, percent, pour cent (``unit`` = "%")
distance       km, miles, metres (``unit`` = the unit word)
duration       "thirty-minute", "three days" (``unit`` = the unit word) - never a count; "seven and a
               half years", "sept ans et demi", "sieben Jahre und sechs Monate" are one span (7.5)
age            "81-year-old", "aged 81", "âgé de 81 ans" (``unit`` = "year")
other          a number whose counted thing is not recognised
=============  ==========================================================================

Bodies ("19 bodies", "corps", "Leichen") count as ``killed``. "one and a half million", "1,5 Millionen",
"half a million", "un demi-million", "medio millón" give the full value (1500000, 500000).
Casualty verbs win over person nouns: "18 fighters ... were killed" is ``killed``; the nearest
casualty verb before ("killing 17") or after ("Trois personnes ont été tuées") the number is
used, ties going to the one after. Qualifiers (``Span.qualifier``): at_least, more_than,
less_than, up_to, about, exactly, from per-language cue phrases before or after the number.
"dozens"/"des centaines" give the base value with ``more_than``; "une vingtaine" gives ``about``.
A range "10-15 people" gives the lower bound with ``at_least``.

Not quantities: ordinals (2nd, 1er, "second", "Une seconde frappe"), identifiers (F-16s,
Resolution 2254, kilomètre 160, France 24, phone numbers, times like 14:30), years and other
parts of dates (masked by the date pass), clock times written with a dot ("4.17 Uhr", "a las 04.17"),
"one by one", and un/une/one except in a clear count ("one child was killed", "un mort").
A bare figure given with its own source after a counted one counts the same thing ("24 000
manifestants selon la police, 100 000 selon les syndicats": both ``people``).
A part of a whole counts the whole's thing ("21 of the 29 drones", "21 des 29 drones", "21 von 29
Drohnen" are drones). An outcome word after another count with its own outcome belongs to that
count ("dos terremotos causaron 53.000 muertos": ``dos`` is not a toll).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from . import langdata

KINDS = (
    "killed", "wounded", "casualties", "missing", "displaced", "arrests", "hostages", "rescued", "trapped", "people",
    "civilians", "soldiers", "troops", "fighters", "targets", "strikes", "attacks", "munitions", "rockets", "drones",
    "aircraft", "vehicles", "buildings", "votes", "seats", "jobs", "places", "money", "percent", "distance", "area", "volume", "mass", "duration", "age", "other",
)
QUALIFIERS = ("at_least", "more_than", "less_than", "up_to", "about", "exactly")
CASUALTY_KINDS = frozenset(
    {"killed", "wounded", "casualties", "missing", "displaced", "arrests", "hostages", "rescued", "trapped"}
)
_FIXED_KINDS = frozenset({"places"})  # counted nouns that no outcome verb overrides
_STAFF_OUTCOMES = frozenset({"killed", "wounded", "missing", "hostages", "trapped", "arrests"})
"""Outcome verbs that make a count of staff ("jobs": employees, salariés, Mitarbeiter) a count of
people they happened to; "2,000 jobs saved" or "lost" stays a count of jobs."""
_MEASURE_KINDS = frozenset({"distance", "area", "volume", "mass"})  # amounts in a unit (kept as the span's unit)
_AND_WORDS = frozenset(("and", "et", "y", "e", "und", "i", "en"))
_OF_WHOM = frozenset(("whom", "dont", "quais", "cuales", "denen", "cui", "waarvan", "waaronder"))
"""Words of a relative that names a share ("of whom", "dont", "dos quais", "von denen", "di cui")."""
PERSON_KINDS = frozenset({"people", "civilians", "soldiers", "troops", "fighters"})

TOKEN_RE = re.compile(
    # No token starts with a space, and the first character decides the kind (a word wins over
    # "US$"): the lookahead skips spaces at once, and words, the most frequent, are tried first.
    r"(?=\S)(?:"
    r"(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
    r"|(?P<num>(?<![\w])\d{1,3}(?:(?:,|\.|\u202f|\xa0| )\d{3})+(?:[.,]\d+)?(?!\d)|(?<![\w])\d+(?:[.,]\d+)?(?!\d))"
    r"|(?P<sym>[%$€£¥]|US\$)"
    r"|(?P<punct>[;:.!?()\[\]«»“”\"]|,(?!\d))"
    r")"
)
_GROUPED_RE = re.compile(r"^\d{1,3}(?:(?:,|\.|\u202f|\xa0| )\d{3})+")
MASK_RES = [
    re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|fr|uk|de|es|pt|io|gov)/\S*", re.I),
    re.compile(r"[#@][\w.]+"),
    re.compile(r"\+\d[\d .()\-]{6,}\d|(?<!\d)0\d(?:[ .\-]?\d\d){4}(?!\d)"),
    re.compile(r"(?<!\d)\d{1,2}\s?(?::|h)\s?\d{2}(?!\d)|(?<!\d)\d{1,2}\s?(?:a\.m\.|p\.m\.|am|pm)(?![\w])", re.I),
    # clock times written with a dot: "4.17 Uhr", "04.17 hora local", "alle 4.17", "a las 04.17"
    re.compile(r"(?<![\d.,])\d{1,2}[.]\d{2}(?!\d)(?=\s?(?:uhr|uur|h|hrs|horas?|heures?|ore|hs)(?![^\W\d_]))"
               r"|\b(?:a las|às|alle ore|alle|gegen|um|om)\s+\d{1,2}[.]\d{2}(?![\d.,])", re.I),
]
_URL_PROBE_RE = re.compile(r"/|www\.", re.I)
_DIGIT_RE = re.compile(r"\d")
_TIME_PROBE_RE = re.compile(r"\d\s?[:hap]")
"""In the lowered text, what every clock time of ``MASK_RES[3]`` holds (a digit, then ':', 'h', 'am' or 'pm')."""
_DOT_TIME_PROBE_RE = re.compile(r"\d[.]\d\d")


def _mask_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``MASK_RES`` matches (URLs, handles, phone numbers, times), in ``MASK_RES`` order."""
    # each pattern only runs on a text holding what all its matches need: a URL '/' or 'www.',
    # a handle '#' or '@', a phone number '+' or '0', a clock time a digit then ':', 'h', 'am' or
    # 'pm', a time with a dot two digits after a dot
    lowered = langdata.caseless(text)
    has_digit = _DIGIT_RE.search(text) is not None
    needs = (
        "/" in text or ("www." in lowered if lowered is not None else _URL_PROBE_RE.search(text) is not None),
        "#" in text or "@" in text,
        has_digit and ("+" in text or "0" in text),
        has_digit and (lowered is None or _TIME_PROBE_RE.search(lowered) is not None),
        has_digit and _DOT_TIME_PROBE_RE.search(text) is not None,
    )
    out: list[tuple[int, int]] = []
    for rx, need in zip(MASK_RES, needs):
        if need:
            for m in rx.finditer(text):
                out.append(m.span())
    return out


_ORD_SUFFIX_RE = re.compile(r"^(?:st|nd|rd|th|er|re|e|ème|eme|ère|o|a|º|ª|°|nd|ten|te|ter|tes)$", re.I)


@dataclass
class Qty:
    start: int
    end: int
    value: float | None
    qualifier: str | None = None
    kind: str = "other"
    unit: str | None = None


class Tok(NamedTuple):
    """One token of ``tokenize`` (a named tuple: the cheapest object to build)."""

    start: int
    end: int
    text: str
    low: str
    typ: str  # num, word, sym, punct


_ELISION_RE = re.compile(r"^(?:[dlmnstjc]|qu|jusqu|lorsqu|puisqu)'(?=\w)")
_TOKEN_TAILS: dict[str, tuple[str, str, str]] = {}
"""Token text -> (text, low, typ): low and typ only depend on the text (its first character decides the kind)."""
_new_tuple = tuple.__new__


def _token_tail(t: str, typ: str) -> tuple[str, str, str]:
    low = t.lower()
    if "’" in low:
        low = low.replace("’", "'")
    if typ == "word" and "'" in low:
        low = _ELISION_RE.sub("", low)
    if len(_TOKEN_TAILS) >= 100000:
        _TOKEN_TAILS.clear()
    got = _TOKEN_TAILS[t] = (t, low, typ)
    return got


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    append = out.append
    tails = _TOKEN_TAILS
    for m in TOKEN_RE.finditer(text):
        t = m.group()
        tail = tails.get(t) or _token_tail(t, m.lastgroup)
        # tuple.__new__ builds the Tok without the Python-level __new__ of a named tuple
        append(_new_tuple(Tok, m.span() + tail))
    return out


_SEP_RE = re.compile(r"[ ,.]")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_HYPHEN_COMPOUND_RE = re.compile(r"[-‑–]([^\W\d_]+(?:[-‑][^\W\d_]+)*)")
_HYPHEN_RANGE_RE = re.compile(r"[-‑–](\d+)(?!\d)")


def _word_triggers(lg: langdata.Lang) -> tuple[frozenset[str], frozenset[str]]:
    """(words that may start a word quantity, first words of approximate phrases) for ``lg``."""
    got = lg._compiled.get("qty_triggers")
    if got is None:
        approx_first = frozenset(k[0] for k in lg.approx if k)
        got = (approx_first | lg.number_words | lg.one_words, approx_first)
        lg._compiled["qty_triggers"] = got
    return got


def _parse_digits(s: str, lg: langdata.Lang) -> float | None:
    s = s.replace("\xa0", " ").replace("\u202f", " ")
    g = _GROUPED_RE.match(s)
    try:
        if g:
            head = _SEP_RE.sub("", g.group(0))
            rest = s[g.end():]
            val = float(head)
            if rest:
                val += float("0." + rest[1:])
            return val
        if "," in s or "." in s:
            sep = "," if "," in s else "."
            a, b = s.split(sep, 1)
            return float(a + "." + b)
        return float(s)
    except ValueError:
        return None


_ENDS: dict[int, tuple[dict, frozenset[str], frozenset[str]]] = {}


def _table_ends(table: dict[tuple[str, ...], str]) -> tuple[frozenset[str], frozenset[str]]:
    """(first words, last words) of the keys of a token table (cached per table object)."""
    got = _ENDS.get(id(table))
    if got is None or got[0] is not table:
        got = _ENDS[id(table)] = (table, frozenset(k[0] for k in table if k), frozenset(k[-1] for k in table if k))
    return got[1], got[2]


def _table_firsts(table: dict[tuple[str, ...], str]) -> frozenset[str]:
    """First words of the keys of a token table."""
    return _table_ends(table)[0]


def _match_table(toks: list[Tok], j: int, table: dict[tuple[str, ...], str]) -> tuple[str, int] | None:
    if j >= len(toks):
        return None
    t0 = toks[j]
    if t0.low not in _table_firsts(table):
        # no key starts with this word: only the last part of a hyphenated word can match
        if t0.typ == "punct" or "-" not in t0.low:
            return None
        last = t0.low.rsplit("-", 1)[-1]
        if (last,) in table:
            return table[(last,)], 1
        return None
    # keys of up to four tokens, longest first, with no punctuation inside
    lows: list[str] = []
    for t in toks[j:j + 4]:
        if t.typ == "punct":
            break
        lows.append(t.low)
    for n in range(len(lows), 0, -1):
        key = tuple(lows[:n])
        if key in table:
            return table[key], n
    if lows and "-" in lows[0]:
        # pro-Iranian fighters: look at the last part of a hyphenated word
        last = lows[0].rsplit("-", 1)[-1]
        if (last,) in table:
            return table[(last,)], 1
    return None


def _qualifier(text: str, start: int, end: int, lg: langdata.Lang) -> tuple[str | None, int]:
    before = text[max(0, start - 40):start]
    m = lg.rx("qual_before").search(before)
    if m:
        q = lg.qualifier_for(m.group(1))
        if q:
            return q, start - (len(before) - m.start(1))
    after = text[end:end + 30]
    m = lg.rx("qual_after").match(after)
    if m:
        q = lg.qualifier_for(m.group(1), after=True)
        if q:
            return q, start
    return None, start


def _kind(toks: list[Tok], i0: int, i1: int, lg: langdata.Lang, text: str) -> tuple[str, str | None, int]:
    """(kind, unit, index after the counted noun or i1) for the number tokens toks[i0:i1]."""
    # currency sign or code before
    if i0 > 0:
        prev = toks[i0 - 1]
        if prev.typ == "sym" and prev.text in ("$", "€", "£", "¥", "US$"):
            return "money", lg.currency.get(prev.low, {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "us$": "USD"}.get(prev.low)), i1
        if prev.low in ("usd", "eur", "gbp", "us$", "chf", "jpy", "cny"):
            return "money", prev.text.upper().replace("US$", "USD"), i1
    if i1 < len(toks) and toks[i1].typ == "sym" and toks[i1].text == "%":
        return "percent", "%", i1 + 1
    noun_kind = None
    noun_end = i1
    unit = None
    # a part of a whole: "21 of the 29 drones", "21 des 29 drones", "21 von 29 Drohnen" count drones
    k = i1
    if k < len(toks) and toks[k].low in _PARTITIVE:
        k += 1
        if k < len(toks) and toks[k].low in _PARTITIVE_DET:
            k += 1
        if k < len(toks) and toks[k].typ == "num" and k + 1 < len(toks) and toks[k + 1].typ == "word":
            whole = _kind(toks, k, k + 1, lg, text)
            if whole[0] not in _MEASURE_KINDS and whole[0] not in ("other", "percent", "money", "duration", "age"):
                return whole
    j = i1
    if j < len(toks) and i1 > 0:
        # a model's designation between the number and the noun: "two B-1B bombers", "24 F-16
        # jets", "three MQ-9 Reaper drones", "cinq Shahed-136"
        m = _DESIGNATION_RE.match(text, toks[i1 - 1].end)
        if m:
            while j < len(toks) and toks[j].start < m.end():
                j += 1
    steps = 0
    while j < len(toks) and steps < 4:
        t = toks[j]
        if t.typ == "punct" or t.typ == "num":
            break
        hit = _match_table(toks, j, lg.kind_nouns)
        if hit:
            noun_kind, n = hit
            noun_end = j + n
            word = " ".join(x.low for x in toks[j:j + n])
            if noun_kind == "money":
                # a word before the currency may name it ("CFA francs", "Hong Kong dollars")
                before = toks[j - 1].low + " " + word if j > i1 else None
                unit = (before and lg.currency.get(before)) or lg.currency.get(word) or lg.currency.get(toks[j + n - 1].low)
            elif noun_kind in _MEASURE_KINDS or noun_kind == "duration":
                unit = word
            elif noun_kind == "percent":
                unit = "%"
            break
        if t.low in lg.stopwords and t.low not in ("of", "de", "d'", "des", "du", "di"):
            if t.low not in ("more", "plus", "autres", "other", "others"):
                break
        j += 1
        steps += 1
    if noun_kind in CASUALTY_KINDS or noun_kind in _FIXED_KINDS or noun_kind in _MEASURE_KINDS or noun_kind in ("money", "percent"):
        return noun_kind, unit, noun_end
    if noun_kind == "duration":
        return "duration", unit, noun_end
    if noun_kind is None or noun_kind in PERSON_KINDS:
        verb = _casualty_verb(toks, i0, i1, noun_end, lg)
        if verb:
            return verb, None, noun_end
    elif noun_kind == "jobs":
        # "two employees died", "deux salariés ont trouvé la mort": staff are people too
        verb = _casualty_verb(toks, i0, i1, noun_end, lg)
        if verb in _STAFF_OUTCOMES:
            return verb, None, noun_end
    return noun_kind or "other", unit, noun_end


_DESIGNATION_RE = re.compile(r"\s+[A-Z][A-Za-z]{0,7}-?\d+[A-Za-z]{0,3}(?:\s+[A-Z][a-z]+)?(?=\s)")
"""A model designation right after a number (``B-1B``, ``F-16``, ``MQ-9 Reaper``, ``Shahed-136``)."""

_PARTITIVE = frozenset(("of", "des", "de", "dei", "degli", "delle", "di", "von", "dos", "das", "del", "sur", "su", "sobre",
                        "der", "van"))
"""Words joining a part to its whole: "21 of the 29", "54 der 150 Sitze" (a genitive article), "21 van de 29"."""
_PARTITIVE_DET = frozenset(("the", "los", "las", "os", "as", "den", "der", "les", "de", "het"))
_AUX = frozenset("were was are is been be being got ont été sont étaient était fut furent ont-ils wurden wurde sind fueron fue resultaron foram foi ficaram".split())


def _casualty_verb(toks: list[Tok], i0: int, i1: int, noun_end: int, lg: langdata.Lang) -> str | None:
    before = None
    verb_lasts = _table_ends(lg.kind_verbs)[1]
    j = i0 - 1
    dist = 0
    while j >= 0 and dist < 4:
        t = toks[j]
        if t.typ == "punct" and t.text in ";:.!?()«»“”\"":
            break
        if t.typ == "word":
            dist += 1
            # a verb ending here ends with this word
            for n in ((3, 2, 1) if t.low in verb_lasts else ()):
                s = j - n + 1
                if s < 0:
                    continue
                seg = toks[s:j + 1]
                if any(x.typ != "word" for x in seg):
                    continue
                key = tuple(x.low for x in seg)
                if key in lg.kind_verbs:
                    before = (lg.kind_verbs[key], dist)
                    break
            if before:
                break
        j -= 1
    after = None
    j = i1
    dist = 0
    prev_low = ""
    while j < len(toks) and dist < 10:
        t = toks[j]
        if t.typ == "punct" and t.text in ";:.!?()«»“”\"":
            break
        if t.typ == "num" and j + 1 < len(toks) and (_match_table(toks, j + 1, lg.kind_verbs)
                                                      or _match_table(toks, j + 1, lg.kind_nouns)):
            break  # another count with its own outcome word: "dos terremotos causaron 53.000 muertos"
        if t.low in _OF_WHOM:
            break  # "quatro doentes, um dos quais morreu": the verb is the one of them's
        if t.typ == "word":
            dist += 1
            hit = _match_table(toks, j, lg.kind_verbs)
            if hit:
                # passive or right after the noun: "four others were wounded", "10 combatants killed"
                strong = prev_low in _AUX or j == noun_end
                after = (hit[0], 0 if strong else dist)
                break
            prev_low = t.low
        j += 1
    if before and after:
        return before[0] if before[1] < after[1] else after[0]
    if after:
        return after[0]
    if before:
        return before[0]
    return None


def _match_seq(toks: list[Tok], j: int, seqs: tuple[tuple[str, ...], ...]) -> int:
    """Length of the first word sequence of ``seqs`` at ``toks[j]`` (0 when none)."""
    for seq in seqs:
        n = len(seq)
        if j + n <= len(toks):
            for k in range(n):
                t = toks[j + k]
                if t.typ != "word" or t.low != seq[k]:
                    break
            else:
                return n
    return 0


def _duration_tail(toks: list[Tok], k: int, lg: langdata.Lang, unit: str | None) -> tuple[float, int]:
    """(value to add, tokens used) after a duration unit: "et demi" (+0.5), "und sechs Monate" (+0.5 years)."""
    if k >= len(toks):
        return 0.0, 0
    n = _match_seq(toks, k, lg.half_after)
    if n:
        return 0.5, n
    if unit and unit.split()[-1] in lg.year_units and toks[k].low in _AND_WORDS and k + 2 < len(toks) \
            and toks[k + 2].low in lg.month_units:
        t = toks[k + 1]
        months = _parse_digits(t.text, lg) if t.typ == "num" else (_t2n(t.low, lg.code) if t.low in lg.number_words else None)
        if months is not None and 0 < months < 12:
            return months / 12.0, 3
    return 0.0, 0


def _masked(s: int, e: int, masks: list[tuple[int, int]]) -> bool:
    return any(s < me and e > ms for ms, me in masks)


def find_quantities(text: str, lg: langdata.Lang, masks: list[tuple[int, int]] | None = None,
                    sentence_start: int = 0, toks: list[Tok] | None = None) -> list[Qty]:
    """Quantities in one sentence ``text`` (offsets relative to it; ``toks`` = ``tokenize(text)`` if known)."""
    masks = list(masks or [])
    masks.extend(_mask_spans(text))
    if toks is None:
        toks = tokenize(text)
    triggers = _word_triggers(lg)[0]
    out: list[Qty] = []
    used: set[int] = set()
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        typ = t.typ
        if typ == "word":
            low = t.low
            if low not in triggers and ("-" not in low or low.split("-", 1)[0] not in triggers):
                i += 1  # cannot start a word quantity
                continue
        elif typ != "num":
            i += 1
            continue
        if i in used or _masked(t.start, t.end, masks):
            i += 1
            continue
        if typ == "num":
            q = _digit_qty(text, toks, i, lg, used)
            if q:
                out.append(q)
            i += 1
            continue
        q, nxt = _word_qty(text, toks, i, lg, masks)
        if q:
            out.append(q)
            for k in range(i, nxt):
                used.add(k)
            i = nxt
            continue
        i += 1
    if out:
        _appositive_ages(text, out)
        out = [q for q in out if not _clock_time(text, q)]
    if len(out) > 1:
        _elliptic_kinds(text, out, lg)
    return out


_APPOS_BEFORE_RE = re.compile(r"[^\W\d_][\"”’)]?,[ \t]*(?:(?:de|di|da)[ \t]+)?$")
_APPOS_AFTER_RE = re.compile(
    r"[ \t]*(?:,|\)|$)|[ \t]+(?:ans|años|anos|anni|jahre|jaar|years? old)[ \t]*(?:[,);]|\.(?!\d)|$)", re.I
)
"""After an appositive age: a comma or the end of the apposition; with its unit ("61 ans", "54 years
old") also the end of the sentence ("…, a promis son PDG, Marek Dvoran, 61 ans.")."""
_NAME_BEFORE_RE = re.compile(r"\b[A-ZÀ-Þ][^\W\d_]+,[ \t]*$")
"""A capitalised word and its comma right before an age: a name's age may end its sentence."""


_CLOCK_BEFORE_RE = re.compile(
    r"(?:^|[\s(])(?:à|vers|dès|a las|hacia las|desde las|sobre las|um|gegen|alle|verso le|dalle|às|por volta das|om|rond|"
    r"peu avant|peu après|juste avant|kurz vor|kurz nach|poco antes de las|poco después de las|poco prima delle|"
    r"poco dopo le|pouco antes das|pouco depois das|kort voor|kort na|shortly before|shortly after)[ \t]+$",
    re.I,
)
_BARE_CLOCK_BEFORE_RE = re.compile(
    r"(?:^|[\s(])(?:a las|hacia las|desde las|hasta las|sobre las|alle|verso le|dalle|fino alle|às|por volta das|até às)[ \t]+$",
    re.I,
)
"""Before a bare hour: "hacia las cuatro", "alle 4 di giovedì", "às 23" (the article is the hour's)."""
_CLOCK_RANGE_TO_RE = re.compile(
    r"[ \t]*(?:à|a|au|bis|to|till|until|jusqu['’]à|alle|às|a las|hasta las|tot)[ \t]+\d{1,2}(?:[.:h]\d\d)?[ \t]*"
    r"(?:heures?|h|uhr|ore|horas?|uur)\b",
    re.I,
)
"""After an hour and its unit: the hour that ends a span of the day ("… à 6 heures")."""
_HOUR_UNITS = frozenset({"heures", "heure", "h", "horas", "hora", "uhr", "ore", "ora", "uur"})
_UNIT_WORD_RE = re.compile(r"[ \t]*([^\W\d_]+)")


def _clock_time(text: str, q: Qty) -> bool:
    """A time of day ("vers 23 heures", "peu avant 4 heures", "a las 4 horas", "hacia las cuatro",
    "alle 4", "um 22 Uhr"), not a count or a duration."""
    if q.value is None or not 0 <= q.value <= 24 or q.kind not in ("duration", "other"):
        return False
    word = _UNIT_WORD_RE.match(text, q.end)
    unit = (q.unit or (word.group(1) if word else "")).lower()
    if unit == "uhr":
        return True  # "4 Uhr" is a time of day; a duration is "4 Stunden"
    if unit not in _HOUR_UNITS:
        return q.kind == "other" and bool(_BARE_CLOCK_BEFORE_RE.search(text, max(0, q.start - 25), q.start))
    if word is not None and _CLOCK_RANGE_TO_RE.match(text, word.end()):
        return True  # "de 20 heures à 6 heures", "von 20 Uhr bis 6 Uhr": the hours of a curfew
    return bool(_CLOCK_BEFORE_RE.search(text, max(0, q.start - 25), q.start))


def _appositive_ages(text: str, out: list[Qty]) -> None:
    """A small whole number set off by commas right after a word is an age: "Jane Doe, 45, said",
    "a Spanish student, twenty-three, was among the dead", "le conducteur, 58 ans, a été blessé"."""
    for q in out:
        if q.kind in ("age", "money", "percent") or q.kind in _MEASURE_KINDS or q.value is None:
            continue
        if not (1 <= q.value <= 120 and float(q.value).is_integer()) or q.qualifier not in (None, "exactly"):
            continue
        after = _APPOS_AFTER_RE.match(text, q.end)
        if after is None or not _APPOS_BEFORE_RE.search(text, max(0, q.start - 7), q.start):
            continue
        if after.group().endswith(".") and not _NAME_BEFORE_RE.search(text, max(0, q.start - 40), q.start):
            continue  # "Il a purgé sa peine, 12 ans.": only a name's age ends its sentence
        q.kind, q.unit = "age", "year"


def _elliptic_kinds(text: str, out: list[Qty], lg: langdata.Lang) -> None:
    """A bare figure after a counted one, given with its own source, counts the same thing:
    "24 000 manifestants selon la police, 100 000 selon les syndicats"."""
    for prev, q in zip(out, out[1:]):
        if q.kind != "other" or q.unit or prev.kind not in PERSON_KINDS and prev.kind not in CASUALTY_KINDS:
            continue
        if "," not in text[prev.end:q.start] and ";" not in text[prev.end:q.start]:
            continue
        after = " ".join(text[q.end:q.end + 40].lower().replace("’", "'").split())
        if any(after.startswith(p + " ") or after.startswith(p + "'") for p in lg.att_preps):
            q.kind = prev.kind


def _digit_qty(text: str, toks: list[Tok], i: int, lg: langdata.Lang, used: set[int]) -> Qty | None:
    t = toks[i]
    s, e = t.start, t.end
    nxt_char = text[e:e + 1]
    prev_char = text[s - 1:s] if s else ""
    # identifiers: F-16, C-130, Su-35; ordinals and attached letters: 2nd, 1er, 16s, 10km
    if prev_char in "-‑" and s >= 2 and text[s - 2].isalpha():
        return None
    if prev_char and prev_char in "#@/№°":
        return None
    if nxt_char.isalpha():
        m = _LETTERS_RE.match(text, e)
        suf = m.group(0).lower() if m else ""
        if suf in ("km",):
            return Qty(s, e + len(suf), _parse_digits(t.text, lg), None, "distance", "km")
        if suf in lg.scales and i > 0 and toks[i - 1].typ == "sym":
            v = _parse_digits(t.text, lg)
            return Qty(toks[i - 1].start, e + len(suf), v * lg.scales[suf] if v is not None else None, _qualifier(text, toks[i - 1].start, e, lg)[0], "money",
                       {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "US$": "USD"}.get(toks[i - 1].text))
        return None
    if nxt_char == "." and text[e + 1:e + 2] == " " and lg.code == "de" and i + 1 < len(toks) and toks[i + 1].low in lg.months:
        return None
    if i > 0:
        prev = toks[i - 1]
        if prev.typ == "word" and (prev.low.rstrip(".") in lg.id_cues or prev.low in ("n°", "no", "nº")):
            return None
        if prev.typ == "word" and prev.text[:1].isupper() and i - 1 > 0 and toks[i - 2].typ != "punct" \
                and prev.low not in lg.stopwords and prev.low not in lg.currency and not _match_table(toks, i + 1, lg.kind_nouns) \
                and not lg.rx("qual_before").search(text[max(0, prev.start - 1):prev.end + 1]):
            return None  # "France 24", "Apollo 11": a name with a number
    value = _parse_digits(t.text, lg)
    if value is None:
        return None
    start, end = s, e
    ui = i + 1
    # hyphen compounds: 81-year-old, 30-minute, 3-1
    if nxt_char and nxt_char in "-‑–":
        m = _HYPHEN_COMPOUND_RE.match(text, e)
        if m:
            comp = m.group(1).lower()
            parts = comp.split("-")
            if parts[0] in ("year", "years", "ans", "an", "jahre", "años", "anos") and (len(parts) > 1 and parts[-1] in ("old", "olds")):
                return Qty(s, m.end(), value, None, "age", "year")
            if any(a[:1] == "-" and comp == a[1:] for a in lg.age_after):
                return Qty(s, m.end(), value, None, "age", "year")  # "65-jarige", "65-jährige"
            hit = lg.kind_nouns.get((parts[0],)) or lg.kind_nouns.get((parts[0] + "s",))
            if hit == "duration":
                return Qty(s, m.end(), value, None, "duration", parts[0])
            if hit == "distance":
                return Qty(s, m.end(), value, None, "distance", parts[0])
            return None
        m = _HYPHEN_RANGE_RE.match(text, e)
        if m and i + 1 < len(toks):
            j = i + 1
            # 10-15 people: lower bound
            kind, unit, _ = _kind(toks, i, j + 0 if toks[j].typ != "num" else j + 1, lg, text)
            if kind != "other":
                used.add(j)
                return Qty(s, m.end(), value, "at_least", kind, unit)
            return None
    # "7 and a half years", "2 and a half million"
    nh = _match_seq(toks, ui, lg.half_after) if value == int(value) else 0
    if nh:
        value += 0.5
        end = toks[ui + nh - 1].end
        used.update(range(ui, ui + nh))
        ui += nh
    # scale words: 3 million, 1,5 milliard
    if ui < len(toks) and toks[ui].typ == "word" and toks[ui].low in lg.scales and len(toks[ui].low) > 1:
        value *= lg.scales[toks[ui].low]
        end = toks[ui].end
        used.add(ui)
        ui += 1
    # ages: aged 81, âgé de 81 ans
    before = text[max(0, s - 20):s].lower()
    if any(before.rstrip().endswith(a) for a in lg.age_before):
        if ui < len(toks) and toks[ui].low in ("ans", "an", "years", "year", "jahre", "años", "anos"):
            end = toks[ui].end
        return Qty(start, end, value, None, "age", "year")
    after = text[end:end + 20].lower()
    if not lg.age_after_requires_before and any(after.startswith(" " + a) or after.startswith(a) for a in lg.age_after if " " in a or "-" in a):
        return Qty(start, end, value, None, "age", "year")
    kind, unit, noun_end = _kind(toks, i, ui, lg, text)
    if kind == "duration":
        add, nt = _duration_tail(toks, noun_end, lg, unit)
        if nt:
            value += add
            end = toks[noun_end + nt - 1].end
            used.update(range(noun_end, noun_end + nt))
    if kind == "money" and i > 0 and toks[i - 1].typ == "sym":
        start = toks[i - 1].start
    qual, qs = _qualifier(text, start, end, lg)
    return Qty(start, end, value, qual, kind, unit)


def _word_qty(text: str, toks: list[Tok], i: int, lg: langdata.Lang, masks) -> tuple[Qty | None, int]:
    t = toks[i]
    low = t.low
    # approximate phrases: dozens of, des centaines de, une vingtaine de (the longest one, of up
    # to four words with no number or punctuation inside)
    if low in _word_triggers(lg)[1]:
        lows: list[str] = []
        for x in toks[i:i + 4]:
            if x.typ != "word":
                break
            lows.append(x.low)
        for n in range(len(lows), 0, -1):
            key = tuple(lows[:n])
            if key in lg.approx:
                val, qual = lg.approx[key]
                j = i + n
                kind, unit, _ = _kind(toks, i, j, lg, text)
                return Qty(t.start, toks[j - 1].end, val, qual, kind, unit), j
    parts = low.split("-")
    if not lg.number_words:
        return None, i + 1
    if low in lg.one_words and _match_seq(toks, i + 1, lg.half_after):
        # "one and a half million", "one and a half years"
        n = _match_seq(toks, i + 1, lg.half_after)
        return _finish_word_qty(text, toks, i, i + 1 + n, 1.5, t.start, toks[i + n].end, lg)
    if parts[0] not in lg.number_words and low not in lg.number_words:
        if low in lg.one_words:
            return _one_qty(text, toks, i, lg), i + 1
        return None, i + 1
    # hyphen compound with a unit: thirty-minute, five-year
    if low not in lg.number_words and not all(p in lg.number_words or p in lg.joiners for p in parts):
        k = 0
        while k < len(parts) and (parts[k] in lg.number_words or parts[k] in lg.joiners):
            k += 1
        num_txt = "-".join(parts[:k])
        rest = parts[k:]
        value = _t2n(num_txt, lg.code)
        if value is None or not rest:
            return None, i + 1
        if rest[0] in ("year", "years") and rest[-1] == "old":
            return Qty(t.start, t.end, value, None, "age", "year"), i + 1
        hit = lg.kind_nouns.get((rest[0],)) or lg.kind_nouns.get((rest[0] + "s",))
        if hit in ("duration", "distance"):
            return Qty(t.start, t.end, value, None, hit, rest[0]), i + 1
        return None, i + 1
    # a run of number words (with joiners between them)
    j = i + 1
    last_num = i
    while j < len(toks):
        x = toks[j]
        if x.typ != "word" or text[toks[j - 1].end:x.start].strip():
            break
        xl = x.low
        xp = xl.split("-")
        if xl in lg.number_words or all(p in lg.number_words or p in lg.joiners for p in xp) or (
                xl in lg.one_words and toks[j - 1].low in lg.joiners):
            last_num = j
            j += 1
            continue
        if xl in lg.joiners and j + 1 < len(toks) and toks[j + 1].typ == "word" and (
                toks[j + 1].low in lg.number_words or toks[j + 1].low in lg.one_words):
            j += 1  # "vingt et une", "treinta y uno", "vinte e um"
            continue
        break
    j = last_num + 1
    run = text[t.start:toks[last_num].end]
    value = _t2n(run, lg.code)
    while value is None and j - 1 > i:
        j -= 1
        run = text[t.start:toks[j - 1].end]
        value = _t2n(run, lg.code)
    if value is None:
        return None, i + 1
    s, e = t.start, toks[j - 1].end
    prevw = toks[i - 1].low if i > 0 else ""
    if prevw in ("pour", "per", "por") and low in ("cent", "cents", "ciento"):
        return None, j
    # "one by one", "cent" alone after pour, "sept." etc.
    nxt = toks[j] if j < len(toks) else None
    if nxt is not None and nxt.low in ("by", "par", "à", "after", "après") and j + 1 < len(toks) and toks[j + 1].low == low:
        return None, j + 2
    nh = _match_seq(toks, j, lg.half_after)
    if nh:
        value += 0.5
        e = toks[j + nh - 1].end
        j += nh
    ambiguous = lg.data.get("numbers", {}).get("ambiguous", [])
    if j == i + 1 and low in ambiguous and not _match_table(toks, j, lg.kind_nouns):
        return None, j
    return _finish_word_qty(text, toks, i, j, value, s, e, lg)


def _finish_word_qty(text: str, toks: list[Tok], i: int, j: int, value: float, s: int, e: int,
                     lg: langdata.Lang) -> tuple[Qty | None, int]:
    """Scale word, counted kind, compound duration tail and qualifier of a word number toks[i:j]."""
    if j < len(toks) and toks[j].typ == "word" and toks[j].low in lg.scales and len(toks[j].low) > 1 and value < 1000:
        value *= lg.scales[toks[j].low]
        e = toks[j].end
        j += 1
    kind, unit, noun_end = _kind(toks, i, j, lg, text)
    if kind == "duration":
        add, nt = _duration_tail(toks, noun_end, lg, unit)
        if nt:
            value += add
            e = toks[noun_end + nt - 1].end
            j = noun_end + nt
    qual, _qs = _qualifier(text, s, e, lg)
    return Qty(s, e, value, qual, kind, unit), j


def _one_qty(text: str, toks: list[Tok], i: int, lg: langdata.Lang) -> Qty | None:
    """un/une/one: only a count in a clear casualty context ("one child was killed", "un mort")."""
    j = i + 1
    if j >= len(toks) or toks[j].typ != "word":
        return None
    hit = _match_table(toks, j, lg.kind_nouns)
    if not hit:
        return None
    noun_kind, n = hit
    if noun_kind in ("killed", "wounded", "missing", "hostages"):
        return Qty(toks[i].start, toks[i].end, 1.0, None, noun_kind, None)
    if noun_kind in PERSON_KINDS:
        verb = _casualty_verb(toks, i, i + 1, j + n, lg)
        # the verb must follow the noun closely: "one child was killed"
        if verb in ("killed", "wounded", "missing", "hostages", "arrests"):
            k = j + n
            window = [x.low for x in toks[k:k + 4] if x.typ == "word"]
            if any((w,) in lg.kind_verbs for w in window):
                return Qty(toks[i].start, toks[i].end, 1.0, None, verb, None)
    return None


_T2N = None
_T2N_LANGS = frozenset({"en", "fr", "es", "de", "pt", "it", "nl"})


def _t2n(run: str, code: str) -> float | None:
    global _T2N
    if _T2N is None:
        try:
            from text_to_num import text2num as _f  # lazy: keeps module import cheap
        except Exception:  # pragma: no cover - optional at runtime
            _f = False
        _T2N = _f
    if not _T2N or code not in _T2N_LANGS:
        return None
    s = " ".join(run.lower().replace("’", "'").split())
    try:
        return float(_T2N(s, code))
    except Exception:
        if "-" in s and code == "en":
            try:
                return float(_T2N(s.replace("-", " "), code))
            except Exception:
                return None
        return None
