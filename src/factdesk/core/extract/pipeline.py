"""The extraction pipeline behind ``factdesk.core.extract.extract`` (see the package docstring)."""

from __future__ import annotations

import datetime as dt
import re

from ..models import Claim, Sentence, Span, claim_id
from . import ExtractResult, langdata
from .anaphora import OrgTracker
from .attribution import find_attributions
from .clock import clock_times, may_tell_time
from .dates import DateCand, build_reference, find_dates, resolve, resolve_quoted_today, weekday_key
from .entities import common_word, find_entities
from .names import source_key
from .numbers import find_quantities, tokenize
from .quotes import find_quotes
from .score import score
from .sentences import date_marker, split_sentences

MAX_SENTENCE = 20000
"""Longer sentences (a 1 MB single line) are only scanned on their first characters for spans."""


def _codes(sent: Sentence, art_lang: str | None) -> tuple[str, tuple[str, ...]]:
    if sent.kind == "foreign":
        main = art_lang or "en"
        return main, tuple(c for c in ("en",) if c != main)
    main = sent.lang or art_lang or ""
    return main, ()


def _speakerless(s: str) -> str:
    return " ".join(s.split())


def run(article_id: str, text: str, language: str | None, published: str | None, today: dt.date | None) -> ExtractResult:
    lang = language if isinstance(language, str) and language not in ("", "und") else None
    if lang is None:
        lang = langdata.detect_language(text)
    sents = split_sentences(text, lang)
    marker = date_marker(text)
    pub = published if isinstance(published, str) and published.strip() else None
    if pub is None and marker:
        pub = marker

    # pass 1: date candidates everywhere (the reference may come from any sentence)
    per_sent_dates: list[list[DateCand]] = []
    pool: list[tuple[str, DateCand]] = []
    stamps: list[tuple[str, DateCand]] = []  # dates of the page's publication lines
    stamp_lines: set[int] = set()  # indexes of the sentences that are publication lines
    heads: list[tuple[str, DateCand]] = []  # dates of short lines above the first paragraph
    in_head = True
    for si, s in enumerate(sents):
        body = s.text[:MAX_SENTENCE]
        if s.kind == "boilerplate" and not (len(body) <= TIMESTAMP_LINE_MAX and any(ch.isdigit() for ch in body)):
            per_sent_dates.append([])
            continue
        main, extra = _codes(s, lang)
        cands = find_dates(body, main, extra)
        lg = langdata.get(main)
        cands = [c for c in cands if not _year_is_count(body, c, lg)]
        stamp = _timestamp_line(body, cands)
        if stamp:
            stamp_lines.add(si)
        if s.kind == "boilerplate":
            # a furniture line may be the page's publication line ("Publié le 03/04/2025 à 10h20"):
            # its dates date the article, and nothing else
            cands = cands if stamp else []
            per_sent_dates.append([])
        else:
            per_sent_dates.append(cands)
        short = len(body.split()) <= HEAD_LINE_WORDS
        for c in cands:
            pool.append((body[c.start:c.end].strip(), c))
            if stamp:
                stamps.append(pool[-1])
            elif in_head and short:
                heads.append(pool[-1])
        if s.kind == "text" and not short:
            in_head = False
    ref = build_reference(pub, pool, today, stamps, heads)

    # words the article writes in lower case: one of them capitalised to open a sentence is no name
    lower_words = {w for w in langdata.WORD_RE.findall(text) if w.islower()}
    claims: list[Claim] = []
    occurrences: dict[str, int] = {}
    last_speaker: str | None = None
    last_person: str | None = None
    orgs = OrgTracker()
    for si, s in enumerate(sents):
        norm = _speakerless(s.text)
        occ = occurrences.get(norm, 0)
        occurrences[norm] = occ + 1
        if s.kind == "boilerplate":
            continue
        body = s.text[:MAX_SENTENCE]
        main, extra = _codes(s, lang)
        lg = langdata.get(main)
        spans: list[Span] = []
        base = s.start

        # quotes
        quotes = find_quotes(body) if s.kind != "foreign" else []
        closed_quotes = [(q.start, q.end) for q in quotes if q.closed]

        # dates (a wire dateline's date tells when the report was filed, not when anything happened)
        dateline = next((got for c in per_sent_dates[si] if (got := _dateline_parts(body, c)) is not None), None)
        dates = [c for c in per_sent_dates[si] if dateline is None or not (dateline[0] <= c.start < dateline[1])]
        date_spans: list[tuple[DateCand, Span]] = []
        for c in dates:
            resolved, gran, basis = resolve(c, ref)
            sp = Span("date", base + c.start, base + c.end, body[c.start:c.end], resolved=resolved, granularity=gran, basis=basis)
            if c.wd is not None and (resolved is not None or (c.m is None and c.kind in ("weekday", "night"))):
                # the weekday the text names: with no day to pin it to, it still tells which day it
                # is not; next to a day and month, it can show the month is a slip
                sp.key = weekday_key(c)
            date_spans.append((c, sp))
        _quoted_today(body, date_spans, quotes)
        spans.extend(sp for _, sp in date_spans)

        # quantities (dates masked)
        toks = tokenize(body)
        masks = [(c.start, c.end) for c in per_sent_dates[si]]  # a dateline's date is no count either
        for q in find_quantities(body, lg, masks, toks=toks):
            spans.append(Span("quantity", base + q.start, base + q.end, body[q.start:q.end], value=q.value,
                              kind=q.kind, qualifier=q.qualifier, unit=q.unit))

        # attributions
        atts = find_attributions(body, lg, closed_quotes, toks=toks) if s.kind != "foreign" else []
        ents = find_entities(body, toks, lg)
        if ents and ents[0].kind == "unknown":
            ents = _no_opening_word(body, ents, lower_words, lg)
        if dateline is not None:
            # the dateline's place is a place; its agency relays the report, it is no actor in it
            _, _, (p0, p1) = dateline
            ents = [e for e in ents if not (dateline[0] <= e.start < dateline[1]) or p0 <= e.start < p1]
            for e in ents:
                if p0 <= e.start < p1 and e.kind != "place":
                    e.kind = "place"
        persons_here = [e for e in ents if e.kind == "person" and not any(a <= e.start < b for a, b in closed_quotes)]
        named_atts = [a for a in atts if not a.pronoun and a.role == "source" and a.source]
        for a in atts:
            if a.pronoun:
                who = _resolve_pronoun(a.start, persons_here, named_atts, last_speaker, last_person)
                if who:
                    a.source, a.person = who, who
                    a.key = source_key(who, main)
        for a in atts:
            if not a.pronoun and a.role == "source" and a.source:
                if a.person:
                    last_speaker = a.person
                elif a.source[:1].isupper():
                    last_speaker = a.source
        att_spans = []
        for a in atts:
            if not a.source or not a.key:
                continue
            sp = Span("attribution", base + a.start, base + a.end, body[a.start:a.end], source=a.source, key=a.key,
                      kind=a.role, speaker=a.person)
            att_spans.append((a, sp))
            spans.append(sp)

        # quote spans with speakers
        for q in quotes:
            kind = "scare" if q.scare else "speech"
            speaker = None
            if not q.scare:
                speaker = _speaker_for(q, atts, persons_here, named_atts, last_speaker, last_person)
                if speaker:
                    last_speaker = speaker
            spans.append(Span("quote", base + q.start, base + q.end, body[q.start:q.end], kind=kind, speaker=speaker))

        # entities, and the nouns standing for an organisation named before ("the company")
        for e in ents:
            spans.append(Span("entity", base + e.start, base + e.end, e.name, key=e.key, kind=e.kind))
        refs = orgs.sentence(body, toks, ents, lg) if s.kind != "foreign" else []
        for r in refs:
            spans.append(Span("entity", base + r.start, base + r.end, body[r.start:r.end], key=r.key, kind=r.kind,
                              basis=r.name))
        if persons_here:
            last_person = persons_here[-1].name

        has_core = len(spans) > len(ents) + len(refs)  # every span but the entity spans is a core one
        n_ent = len({e.key for e in ents} | {r.key for r in refs})
        if si in stamp_lines:
            is_claim = False  # when the page was published or updated: its dates serve as reference
        elif s.kind == "foreign":
            is_claim = any(sp.type in ("quantity", "date") for sp in spans)
        else:
            is_claim = has_core or (s.kind == "text" and n_ent >= 2 and len(body.split()) >= 6) or (
                # one name doing something that is news in itself ("The transport ministry has
                # ordered an independent inquiry", "SilentMolot a revendiqué l'attaque")
                s.kind == "text" and n_ent == 1 and len(body.split()) >= 6 and _acts(body, lg)) or (
                # when something happened, to the minute ("The attack began at about 5:40 p.m. on
                # Rue de la Monnaie", "Der Notruf ging um 3.50 Uhr ein")
                s.kind == "text" and len(body.split()) >= 6 and may_tell_time(body)
                and bool(clock_times(body)))
        if not is_claim:
            continue
        spans = [sp for sp in spans if 0 <= sp.start - base and sp.end <= s.end and text[sp.start:sp.end] == sp.text]
        spans.sort(key=_span_order)
        sc, reasons = score(spans, s.kind)
        claims.append(Claim(id=claim_id(article_id, s.text, occ), article_id=article_id, start=s.start, end=s.end,
                            text=s.text, score=sc, reasons=reasons, spans=spans, lang=s.lang, paragraph=s.paragraph,
                            ordinal=len(claims)))
    ref_iso = ref.day.isoformat() if ref.day else (f"{ref.year:04d}-{ref.month:02d}" if ref.year and ref.month else (f"{ref.year:04d}" if ref.year else None))
    return ExtractResult(sentences=sents, claims=claims, language=lang, reference=ref_iso,
                         reference_basis=ref.day_basis or ref.year_basis, published_marker=marker)


_OPENING_RE = re.compile(r"[\W_]*")


def _no_opening_word(body: str, ents: list, lower_words: set[str], lg: langdata.Lang) -> list:
    """Without the one-word name of no known kind that opens the sentence when it is a common word
    capitalised ("Près de 5 000 personnes", "Among the dead", "Investigators said", "Há nove
    feridos"): a word the article also writes in lower case, of ``langdata.common_words``, or one
    naming a lexicon concept (see ``entities.common_word``)."""
    first = ents[0]
    if first.start != _OPENING_RE.match(body).end() or not first.name.isalpha():
        return ents
    low = first.name.lower()
    if low in lower_words or low in langdata.common_words() or common_word(low, lg):
        return ents[1:]
    return ents


def _acts(body: str, lg: langdata.Lang) -> bool:
    rx = lg.rx("act_verbs")
    return rx is not None and rx.search(body) is not None


HEAD_LINE_WORDS = 10
"""A line of at most this many words above the article's first paragraph is part of its header
("samedi 15 mars 2025 – Moyen-Orient"): a full date there is the day the page was written."""
TIMESTAMP_LINE_MAX = 120
"""Longest line read as a page's publication line."""


def _timestamp_line(body: str, cands: list[DateCand]) -> bool:
    """A line that only tells when the page was published or updated ("08.10.2025 - 15:34 Uhr",
    "Publié le : 15/03/2025 - 09:12  Modifié le : 15/03/2025 - 12:40", "Mardi 11 février", "date
    2025-09"): dates, times, and words of ``langdata.timestamp_words`` or of three letters at most
    ("GMT", "le", "à", "p. m.") around them."""
    if len(body) > TIMESTAMP_LINE_MAX or not any(ch.isdigit() for ch in body):
        return False
    rest = body
    for c in sorted(cands, key=lambda c: c.start, reverse=True):
        rest = rest[:c.start] + " " + rest[c.end:]
    words = langdata.timestamp_words()
    return all(len(w) <= 3 or w.lower() in words for w in langdata.WORD_RE.findall(rest))


_DATELINE_BEFORE_RE = re.compile(r"^\W*[^\W\d_][^\d,]{0,40},(?:[^\d,]{1,30},){0,2}[ \t]*$")
_AGENCY_FIRST_RE = re.compile(r"^[ \t]*\([^()\d]{1,20}\)[ \t]*[-–—][ \t]*")
"""An agency before the dateline ("(ANSA) - ROMA, 12 MAR -")."""
_PLACE_COUNTRY_RE = re.compile(r"[ \t]*\([^()\d]{1,30}\)[ \t]*$")
"""A country or region after a dateline's place ("MONTE ALVAR (Lusanie)", "BEYROUTH (Liban)")."""
_DATELINE_AFTER_RE = re.compile(r"[ \t.]*(?:\([^()\d]{1,40}\)[ \t]*)?[-–—]")


def _dateline_parts(body: str, c: DateCand) -> tuple[int, int, tuple[int, int]] | None:
    """For the date of a wire dateline: ``(start, end, place)`` of the whole dateline in ``body``
    (agency and dash included) and of its place; None for any other date."""
    place = dateline_place(body, c)
    if place is None:
        return None
    after = _DATELINE_AFTER_RE.match(body, c.end)
    return 0, after.end() if after else c.end, place


def _dateline(body: str, c: DateCand) -> bool:
    """A date in a wire dateline at the head of the text: "MADRID, 31 Oct. (EP) -", "WASHINGTON, Feb 2
    (Reuters) -", "PARIS, 2 février 2024 (AFP) -", "KYIV, Ukraine, March 3 (Reuters) -" (the place in
    capitals, its country or state optional, the agency optional)."""
    return dateline_place(body, c) is not None


def dateline_place(body: str, c: DateCand) -> tuple[int, int] | None:
    """``(start, end)`` in ``body`` of the place of the wire dateline ``c`` belongs to (see
    :func:`_dateline`), or None when ``c`` is no dateline's date."""
    agency = _AGENCY_FIRST_RE.match(body)
    skip = agency.end() if agency else 0
    if c.start - skip > 60 or c.start < skip:
        return None
    head = body[skip: c.start]
    m = _DATELINE_BEFORE_RE.match(head)
    if not m:
        return None
    # the place in capitals (its country or region may follow in brackets: "MONTE ALVAR
    # (Lusanie)"), then optionally its country or state ("KYIV, Ukraine, March 3")
    place, *rest = head.rstrip(" \t").rstrip(",").split(",")
    bracket = _PLACE_COUNTRY_RE.search(place)
    if bracket is not None:
        place = place[: bracket.start()]
    letters = [ch for ch in place if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters) or len(rest) > 2:
        return None
    for seg in rest:
        words = seg.split()
        if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return None
    if not _DATELINE_AFTER_RE.match(body, c.end):
        return None
    start = skip + len(place) - len(place.lstrip(" \t\"'“«-–—•*"))
    return start, skip + len(place.rstrip(" \t"))


_TYPE_ORDER = {"quantity": 0, "date": 1, "quote": 2, "attribution": 3, "entity": 4}


def _span_order(sp: Span) -> tuple[int, int]:
    """Claim spans by start, then quantity, date, quote, attribution, entity."""
    return sp.start, _TYPE_ORDER.get(sp.type, 9)


def _year_is_count(body: str, c: DateCand, lg: langdata.Lang) -> bool:
    """A bare 4-digit 'year' directly followed by a counted noun is a count ("2000 soldiers")."""
    if c.kind != "year" or c.end - c.start != 4:
        return False
    toks = tokenize(body[c.end:c.end + 40])
    words = []
    for t in toks[:3]:
        if t.typ != "word":
            break  # "En 2010, 33 mineros": the noun after a comma and another figure counts that figure
        words.append(t)
    for n in (2, 1):
        if len(words) >= n and tuple(w.low for w in words[:n]) in lg.kind_nouns:
            return lg.kind_nouns[tuple(w.low for w in words[:n])] not in ("duration",)
    return False


def _quoted_today(body: str, date_spans: list[tuple[DateCand, Span]], quotes) -> None:
    """A quoted 'today' takes the day of the statement when the sentence dates it outside the quote."""
    closed = [(q.start, q.end) for q in quotes if q.closed]
    if not closed:
        return
    anchors = [(c, sp) for c, sp in date_spans
               if c.kind in ("weekday", "daymonth", "full") and sp.resolved and sp.granularity == "day"
               and not any(a <= c.start < b for a, b in closed)]
    if not anchors:
        return
    for c, sp in date_spans:
        if c.kind == "relday" and any(a <= c.start < b for a, b in closed):
            ac, asp = min(anchors, key=lambda x: abs(x[0].start - c.start))
            sp.resolved, sp.granularity, sp.basis = resolve_quoted_today(c, asp.resolved, asp.text)


def _resolve_pronoun(pos: int, persons_here, named_atts, last_speaker, last_person) -> str | None:
    before = [e for e in persons_here if e.end <= pos]
    if before:
        return before[-1].name
    if named_atts:
        a = named_atts[0]
        return a.person or a.source
    return last_speaker or last_person


def _speaker_for(q, atts, persons_here, named_atts, last_speaker, last_person) -> str | None:
    best = None
    for a in atts:
        if a.role == "conduit" or (a.pronoun and named_atts):
            continue
        if a.start >= q.end:
            dist = a.start - q.end
        elif a.end <= q.start:
            dist = q.start - a.end + 1
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, a)
    if best is None:
        return None
    a = best[1]
    if a.pronoun:
        who = _resolve_pronoun(q.start, persons_here, named_atts, last_speaker, last_person)
        return who or " ".join(a.cue.split())
    return a.person or a.source or None
