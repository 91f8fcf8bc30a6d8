"""Organisations named by a common noun: "the company", "l'entreprise", "das Familienunternehmen".

Wire copy names a company or an armed group once and then calls it "the company" or "the group";
the figures it gives afterwards ("the company employs 640 people") are about that name. Such a
noun phrase becomes an entity span carrying the key of the organisation it stands for (``basis``
holds that organisation's name), so that the claim shares the name with claims that spell it out.

The organisation is the one named most often so far in the article (then the latest):
- a *company* noun ("the firm", "la société", "der Konzern") stands for a firm: a name joined by
  "&", with a legal form (GmbH, Inc, SA) or a firm word (Group, Airlines), or a name a company noun
  introduced ("the company Brandt", "l'entreprise Brandt & Söhne": such a noun is no reference);
- a *group* noun ("the group", "la milice") stands for an armed group or for a firm.

Only definite, singular noun phrases count ("a company", "the companies" do not), and a group noun
followed by "of" ("the group of villagers") is no reference. Per-language words are in the
``org_anaphora`` entry of the language files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import langdata
from .entities import EntCand
from .names import is_media
from .numbers import Tok


@dataclass(slots=True)
class Reference:
    """A noun phrase standing for an organisation named earlier."""

    start: int
    end: int
    key: str
    name: str
    kind: str


@dataclass(slots=True)
class _Named:
    name: str
    kind: str
    firm: bool
    count: int = 0
    last: int = 0


@dataclass
class OrgTracker:
    """The organisations an article has named so far, for the references of its later sentences."""

    named: dict[str, _Named] = field(default_factory=dict)
    tick: int = 0

    def sentence(self, body: str, toks: list[Tok], ents: list[EntCand], lg: langdata.Lang) -> list[Reference]:
        """References in one sentence (``ents`` its entities), noting the names it gives."""
        table = _table(lg)
        nouns = _nouns(body, toks, table) if table and table["probe"].search(body.lower()) else []
        out: list[Reference] = []
        ni = 0
        for e in ents + [None]:
            # the nouns before this entity, in text order
            while ni < len(nouns) and (e is None or nouns[ni][1] <= e.start):
                s, end, cls = nouns[ni]
                ni += 1
                if e is not None and _introduces(body[end:e.start]):
                    self._note(e, body, table, firm=True)  # "the company Brandt": it names the firm
                    continue
                ref = self._resolve(s, end, cls)
                if ref is not None:
                    out.append(ref)
            if e is not None:
                self._note(e, body, table)
        return out

    def _note(self, e: EntCand, body: str, table: dict[str, Any], firm: bool = False) -> None:
        if e.kind == "place" or e.key.startswith("ministry:"):
            return
        got = self.named.get(e.key)
        firm = firm or (got is not None and got.firm) or _firm_like(e, body, table)
        if got is None:
            if e.kind not in ("org", "group") and not firm:
                return  # a person, or a name of unknown kind nothing makes a firm
            if is_media(e.key):
                return
            got = self.named[e.key] = _Named(e.name, e.kind if e.kind in ("org", "group") else "org", firm)
        got.firm = got.firm or firm
        self.tick += 1
        got.count += 1
        got.last = self.tick

    def _resolve(self, start: int, end: int, cls: str) -> Reference | None:
        best: tuple[int, int, str] | None = None
        for key, n in self.named.items():
            if not (n.firm or (cls == "group" and n.kind == "group")):
                continue
            rank = (n.count, n.last, key)
            if best is None or rank > best:
                best = rank
        if best is None:
            return None
        n = self.named[best[2]]
        return Reference(start, end, best[2], n.name, n.kind)


def _introduces(gap: str) -> bool:
    """Nothing but spaces or up to two lower-case words between a noun and a name: the noun
    introduces the name ("le groupe hospitalier AZ Scheldeoever")."""
    words = gap.split()
    return len(words) <= 2 and all(w.islower() and w.isalpha() for w in words)


_LEGAL_FORMS = frozenset(
    "GmbH AG SE KG KGaA Inc Ltd plc PLC LLC Corp SA SAS SARL SpA Srl NV BV AS ASA AB Oy SL Lda".split()
)
"""Legal forms of companies, written as companies write them (so "AS" is not the English "as")."""


def _firm_like(e: EntCand, body: str, table: dict[str, Any]) -> bool:
    """A firm's name: joined by "&", or with a firm word or legal form in it or right after it."""
    if "&" in e.name:
        return True
    raw = [w.strip(".") for w in e.name.replace(",", " ").split()]
    words = {w.lower() for w in raw}
    if (words & table["firm_words"] or _LEGAL_FORMS.intersection(raw)) and len(words) > 1:
        return True  # "Adani Group", "Halvorsen Shipping AS" (a firm word alone names nothing)
    after = body[e.end:e.end + 12].lstrip(" ,").split(" ", 1)[0].strip(".,;")
    return after != "" and (after.lower() in table["firm_words"] or after in _LEGAL_FORMS)


def _table(lg: langdata.Lang) -> dict[str, Any]:
    got = lg._compiled.get("org_anaphora")
    if got is None:
        raw = lg.data.get("org_anaphora") or {}
        heads = {str(w).lower(): "company" for w in raw.get("company", [])}
        heads.update({str(w).lower(): "group" for w in raw.get("group", [])})
        dets = [str(d).lower().replace("’", "'") for d in raw.get("determiners", [])]
        got = {
            "heads": heads,
            "dets": frozenset(d for d in dets if not d.endswith("'")),
            "elided": tuple(d for d in dets if d.endswith("'")),
            # the company nouns a compound may end in (none where nouns are not compounded)
            "compound": tuple(h for h, c in heads.items() if c == "company") if raw.get("compound") else (),
            "after_stop": frozenset(str(w).lower() for w in raw.get("after_stop", [])),
            "firm_words": frozenset(str(w).lower() for w in raw.get("firm_words", [])),
            "skip": lg.stopwords | lg.determiners,
            # most sentences name no such noun: one search skips them
            "probe": re.compile(langdata.trie_regex(heads)),
        } if heads else {}
        lg._compiled["org_anaphora"] = got
    return got


def _head(word: str, table: dict[str, Any]) -> str | None:
    """The class of a head noun (``company`` / ``group``), or None."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    heads = table["heads"]
    cls = heads.get(w)
    if cls is None and table["compound"] and w.endswith(table["compound"]):
        # "Familienunternehmen", "Chemiekonzern": a compound ending in a company noun (a compound
        # group noun names its own kind of group: "ziekenhuisgroep" is a hospital group)
        if any(len(w) > len(h) + 2 and w.endswith(h) for h in table["compound"]):
            return "company"
    return cls


def _nouns(body: str, toks: list[Tok], table: dict[str, Any]) -> list[tuple[int, int, str]]:
    """``(start, end, class)`` of the definite singular company or group nouns of a sentence."""
    words = [t for t in toks if t.typ == "word"]
    out: list[tuple[int, int, str]] = []
    dets, skip = table["dets"], table["skip"]
    for i, w in enumerate(words):
        cls = _head(w.low, table)  # ``low`` has no elided article ("l'entreprise" → "entreprise")
        if cls is None:
            continue
        raw = w.text.lower().replace("’", "'")
        elided = raw != w.low and not raw.endswith("'s")
        if elided and not any(raw.startswith(p) for p in table["elided"]):
            continue  # "comité d'entreprise": a noun's complement, not a reference
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and not body[w.end:nxt.start].strip() and nxt.low in table["after_stop"]:
            continue  # "the group of villagers", "le groupe de travail"
        if elided:
            out.append((w.start, w.end, cls))
            continue
        # back to a definite determiner over at most two modifiers ("the German company")
        j = i - 1
        while j >= 0 and i - j <= 3:
            prev = words[j]
            if body[prev.end:words[j + 1].start].strip(" -\u00a0"):
                break  # a comma or another sign between: not one noun phrase
            if prev.text.lower().replace("’", "'") in dets or prev.low in dets:
                out.append((prev.start, w.end, cls))
                break
            if prev.low in skip or prev.text[:1].isupper():
                break  # "the Islamic State organization" holds a name: it is no reference
            j -= 1
    return out

