"""Attribution: who a claim is credited to ("according to X", "X said", "a indiqué à l'AFP un responsable").

Patterns (cue words from the language files):
- preposition + source: "according to the Pentagon", "selon l'OSDH", "citant l'armée américaine";
- source + verb: "Centcom said", "L'agence de presse Reuters a annoncé" (adverbs allowed in between:
  "ont également déclaré");
- verb + source after a quote or a comma: "…,” said the Syrian Observatory", "», précise le communiqué";
- told-verbs take a conduit: "an official at the Ministry of Defense told Agence France-Presse"
  gives the source "Ministry of Defense" and a second span (``kind="conduit"``) for AFP;
  "a indiqué à l'AFP un responsable au ministère de l'Intérieur" the same in French.

A role followed by the named holder credits the person ("said the prime minister, Luís Montenegro",
"sagte der Finanzvorstand, Jens Albrecht", "disse o comandante, Rui Costa"): the role phrase must hold
a title, a source noun or a role ending (``attribution.role_suffixes``), and the name two to four
capitalised words that close the clause; the key is the person's, as in "Luís Montenegro, the prime
minister, said".

The source must pass a source-noun check: a proper name, an acronym, an alias, or a source noun
(official, spokesman, ministry, sources, communiqué...) and not a non-source noun ("according to
the schedule", "selon le calendrier", "selon les cas"). Cues inside a closed quotation are the
speaker's words and are ignored. The display source is the most specific institution in the
phrase (an alias, then a ministry, then a proper name); ``person`` keeps a named person in the
phrase ("OSDH director Rami Abdel Rahmane") for quote speakers. Pronoun subjects ("he said",
"a-t-il ajouté") are returned with ``pronoun=True`` for the caller to resolve.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from . import langdata, names
from .numbers import Tok, tokenize

_CONNECT = frozenset("of for at from in en pour de du des d' à au aux la le les l' the y e del da do dos das".split())
_PERSON_RE = re.compile(r"^[A-Z]")
_POSSESSIVE_RE = re.compile(r"['’]s?$")


@dataclass
class AttrCand:
    start: int
    end: int
    source: str
    key: str
    role: str = "source"  # or "conduit"
    person: str | None = None
    pronoun: bool = False
    cue: str = ""


_CAP_PREFIXES = ("al-", "el-", "d'", "l'", "d’", "l’")
_ELIDED_RE = re.compile(r"^[^\W\d_]{1,5}['’](?=[^\W\d_])")
"""An elided article or preposition before a word: "dell'Enac", "all'Onu", "qu'Israël"."""


@lru_cache(maxsize=65536)
def _is_cap_text(w: str) -> bool:
    lw = w.lower()
    if lw.startswith(_CAP_PREFIXES):
        for pre in _CAP_PREFIXES:
            if lw.startswith(pre) and len(w) > len(pre):
                return w[len(pre)].isupper()
    if w[:1].islower():
        m = _ELIDED_RE.match(w)
        if m is not None:
            return w[m.end()].isupper()
    return w[:1].isupper()


def _is_cap(t: Tok) -> bool:
    return _is_cap_text(t.text)


class _LangAtt:
    """Per-language structures derived once from the language data."""

    def __init__(self, lg: langdata.Lang):
        self.told_firsts_lasts = [(t.split()[0], t.split()[-1]) for t in {" ".join(v.split()) for v in lg.att_told}]
        self.preps_lower = frozenset(p.lower() for p in lg.att_preps)
        self.trailing = _CONNECT | lg.determiners
        self.dets_by_len = sorted(lg.determiners, key=len, reverse=True)
        # a sentence without a preposition cue skips the preposition pattern
        self.prep_probe = langdata.phrase_probe(lg.att_preps)


def _lang_att(lg: langdata.Lang) -> _LangAtt:
    got = lg._compiled.get("att_derived")
    if got is None:
        got = lg._compiled["att_derived"] = _LangAtt(lg)
    return got


_ADVERB = r"(?:\s+(?:[^\W\d_]+ment|[^\W\d_]+ly|aussi|encore|déjà|ensuite|pourtant|toutefois|also|already|later|previously|again|further|auch|bereits|también|ya|já|também|par ailleurs|pour sa part|de son côté))?"
"""An adverb allowed after the first word of a verb cue ("ont également déclaré")."""


def _verb_patterns(lg: langdata.Lang) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """(the verb-cue pattern, to run on the text; where a verb cue may start, to search in the
    lowered text, or None when the verbs are not all ``langdata.CASELESS_CHARS``)."""
    got = lg._compiled.get("att_verbs_adv")
    if got is not None:
        return got
    alts = []
    verbs = set(lg.att_verbs + lg.att_told + lg.att_inverted)
    for v in sorted(verbs, key=len, reverse=True):
        words = v.split()
        esc = [re.sub(r"['’]", "['’]", re.escape(w)) for w in words]
        if len(esc) >= 2:
            pat = esc[0] + _ADVERB + r"\s+" + r"\s+".join(esc[1:])
        else:
            pat = esc[0]
        alts.append(pat)
    # the lookahead only skips positions where no alternative can match (it does not change
    # which alternative matches): a one-word verb then a word end, or the first word of a longer
    # one, an optional adverb and the start of a second word (French has dozens of "a ..." verbs,
    # each tried in turn after every "a")
    singles = [v for v in verbs if len(v.split()) == 1]
    multi = [v.split() for v in verbs if len(v.split()) >= 2]
    ahead = []
    if singles:
        ahead.append(langdata.trie_regex(singles) + r"(?![\w\-])")
    if multi:
        ahead.append(langdata.trie_regex({w[0] for w in multi}) + _ADVERB + r"\s+" + langdata.trie_regex({w[1] for w in multi}))
    ahead_re = r"(?=" + "|".join(ahead) + r")"
    rx = re.compile(r"(?<![\w\-])" + ahead_re + r"(?:" + "|".join(alts) + r")(?![\w\-])", re.I) if alts else re.compile(r"(?!x)x")
    all_caseless = alts and all(langdata.caseless(v) is not None for v in verbs)
    starts = re.compile(r"(?<![\w\-])(?:" + "|".join(ahead) + r")") if all_caseless else None
    got = lg._compiled["att_verbs_adv"] = (rx, starts)
    return got


def _verb_matches(text: str, lowered: str | None, lg: langdata.Lang) -> Iterator[re.Match[str]]:
    """The matches of the verb-cue pattern in ``text`` (``lowered`` = ``langdata.caseless(text)``)."""
    rx, starts = _verb_patterns(lg)
    return langdata.finditer_at(rx, text, starts, lowered)


_AFTER_QUOTE_RE = re.compile(r"[”»\"“'’](?![^\W\d_])\s*,?\s*(?:[^\W\d_][\w\-.’']*\s*){0,4}$")


def _after_quote(before: str) -> bool:
    """``before`` ends on a closing quotation mark, then perhaps a comma and a name of up to four
    words ("«…», a lancé", "\"…,\" Voskova shouted")."""
    return _AFTER_QUOTE_RE.search(before[-80:]) is not None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < pos < e for s, e in spans)


def find_attributions(text: str, lg: langdata.Lang, quote_spans: list[tuple[int, int]],
                      toks: list[Tok] | None = None) -> list[AttrCand]:
    if toks is None:
        toks = tokenize(text)
    if not toks:
        return []
    out: list[AttrCand] = []
    la = _lang_att(lg)
    lowered = langdata.caseless(text)
    # prepositions: according to X
    for m in (lg.rx("att_preps").finditer(text) if la.prep_probe.search(text, lowered) else ()):
        if _inside(m.start(), quote_spans):
            continue
        k = _tok_at(toks, m.end())
        np = _np_forward(toks, k, lg)
        cand = _appositive(text, toks, np, lg, m.start(), m.group(0)) or _make(text, toks, np, lg, m.start(), m.group(0))
        if cand:
            out.append(cand)
    for m in _verb_matches(text, lowered, lg):
        if _inside(m.start(), quote_spans):
            continue
        if m.group(0)[:1].isupper() and text[:m.start()].strip():
            continue  # verbs are not capitalised mid-sentence ("The United States carried")
        verb = " ".join(m.group(0).lower().split())
        low_words = verb.split()
        is_told = any(verb.startswith(a) and verb.endswith(b) for a, b in la.told_firsts_lasts) or verb == "told"
        if verb in la.preps_lower:
            continue  # handled above
        pron = _inverted_pronoun(verb, lg)
        kb = _tok_before(toks, m.start())
        ka = _tok_at(toks, m.end())
        if pron:
            out.append(AttrCand(m.start(), m.end(), "", "", pronoun=True, cue=m.group(0)))
            continue
        prev_txt = text[:m.start()].rstrip()
        inverted_ctx = (not prev_txt) or prev_txt[-1] in ",”»\"" or (prev_txt[-1] == "." and m.group(0)[:1].islower())
        if verb in lg.att_inverted and not _after_quote(prev_txt):
            continue  # "a lancé une offensive": a verb of speech only right after a quote
        cands: list[AttrCand] = []
        if is_told and lg.code != "en" or (is_told and verb != "told"):
            # French-style: a indiqué à l'AFP un responsable ...
            conduit = _cut_at_determiner(toks, _np_forward(toks, ka, lg, max_words=4), lg)
            subj_k = conduit[1] if conduit else ka
            subj = _np_forward(toks, subj_k, lg)
            c = (_appositive(text, toks, subj, lg, m.start(), m.group(0)) or _make(text, toks, subj, lg, m.start(), m.group(0))
                 ) if subj and inverted_ctx else None
            if c is None and inverted_ctx and conduit and not subj and low_words[-1] in lg.determiners:
                # "sagte der Finanzvorstand, Jens Albrecht": the phrase after the verb is the speaker
                pre = _np_forward(toks, _tok_at(toks, m.start() + len(m.group(0).split()[0])), lg)
                c = _appositive(text, toks, pre, lg, m.start(), m.group(0))
                if c is None:
                    c = _make(text, toks, conduit, lg, m.start(), m.group(0))
                conduit = None
            if c is None:
                subj = _np_back(toks, kb, lg)
                if subj and _time_phrase(toks, subj, lg) and conduit:
                    # "Am Samstag sagte Merz dem Sender": the speaker after the verb (verb second)
                    c = _make(text, toks, conduit, lg, m.start(), m.group(0))
                    conduit = None
                else:
                    c = _make(text, toks, subj, lg, None, m.group(0), end_at=m.end())
            if c:
                cands.append(c)
                cc = _make(text, toks, conduit, lg, None, m.group(0)) if conduit else None
                if cc and cc.key != c.key:
                    cc.role = "conduit"
                    cands.append(cc)
        else:
            c = None
            if inverted_ctx and not is_told:
                fw = _np_forward(toks, ka, lg)
                if fw is not None and fw[1] == fw[0] + 1 and toks[fw[0]].low in lg.pronouns:
                    # "…", zei hij: the pronoun after the verb is the speaker
                    out.append(AttrCand(m.start(), toks[fw[0]].end, "", "", pronoun=True, cue=text[m.start():toks[fw[0]].end]))
                    continue
                if fw is None:
                    # "…», a indiqué dans un communiqué le président": skip the leading adjunct
                    for k2 in range(ka + 1, min(len(toks), ka + 6)):
                        if toks[k2].typ != "word":
                            break
                        if toks[k2].low in ("le", "la", "les", "l'", "the") and k2 > ka + 1:
                            fw = _np_forward(toks, k2, lg)
                            break
                c = _appositive(text, toks, fw, lg, m.start(), m.group(0)) or _make(text, toks, fw, lg, m.start(), m.group(0))
            bk = _np_back(toks, kb, lg) if c is None else None
            if bk and _time_phrase(toks, bk, lg):
                # "Am Samstag sagte Merz", "Gestern erklärte die Ministerin": a time before the
                # verb puts the speaker after it (verb-second order)
                fw = _np_forward(toks, ka, lg)
                c = _appositive(text, toks, fw, lg, m.start(), m.group(0)) or _make(text, toks, fw, lg, m.start(), m.group(0))
            elif c is None:
                if bk:
                    words = [t for t in toks[bk[0]:bk[1]] if t.typ == "word"]
                    if len(words) == 1 and words[0].low in lg.pronouns:
                        out.append(AttrCand(toks[bk[0]].start, m.end(), "", "", pronoun=True, cue=text[toks[bk[0]].start:m.end()]))
                        continue
                c = _make(text, toks, bk, lg, None, m.group(0), end_at=m.end())
                if c is None and kb is not None and kb >= 0 and toks[kb].typ == "punct" and toks[kb].text == ",":
                    # apposition or aside: "X, for its part, puts forward" / "Name, a indiqué"; not
                    # a place the clause ends on ("se tiendra à Oslo, a annoncé la médiation")
                    kb = _before_relative(toks, _before_age(toks, kb, lg))
                    bk = _np_back(toks, kb - 1, lg)
                    if bk and _ends_on_place(toks, bk):
                        bk = None
                    c = _make(text, toks, bk, lg, None, m.group(0), end_at=m.end())
                    if c is not None and bk and _lower_head(toks, bk, lg):
                        kk = bk[0] - 1
                        while kk >= 0 and toks[kk].typ == "word" and toks[kk].low in lg.determiners:
                            kk -= 1
                        if kk >= 0 and toks[kk].typ == "punct" and toks[kk].text == ",":
                            c2 = _make(text, toks, _np_back(toks, kk - 1, lg), lg, None, m.group(0), end_at=m.end())
                            if c2 is not None:
                                c = c2
                    if c is None and bk:
                        kk = bk[0] - 1
                        while kk >= 0 and toks[kk].typ == "word" and (toks[kk].low in lg.determiners or toks[kk].low in _CONNECT):
                            kk -= 1
                        if kk >= 0 and toks[kk].typ == "punct" and toks[kk].text == ",":
                            bk2 = _np_back(toks, kk - 1, lg)
                            c = _make(text, toks, bk2, lg, None, m.group(0), end_at=m.end())
            if c:
                cands.append(c)
                if is_told:
                    conduit = _np_forward(toks, ka, lg, max_words=4)
                    cc = _make(text, toks, conduit, lg, m.start(), m.group(0)) if conduit else None
                    if cc and cc.key != c.key:
                        cc.role = "conduit"
                        cc.start = m.start()
                        cands.append(cc)
        out.extend(cands)
    # dedupe by (key, role), keep the first
    seen = set()
    res = []
    for c in sorted(out, key=lambda c: c.start):
        k = (c.key, c.role, c.pronoun, c.start if c.pronoun else 0)
        if k in seen:
            continue
        seen.add(k)
        res.append(c)
    return res


_NAME_PARTICLES = names.NAME_PARTICLES | {"e", "y"}
"""Words inside a speaker's name, and the conjunctions of double surnames ("Carvalho e Silva")."""


def _role_words(lg: langdata.Lang) -> tuple[frozenset[str], tuple[str, ...]]:
    """(single words of titles and source nouns, compound endings of role words) for ``lg``."""
    got = lg._compiled.get("att_roles")
    if got is None:
        words = {w for t in lg.titles for w in t.replace("-", " ").split() if len(w) > 2 and w not in lg.determiners}
        words |= {w for w in lg.source_nouns if len(w) > 2}
        suffixes = tuple(str(x).lower() for x in (lg.data.get("attribution", {}).get("role_suffixes") or []))
        got = lg._compiled["att_roles"] = (frozenset(words), suffixes)
    return got


def _appositive(text: str, toks: list[Tok], np: tuple[int, int] | None, lg: langdata.Lang,
                cue_start: int | None, cue: str) -> AttrCand | None:
    """A role then the named holder: "said the prime minister, Luís Montenegro" credits the person.

    ``np`` is the role phrase; it must be followed by a comma and a name of two to four
    capitalised words that ends the clause (punctuation or the end of the sentence).
    """
    if not np:
        return None
    k, j = np
    # "der Bürgermeister von Porto Vello, Carlos Mendes": the place of the role is part of it
    e = j
    while e < len(toks) and toks[e].typ == "word" and toks[e].low in _OF_WORDS:
        e += 1
        while e < len(toks) and toks[e].typ == "word" and toks[e].low in lg.determiners:
            e += 1
        n = e
        while e < len(toks) and toks[e].typ == "word" and _is_cap(toks[e]) and e - n < 4:
            e += 1
        if e == n:
            break
        j = e
    if j >= len(toks) or toks[j].text != ",":
        return None
    role = [t for t in toks[k:j] if t.typ == "word" and t.low not in lg.determiners and t.low not in _CONNECT]
    if not role or len(role) > 5 or any(t.typ == "num" for t in toks[k:j]):
        return None
    words, suffixes = _role_words(lg)
    lows = [t.low.replace("’", "'").split("'")[-1] for t in role]
    if not any(w in words or (suffixes and w.endswith(suffixes)) or any(p in words for p in w.split("-")) for w in lows):
        return None
    if _cap_person(text, _not_of_place(toks[k:j], lg), lg):
        return None
    e = j + 1
    name: list[Tok] = []
    while e < len(toks) and toks[e].typ == "word" and len(name) < 6:
        t = toks[e]
        if _is_cap(t) and t.low not in lg.determiners and t.low not in lg.stop_caps:
            name.append(t)
        elif name and t.low in _NAME_PARTICLES and e + 1 < len(toks) and toks[e + 1].typ == "word" and _is_cap(toks[e + 1]):
            name.append(t)
        else:
            break
        e += 1
    caps = [t for t in name if _is_cap(t)]
    if not 2 <= len(caps) <= 4 or not _is_cap(name[-1]):
        return None
    if e < len(toks) and (toks[e].typ != "punct" or toks[e].text in "(["):
        return None
    raw = text[name[0].start:name[-1].end]
    hit = names.aliases().lookup(raw)
    if hit and hit[1] != "person":
        return None
    if names.ministry_key(raw) or any(t.low in lg.org_words or t.low in lg.place_words for t in caps):
        return None
    if any(names.nationality_key(t.text) for t in caps):
        return None
    key = names.source_key(raw, lg.code)
    if not key:
        return None
    start = toks[k].start if cue_start is None else min(cue_start, toks[k].start)
    return AttrCand(start, name[-1].end, raw, key, person=raw, cue=cue)


_AGE_WORDS = frozenset("ans an años anni anos jahre jaar years".split())


def _before_age(toks: list[Tok], k: int, lg: langdata.Lang) -> int:
    """The comma before an age set off by commas ("Marek Dvoran, 54, told", "Marek Dvoran, 61 ans,
    a déclaré"), given the index ``k`` of the comma after it; else ``k``."""
    j = k - 1
    if j >= 0 and toks[j].typ == "word" and toks[j].low in _AGE_WORDS:
        j -= 1
    if j >= 1 and toks[j].typ == "num" and toks[j - 1].text == "," and toks[j].text.isdigit() and len(toks[j].text) <= 3:
        return j - 1
    return k


_OF_WORDS = frozenset("of de du des di da do del della dos das von van".split())


def _not_of_place(toks: list[Tok], lg: langdata.Lang) -> list[Tok]:
    """The role phrase's words without those of a name after "of" ("le maire de Porto Vello", "the
    governor of New Leon": whose role it is, not who holds it), determiners and connectors."""
    out: list[Tok] = []
    after_of = False
    for t in toks:
        if t.typ != "word":
            after_of = False
            continue
        if t.low in _OF_WORDS or t.low in lg.determiners:
            after_of = after_of or t.low in _OF_WORDS
            continue
        if after_of and _is_cap(t):
            continue
        after_of = False
        if t.low not in _CONNECT:
            out.append(t)
    return out


_RELATIVE_WORDS = frozenset("who which qui lequel laquelle quien quienes cual che chi der die das welcher welche wie die dat que".split())


def _before_relative(toks: list[Tok], k: int) -> int:
    """The comma before a relative clause set off by commas ("Voskova, who leads the Social
    Democrats, said", "Loukitch, qui dirige l'Union agrarienne, a déclaré"), given the index ``k``
    of the comma after it; else ``k``."""
    for j in range(k - 1, max(-1, k - 14), -1):
        t = toks[j]
        if t.typ == "punct":
            return k
        if t.typ == "word" and t.low in _RELATIVE_WORDS:
            return j - 1 if j >= 1 and toks[j - 1].text == "," else k
    return k


def _media_word(word: str, lg: langdata.Lang) -> bool:
    """An acronym or the name of a news outlet ("AFP", "Reuters", "l'AFP")."""
    bare = re.sub(r"^[^\W\d_]{1,5}['’]", "", word)
    if len(bare) > 1 and bare.isupper():
        return True
    key = names.source_key(bare, lg.code)
    return bool(key) and names.is_media(key)


def _cut_at_determiner(toks: list[Tok], np: tuple[int, int] | None, lg: langdata.Lang) -> tuple[int, int] | None:
    """A conduit phrase up to a determiner after a news outlet's name: "à l'AFP le ministre fédéral"
    is the AFP, then the speaker (not "der Präsident des Mieterverbands")."""
    if np is None:
        return None
    for j in range(np[0] + 1, np[1]):
        t = toks[j]
        if t.typ == "word" and t.low in lg.determiners and _media_word(toks[j - 1].text, lg):
            return (np[0], j)
    return np


def _lower_head(toks: list[Tok], np: tuple[int, int], lg: langdata.Lang) -> bool:
    for t in toks[np[0]:np[1]]:
        if t.typ != "word" or t.low in lg.determiners:
            continue
        return not _is_cap(t)
    return False


_INVERTED_RE = re.compile(r"-t-(?:il|elle|ils|elles|on)\b|-(?:ils|elles)\b")


def _inverted_pronoun(verb: str, lg: langdata.Lang) -> bool:
    return bool(_INVERTED_RE.search(verb))


def _tok_start(t: Tok) -> int:
    return t.start


def _tok_end(t: Tok) -> int:
    return t.end


def _tok_at(toks: list[Tok], pos: int) -> int:
    """Index of the first token starting at or after ``pos`` (len(toks) when none)."""
    return bisect_left(toks, pos, key=_tok_start)


def _tok_before(toks: list[Tok], pos: int) -> int | None:
    """Index of the last token ending at or before ``pos``, or None."""
    k = bisect_right(toks, pos, key=_tok_end) - 1
    return k if k >= 0 else None


_PLACE_PREPS = frozenset("in at à a au aux en dans nel nella em no na im bei op".split())
"""Prepositions before a place: the phrase after one is no speaker."""


def _ends_on_place(toks: list[Tok], np: tuple[int, int]) -> bool:
    """The phrase ends on a preposition of place and capitalised words ("… se tiendra à Oslo")."""
    k = np[1] - 1
    while k >= np[0] and toks[k].typ == "word" and _is_cap(toks[k]):
        k -= 1
    return np[0] - 1 <= k < np[1] - 1 and k >= 0 and toks[k].typ == "word" and toks[k].low in _PLACE_PREPS


_PREPS = frozenset("in on at by with from for to into during after before since dans sur par avec pour depuis après avant lors en".split())


def _np_forward(toks: list[Tok], k: int, lg: langdata.Lang, max_words: int = 9) -> tuple[int, int] | None:
    if k < len(toks) and toks[k].typ == "word" and toks[k].low in _PREPS:
        return None
    j = k
    words = 0
    seen_head = False
    while j < len(toks) and words < max_words:
        t = toks[j]
        if t.typ == "punct":
            if t.text == "(" and words:
                e = j
                while e < len(toks) and toks[e].text != ")":
                    e += 1
                if e < len(toks) and e - j <= 6:
                    j = e + 1
                    continue
            break
        if t.typ == "num":
            break
        low = t.low
        if low in lg.np_stop and low not in _CONNECT:
            break
        if seen_head and not _is_cap(t) and (low.endswith(("ing", "ant", "ed")) and low not in lg.source_nouns):
            break
        if low in lg.source_nouns or _is_cap(t):
            seen_head = True
        words += 1
        j += 1
    # trailing connectors are not part of the phrase
    trailing = _lang_att(lg).trailing
    while j > k and toks[j - 1].typ == "word" and toks[j - 1].low in trailing:
        j -= 1
    return (k, j) if j > k else None


@lru_cache(maxsize=None)
def _time_words(code: str) -> frozenset[str]:
    """Month, weekday and relative-day words of a language ("samstag", "samstagmorgen", "gestern")."""
    lg = langdata.get(code)
    rel = [k.lower() for k in (lg.dates.get("relative_days") or {}) if " " not in k]
    return langdata.calendar_words(code) | frozenset(rel)


def _time_phrase(toks: list[Tok], np: tuple[int, int], lg: langdata.Lang) -> bool:
    """The phrase is only a time ("Samstag", "am Samstagmorgen", "Gestern")."""
    words = [t.low for t in toks[np[0]:np[1]] if t.typ == "word"]
    times = _time_words(lg.code)
    return bool(words) and words[-1] in times and all(w in times or w in lg.determiners or w in _CONNECT for w in words)


def _np_back(toks: list[Tok], kb: int | None, lg: langdata.Lang, max_words: int = 10) -> tuple[int, int] | None:
    if kb is None or kb < 0:
        return None
    j = kb
    words = 0
    while j >= 0 and words < max_words:
        t = toks[j]
        if t.typ == "punct":
            if t.text == ")":
                s = j
                while s >= 0 and toks[s].text != "(":
                    s -= 1
                if s > 0 and kb - s <= 6:
                    j = s - 1
                    continue
            break
        if t.typ == "num":
            break
        low = t.low
        if low in lg.np_stop and low not in _CONNECT and not (len(t.text) > 1 and t.text.isupper()):
            break  # an acronym is no stop word ("US Central Command said": not the pronoun "us")
        words += 1
        j -= 1
    s = j + 1
    times = _time_words(lg.code)
    while s <= kb and toks[s].typ == "word" and (
            toks[s].low in _CONNECT or toks[s].low in lg.determiners
            or (toks[s].low in times and s < kb and toks[s + 1].typ == "word" and toks[s + 1].low not in times)):
        s += 1  # "On Saturday Merz said": the time is no part of the speaker
    return (s, kb + 1) if s <= kb else None


def _valid_np(toks: list[Tok], np: tuple[int, int], lg: langdata.Lang) -> bool:
    words = [t for t in toks[np[0]:np[1]] if t.typ == "word"]
    if not words:
        return False
    lows = [w.low for w in words]
    heads = [w for w in words if w.low not in lg.determiners and w.low not in _CONNECT]
    if heads and heads[0].low in lg.non_sources and not (len(heads[0].text) > 1 and heads[0].text.isupper()):
        return False  # "we", "us" … but not the acronym "US"
    if " ".join(lows) in lg.non_sources:
        return False
    if any(_is_cap(w) for w in words):
        return True
    return any(w in lg.source_nouns or w.split("'")[-1] in lg.source_nouns for w in lows)


def _make(text: str, toks: list[Tok], np: tuple[int, int] | None, lg: langdata.Lang, cue_start: int | None,
          cue: str, end_at: int | None = None) -> AttrCand | None:
    if not np or not _valid_np(toks, np, lg):
        return None
    s, e = toks[np[0]].start, toks[np[1] - 1].end
    # a trailing parenthetical acronym stays with the phrase
    phrase_toks = toks[np[0]:np[1]]
    display, person = _best_source(text, phrase_toks, lg)
    display = _strip_det(display, lg) if display else display
    if not display:
        return None
    key = names.source_key(display, lg.code)
    if not key:
        return None
    start = min(s, cue_start) if cue_start is not None else s
    end = max(e, end_at or e)
    return AttrCand(start, end, display, key, person=person, cue=cue)


@lru_cache(maxsize=65536)
def _alias_hit(raw: str, translit: bool) -> tuple[str, tuple[str, str] | None]:
    """(light form, alias hit by light form, else by transliteration when ``translit``) of ``raw``."""
    al = names.aliases()
    lk = names.light(raw)
    return lk, al.by_light.get(lk) or (al.by_translit.get(names.translit(raw)) if translit else None)


_SOURCE_CACHE: dict[tuple, tuple[str, str | None]] = {}


def _best_source(text: str, toks: list[Tok], lg: langdata.Lang) -> tuple[str, str | None]:
    """``_find_best_source``, cached on the phrase (it only reads the text between its tokens)."""
    if not toks:
        return _find_best_source(text, toks, lg)
    base = toks[0].start
    key = (text[base:toks[-1].end], tuple((t.start - base, t.end - base, t.typ) for t in toks), lg)
    got = _SOURCE_CACHE.get(key)
    if got is None:
        if len(_SOURCE_CACHE) >= 20000:
            _SOURCE_CACHE.clear()
        got = _SOURCE_CACHE[key] = _find_best_source(text, toks, lg)
    return got


def _find_best_source(text: str, toks: list[Tok], lg: langdata.Lang) -> tuple[str, str | None]:
    words = [t for t in toks if t.typ == "word"]
    al = names.aliases()
    best = None  # (rank, -len, s, e)
    person = None
    rank = {"org": 0, "group": 0, "person": 1, "place": 2}
    for i in range(len(words)):
        for n in range(min(al.max_tokens, len(words) - i), 0, -1):
            seg = words[i:i + n]
            raw = text[seg[0].start:seg[-1].end]
            lk, hit = _alias_hit(raw, n > 1)
            if not hit:
                continue
            if al.caps.get(lk) and not raw.replace(".", "").replace("'", "").split("'")[-1][-2:].isupper():
                continue
            if not any(_is_cap(x) for x in seg):
                continue
            r = rank.get(hit[1], 3)
            if hit[1] == "person" and person is None:
                person = raw
            cand = (r, -n, seg[0].start, seg[-1].end)
            if best is None or cand < best:
                best = cand
            break
    # ministries by portfolio
    for i, w in enumerate(words):
        if names.fold(w.low) in al.ministry_words or w.low.endswith(("ministerium", "ministeriums")):
            s = w.start
            if i > 0 and words[i - 1].low not in lg.determiners and words[i - 1].low not in _CONNECT and names.ministry_key(words[i - 1].text + " " + w.text):
                # the portfolio before the noun: "Interior Ministry", "Niger's interior ministry"
                s = words[i - 1].start
                if i > 1 and _POSSESSIVE_RE.search(words[i - 2].text) and _is_cap(words[i - 2]):
                    s = words[i - 2].start
            e = words[-1].end
            raw = text[s:e]
            if names.ministry_key(raw) and (best is None or best[0] > 0 or names.aliases().lookup(text[best[2]:best[3]]) is None or names.ministry_key(raw) in ("pentagon", "state-department")):
                if best is None or best[0] >= 1:
                    return _strip_det(raw, lg), person or _cap_person(text, words, lg)
    if best is not None and best[0] == 0:
        rest = [w for w in words if w.end <= best[2] or w.start >= best[3]]
        return text[best[2]:best[3]], person or _cap_person(text, rest, lg)
    capp = _cap_person(text, words, lg)
    head = next((w for w in words if w.low not in lg.determiners and w.low not in _CONNECT), None)
    nonplace = [w for w in words if _is_cap(w) and w.low not in lg.determiners and not names.nationality_key(w.text)
                and (names.aliases().lookup(w.text) or ("", "unknown"))[1] != "place"]
    if head is not None and not _is_cap(head) and head.low in lg.source_nouns and (best is None or best[0] >= 2) and not capp and not nonplace:
        return _strip_det(text[words[0].start:words[-1].end], lg), None
    if best is not None and best[0] == 1:
        return text[best[2]:best[3]], person or text[best[2]:best[3]]
    # earliest run of capitalised words
    runs = [r for r in _cap_runs(text, words, lg, split_on_gap=False) if not (len(r) == 1 and (names.nationality_key(r[0].text) or r[0].low in lg.stop_caps))]
    if runs:
        r = runs[0]
        named = _titled_person(text, words, runs, lg)
        if named:
            return named, named
        raw = text[r[0].start:r[-1].end]
        raw = names.strip_titles(raw) if len(r) > 1 else raw
        return _strip_det(raw, lg), capp
    if best is not None:
        return text[best[2]:best[3]], person
    raw = text[toks[0].start:toks[-1].end]
    return _strip_det(raw, lg), person


_NAME_LINKS = frozenset("ben bin ibn bint ould von van".split())
"""Lower-case words inside personal names in any language ("Saïd ben Hamad", "Ursula von der
Leyen"), unlike "de" or "da", which also join an office to its portfolio ("ministro da Defesa")."""


_OF_PARTICLES = frozenset(("van", "von"))


def _titled_person(text: str, words: list[Tok], runs: list[list[Tok]], lg: langdata.Lang) -> str | None:
    """The named holder of a role after the body it serves: "Severna Mining chief executive Marek
    Dvoran" is Marek Dvoran speaking (a body with a known alias keeps the credit elsewhere)."""
    if len(runs) < 2:
        return None
    role_words, suffixes = _role_words(lg)
    for r in runs[1:]:
        between = [w.low for w in words if runs[0][-1].end <= w.start and w.end <= r[0].start and not _is_cap(w)]
        if not any(w in role_words or (suffixes and w.endswith(suffixes)) for w in between):
            continue
        raw = text[r[0].start:r[-1].end]
        return _cap_person(text, r, lg) if raw == _cap_person(text, r, lg) else None
    return None


def _cap_runs(text: str, words: list[Tok], lg: langdata.Lang, *, split_on_gap: bool) -> list[list[Tok]]:
    """Runs of consecutive capitalised words (determiners excluded); with ``split_on_gap`` a run
    also ends at punctuation between two words."""
    runs: list[list[Tok]] = []
    cur: list[Tok] = []
    for k, w in enumerate(words):
        if split_on_gap and cur and text[cur[-1].end:w.start].strip():
            runs.append(cur)
            cur = []
        if _is_cap(w) and w.low not in lg.determiners:
            cur.append(w)
        elif cur and (w.low in lg.name_particles or w.low in _NAME_LINKS) and _particles_then_cap(words, k, lg) and not (
                w.low in _OF_PARTICLES and len(cur) >= 2):
            # "Peter van der Berg", but "burgemeester Paolo Rinaldi van Monteruccio": a full name
            # then "van" is the mayor of a place
            cur.append(w)  # "Peter van der Berg"
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _particles_then_cap(words: list[Tok], k: int, lg: langdata.Lang) -> bool:
    """The name particles from ``words[k]`` on are followed by a capitalised word."""
    while k < len(words) and (words[k].low in lg.name_particles or words[k].low in _NAME_LINKS):
        k += 1
    return k < len(words) and _is_cap(words[k])


def _cap_person(text: str, words: list[Tok], lg: langdata.Lang) -> str | None:
    al = names.aliases()
    for r in _cap_runs(text, words, lg, split_on_gap=True):
        raw = names.strip_titles(text[r[0].start:r[-1].end])
        parts = raw.split()
        if 2 <= len([p for p in parts if p.lower() not in lg.name_particles]) <= 4:
            hit = al.lookup(raw)
            if hit and hit[1] != "person":
                continue
            if names.ministry_key(raw):
                continue
            if any(p.lower() in lg.org_words for p in parts):
                continue
            return raw
    return None


def _strip_det(raw: str, lg: langdata.Lang) -> str:
    return _strip_det_cached(raw, lg)


@lru_cache(maxsize=65536)
def _strip_det_cached(raw: str, lg: langdata.Lang) -> str:
    s = raw.strip()
    for _ in range(3):
        low = s.lower().replace("’", "'")
        changed = False
        for d in _lang_att(lg).dets_by_len:
            if d.endswith("'") and low.startswith(d) and len(s) > len(d):
                s = s[len(d):]
                changed = True
                break
            if low.startswith(d + " ") and len(s) > len(d) + 1:
                s = s[len(d) + 1:].lstrip()
                changed = True
                break
        if not changed:
            break
    return s
