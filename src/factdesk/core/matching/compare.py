"""The pair scorer: is this the same fact, and if so, do the two claims disagree?

See the package docstring for the rules (qualifier intervals, event separation, the three
contradiction types). Everything here is pure: no database access.
"""

from __future__ import annotations

import math
import re
from functools import wraps
from typing import TypeVar
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz

from factdesk.core.matching.features import (
    GENERIC_POPULATIONS,
    PRECIPITATIONS,
    UNCOMPARABLE_KINDS,
    DateRange,
    WeekdayClue,
    Features,
    Quantity,
    build_features,
    intervals_intersect,
    same_measured,
)
from factdesk.core.extract.clock import clock_positions
from factdesk.core.extract.dates import WEEKDAY_NAMES
from factdesk.core.extract.names import is_media
from factdesk.core.matching.lexicon import fold, lexicon
from factdesk.core.models import Claim, Suggestion

_T = TypeVar("_T")


def _per_claim(fn: Callable[[Features], _T]) -> Callable[[Features], _T]:
    """Computed once per claim: ``fn(f)`` is kept in ``f.memo`` (a claim is met in many pairs)."""
    key = fn.__name__

    @wraps(fn)
    def once(f: Features) -> _T:
        memo = f.memo
        try:
            return memo[key]
        except KeyError:
            got = memo[key] = fn(f)
            return got

    return once


# -- thresholds (documented in the package docstring) ---------------------------------------------
MATCH_MIN = 0.34
"""Lowest sameness score stored as a ``match``."""
QUANTITY_MIN = 0.24
"""Lowest sameness (counts left out) for a quantity contradiction, with place/event evidence."""
DATE_MIN = 0.46
"""Lowest sameness (dates left out) for a date contradiction."""
DATE_MIN_SLIP = 0.32
"""The same, when the two dates have the same day in different months (``2 janvier`` / ``2 février``)."""
EVENT_QUANTITY_MIN = 0.05
"""Lowest sameness for a quantity contradiction across articles when the evidence is the counted
thing itself: one event, the same specific measure (trapped, rescued, houses, an indicator …), and no
two different places or actors named."""
EVENT_TOLL_MIN = 0.12
"""The same for two tolls (dead, injured) of the same people in one event: a toll is given for
parts of an event too (one town, one day), so the claims need more in common than a specific tally."""
PLACE_MIN = 0.15
"""Lowest sameness for a place contradiction (one event, and the same happening or name shared)."""
ACTOR_QUANTITY_MIN = 0.45
"""Lowest sameness for a quantity contradiction when only a shared named actor (no place, no event) ties the claims."""
ATTRIBUTION_MIN = 0.42
"""Lowest sameness for an attribution contradiction (and a quote or agreeing figure)."""
MINISTRY_FIGURE_MIN = 0.3
"""Lowest sameness for one specific figure of one event credited to two ministries."""
MINISTRY_STATEMENT_MIN = 0.38
MINISTRY_STATEMENT_CON = 0.6
MINISTRY_STATEMENT_TXT = 0.55
"""An announcement credited to two ministries without a quote: lowest sameness, concept overlap
and wording similarity for it to be one statement."""
SHORT_QUOTE_SIM = 0.85
"""Quote similarity for a quote of three meaningful words to be one statement (with the claims'
sameness at ATTRIBUTION_MIN): "Non ci hanno lasciato altra scelta" / "Man hat uns keine andere
Wahl gelassen"."""
ATTRIBUTION_QUOTE = 0.7
"""Quote similarity from which a quote alone shows the same statement …"""
ATTRIBUTION_QUOTED_MIN = 0.30
"""… and the lower sameness an attribution contradiction then needs."""
LONG_TRANSLATED_QUOTE_SIM = 0.55
LONG_QUOTE_WORDS = 8
"""A quote of this many words that carry meaning, translated with this similarity, shows the same
statement as a quote kept nearly word for word does."""
EVENT_QUOTE_SIM = 0.6
EVENT_QUOTE_WORDS = 5
EVENT_QUOTE_MIN = 0.25
EVENT_SHORT_QUOTE_MIN = 0.36
"""Within one event, the lowest sameness for a quote of three words that carry meaning, nearly all
kept (``SHORT_QUOTE_SIM``), to be one statement."""
"""Within one event, a translated quote of this many words that carry meaning, with this similarity,
shows one statement, with this lowest sameness."""
ENTITY_FLOOR = 1.2
"""Entity overlap denominator floor (IDF weights sum): two shared rare names saturate, one common name does not."""
CONCEPT_FLOOR = 2.0
"""Concept overlap denominator floor."""
STORY_DAYS = 21
"""Two events one article tells together, at most this many days apart, are one story (see
``PairContext.linked``)."""
EVENT_GAP_DAYS = 3
"""Two claims whose (own or inherited) dates are further apart than this are different events."""
DATE_CONFLICT_MAX_DAYS = 400
"""Dates further apart than this are different happenings, not a date error."""

@dataclass(slots=True)
class PairContext:
    """What the engine knows beyond the two claims (all optional)."""

    idf: Callable[[str], float] | None = None
    """Anchor → weight in (0, 1]; rarer anchors weigh more."""
    event_of: Mapping[str, str] = field(default_factory=dict)
    """Claim id → event id."""
    inherited: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    """Claim id → date interval inherited from its article's main event (claims without own dates)."""
    linked: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Event id → the events of the same story: told by one article together with it, at most
    ``STORY_DAYS`` apart (a cyberattack and, days later, the systems coming back)."""
    weights: dict[int, tuple] = field(default_factory=dict, repr=False, compare=False)
    """Per-claim IDF-weighted entity and concept maps (by ``id`` of the features; filled by
    :func:`sameness`). Valid while ``idf`` gives the same weights: build a new context otherwise."""


def _w(ctx: PairContext | None, anchor: str, base: float = 1.0) -> float:
    if ctx is None or ctx.idf is None:
        return base
    return base * ctx.idf(anchor)


def _weighted_overlap(a: Mapping[str, float], b: Mapping[str, float], floor: float = 0.0) -> tuple[float, list[str]]:
    """Cosine-like overlap of two weighted sets; the denominator never drops below ``floor`` so
    that sharing only very common anchors (a country named everywhere) stays a weak signal."""
    shared = [k for k in a if k in b]
    if not shared:
        return 0.0, []
    num = math.fsum(min(a[k], b[k]) for k in shared)
    den = max(math.sqrt(math.fsum(a.values()) * math.fsum(b.values())), floor)
    return (min(1.0, num / den) if den else 0.0), shared


def quote_similarity(fa: Features, fb: Features) -> tuple[float, int]:
    """Best similarity of a quote of ``fa`` with a quote of ``fb`` and the smaller quote's size.

    Quotes of fewer than 3 tokens (scare quotes) are ignored; a short quote inside a long one
    is not the same statement, so subset matching only counts between quotes of similar length.
    """
    best, size = 0.0, 0
    for qa, na in zip(fa.quotes, fa.quote_sizes):
        if na < 3:
            continue
        for qb, nb in zip(fb.quotes, fb.quote_sizes):
            if nb < 3:
                continue
            sim = fuzz.token_sort_ratio(qa, qb) / 100.0
            if min(na, nb) >= 0.6 * max(na, nb):
                sim = max(sim, 0.9 * fuzz.token_set_ratio(qa, qb) / 100.0)
                if sim < 0.8:
                    sim = max(sim, _cognate_dice(qa, qb))
            if sim > best:
                best, size = sim, min(na, nb)
    return best, size


COGNATE_PREFIX = 4
COGNATE_RATIO = 75


def _cognate_dice(qa: str, qb: str) -> float:
    """Dice similarity of two quotes' token sets where a token also pairs with a cognate of the
    other language ("concessions" / "concesiones", "Vienna" / "Viena", "products" / "produtos"):
    a token of at least five letters with the same first four letters and spelled 75 % alike.

    A translated quote keeps its concepts and its names but rarely its other words' letters;
    cognates are the rest of what a translation keeps."""
    ta, tb = set(qa.split()), set(qb.split())
    matched = len(ta & tb)
    rest_b: dict[str, list[str]] = {}
    for t in tb - ta:
        if len(t) >= COGNATE_PREFIX + 1:
            rest_b.setdefault(t[:COGNATE_PREFIX], []).append(t)
    if rest_b:
        for t in ta - tb:
            cands = rest_b.get(t[:COGNATE_PREFIX]) if len(t) > COGNATE_PREFIX else None
            if not cands:
                continue
            for c in cands:
                if fuzz.ratio(t, c) >= COGNATE_RATIO:
                    cands.remove(c)  # one partner each
                    matched += 1
                    break
    return 2.0 * matched / (len(ta) + len(tb)) if ta and tb else 0.0


def _date_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two intervals (0 when they overlap)."""
    if a[1] < b[0]:
        return b[0] - a[1]
    if b[1] < a[0]:
        return a[0] - b[1]
    return 0


def _meet(x: DateRange, y: DateRange) -> bool:
    """Two dates that may be the same time: their days overlap, except two nights that begin on
    different evenings ("the night of Saturday to Sunday" is not "the night of Sunday to Monday")."""
    if x.lo > y.hi or y.lo > x.hi:
        return False
    return x.lo == y.lo or x.granularity != "night" or y.granularity != "night"


@_per_claim
def _own_ranges(f: Features) -> list[DateRange]:
    """The claim's own dates finer than a year, computed once per claim."""
    got = [d for d in f.dates if d.granularity != "year"]
    return got


@_per_claim
def _own_dates(f: Features) -> list[tuple[int, int]]:
    """``(lo, hi)`` of the claim's own dates finer than a year (months and days), computed once per claim."""
    got = [(d.lo, d.hi) for d in f.dates if d.granularity != "year"]
    return got


def _effective_dates(f: Features, ctx: PairContext | None) -> tuple[list[tuple[int, int]], bool]:
    """The claim's own dates (months and days), else the inherited range; and whether they are its own."""
    own = _own_dates(f)
    if own:
        return own, True
    if ctx is not None and f.claim_id in ctx.inherited:
        return [ctx.inherited[f.claim_id]], False
    return [], False


def _dates_far_apart(fa: Features, fb: Features, ctx: PairContext | None) -> tuple[bool, bool]:
    """(far, both own): every date of one claim is more than EVENT_GAP_DAYS from every date of
    the other; ``both own`` when neither side's dates were inherited."""
    (da, own_a), (db, own_b) = _effective_dates(fa, ctx), _effective_dates(fb, ctx)
    if not da or not db:
        return False, False
    gap = min([_date_gap(x, y) for x in da for y in db])
    return gap > EVENT_GAP_DAYS, own_a and own_b


@dataclass(slots=True)
class QuantityVerdict:
    agree: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    loose: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    """Compatible only as bounds (``at least 17`` vs ``more than 20``) or as part of a total."""
    conflict: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    collisions: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    """Same number, different thing counted."""
    indicator: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    """Conflicts between two figures of one indicator (shares, temperatures): need one period."""
    disputed: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    """Crowd counts credited to opposing counters (police vs organisers): a known, attributed dispute."""
    same_indicator: list[str] = field(default_factory=list)
    """Indicators both claims give the same specific figure for ("61.4 %" turnout)."""


_DIMENSION_KINDS = frozenset({"distance", "area"})
"""Measures that are dimensions of a thing (a depth, a length, an area), comparable when both
claims name the thing measured."""
_DIMENSION_CONCEPTS = frozenset({"c:depth", "c:area"})


def _dimension_of(of: str | None) -> bool:
    """What a distance or an area is of names a dimension (a depth, an area) or a thing named by a
    word of its own ("5 km of coastline"), not something that falls or flows ("186 mm of rain" in a
    day against 412 mm in three days is no disagreement)."""
    return of is not None and (not of.startswith("c:") or of in _DIMENSION_CONCEPTS)


_AGREE_ONLY_KINDS = frozenset({"percent", "distance", "volume", "mass", "duration"})
"""Shares, measurements and durations: what they measure is unknown, so only the same specific
figure counts (as agreement); durations too ("10 years" sought, "a 10-year sentence"). Volumes and
masses ("30,000 litres", "12 tonnes") likewise: a tank's capacity is not the amount spilled.
The language files list only litres and tonnes as their units, so equal values are equal amounts.
An amount next to a happening it measures ("50,000 litres leaked") is that happening's amount
instead (see ``features.AMOUNT_HAPPENINGS``) and compares like a count."""
_ANY_POPULATION = frozenset({"displaced", "missing"})
_PEOPLE_MEASURE = re.compile(r"count:|arrests$|hostages$|rescued$|trapped$|displaced$|jobs$")
"""Measures that count a group of people without a toll (a generic count of people may be one)."""
BACKGROUND_DAYS = 30
"""A claim dated this long before its own article's publication tells background history."""


ABOUT_TOLERANCE = 0.10
"""``about n`` covers n ± 10 %."""


def _bounds(q: Quantity) -> Quantity:
    """The documented qualifier intervals, with ``about n`` → [0.9n, 1.1n]."""
    if q.qualifier == "about":
        t = ABOUT_TOLERANCE * q.value
        return replace(q, lo=q.value - t, hi=q.value + t, lo_open=False, hi_open=False)
    return q


# Indicators a share or a measurement is tied to: the same indicator, period and subject with two
# values beyond rounding is a contradiction; two different indicators are never compared.
INDICATORS = frozenset({
    "inflation", "economy", "interest_rate", "unemployment", "turnout", "vote_share", "revenue", "profit",
    "margin", "share_price", "temperature", "budget", "debt", "tax",
})
_MEASUREMENT_KINDS = frozenset({"percent"})
_SPEED_TAIL_RE = re.compile(
    r"^\s*(?:/\s*h\b|km/h|mph\b|kph\b|knots?\b|n[oœ]uds?\b|nudos?\b|n[oó]s\b|nodi\b|knoten\b"
    r"|(?:kilomet(?:er|re)s?|km|miles?)\s+(?:per|an|a|an)\s+hour"
    r"|(?:kilom[eè]tres?|km)\s+(?:par|à l'|a l')\s*heure|(?:kil[oó]metros|quil[oô]metros|km)\s+por\s+hora"
    r"|(?:chilometri|km)\s+(?:orari|all'ora|l'ora|per ora)|(?:kilometer|stundenkilometer|km)\s+pro\s+stunde"
    r"|stundenkilometer|(?:kilometer|km)\s+per\s+uur)",
    re.I,
)
"""A speed unit right after a distance figure ("185 km/h", "165 kilometres per hour", "185 chilometri orari")."""


_INDICATOR_KINDS = _MEASUREMENT_KINDS | {"distance"}
_POLAR = (frozenset({"approve"}), frozenset({"reject"}))
"""Opposite outcomes of one vote: counts for one side never measure the other side."""


_YES_SIDE_RE = re.compile(
    r"\b(?:le oui|du oui|the yes|yes (?:vote|side|camp)|voted yes|ja-stimmen|ja-anteil|mit ja|jastimmen|il si|del si"
    r"|voti favorevoli|votos a favor|voix pour|votes? for|o sim|do sim|el si|del si|ja-stemmen|ja-kamp)\b"
)
_NO_SIDE_RE = re.compile(
    r"\b(?:le non|du non|the no|no (?:vote|side|camp)|voted no|nein-stimmen|nein-anteil|mit nein|neinstimmen|il no|del no"
    r"|voti contrari|votos en contra|votos contra|voix contre|votes? against|o nao|do nao|el no|del no|nee-stemmen|nee-kamp)\b"
)


@_per_claim
def _folded(f: Features) -> str:
    """``fold(f.text)``, computed once per claim."""
    return fold(f.text)


@_per_claim
def _polarity(f: Features) -> str | None:
    text = _folded(f)
    yes = bool(_POLAR[0] & f.concepts) or bool(_YES_SIDE_RE.search(text))
    no = bool(_POLAR[1] & f.concepts) or bool(_NO_SIDE_RE.search(text))
    pol = "yes" if yes and not no else ("no" if no and not yes else None)
    return pol


def _opposite_polarity(fa: Features, fb: Features) -> bool:
    pa, pb = _polarity(fa), _polarity(fb)
    return pa is not None and pb is not None and pa != pb


def _quantity_offset(f: Features, q: Quantity) -> int:
    return f.text.find(q.text) if q.text else -1


def indicator(f: Features, q: Quantity) -> str | None:
    """The indicator a percentage (or a temperature) is given for: the nearest indicator concept
    before it in its clause (up to 80 characters), else right after it (up to 30)."""
    if f.mapped is None:
        return None
    off = _quantity_offset(f, q)
    if off < 0:
        return None
    end = off + len(q.text)
    if q.kind == "distance":
        # a speed: the wind speed of a storm is one indicator, any other speed another
        tail = f.text[end : end + 40]
        if q.text.rstrip().lower().endswith(("km/h", "mph")) or _SPEED_TAIL_RE.match(tail):
            return "wind_speed" if "wind" in f.concepts else "speed"
        return None
    if q.kind not in _MEASUREMENT_KINDS:
        # a bare figure followed by a degree sign or a temperature word is a temperature
        tail = f.text[end : end + 14]
        if tail.lstrip().startswith("°"):
            return "temperature"
        if any(c == "temperature" and end <= o <= end + 12 for o, c in f.mapped.positions):
            return "temperature"
        return None
    start = max(0, off - 80)
    for sep in (";", ". ", " — "):
        cut = f.text.rfind(sep, start, off)
        if cut >= 0:
            start = cut
    before = [(o, c) for o, c in f.mapped.positions if start <= o < off and c in INDICATORS]
    if before:
        return max(before)[1]
    after = [(o, c) for o, c in f.mapped.positions if end <= o <= end + 30 and c in INDICATORS]
    return min(after)[1] if after else None


@_per_claim
def _indicators(f: Features) -> list[str | None]:
    """:func:`indicator` of each of the claim's counts that can have one (else None), in order."""
    got = [
        indicator(f, q) if q.kind in _INDICATOR_KINDS or q.kind in (None, "other") else None for q in f.quantities
    ]
    return got


def _decimals(q: Quantity) -> int:
    digits = "".join(ch for ch in q.text if ch.isdigit() or ch in ".,")
    for sep in (",", "."):
        if sep in digits:
            tail = digits.rsplit(sep, 1)[1]
            if 0 < len(tail) <= 2:
                return len(tail)
    return 0


def _same_within_rounding(a: Quantity, b: Quantity) -> bool:
    """``2.2`` and ``2.25`` may be one figure rounded; ``2.2`` and ``2.4`` may not."""
    half = 0.5 * 10 ** -min(_decimals(a), _decimals(b))
    return abs(a.value - b.value) <= half + 1e-9


_TIMED_CONCEPTS = frozenset({"curfew", "ceasefire", "explosion"})
"""Things told with the clock time they start at: a curfew's hours, the hour a ceasefire takes
effect, the minute of an explosion."""
_INSTANT_CONCEPTS = frozenset({"explosion"})
"""Timed things that may happen more than once in one event: a second explosion has its own time."""
_ANOTHER_RE = re.compile(
    r"\b(?:second|another|further|first|deuxième|seconde?|autre|nouvelle|première|segunda|otra|primera|"
    r"zweite[nrs]?|weitere[nrs]?|erste[nrs]?|seconda|altra|prima|tweede|andere|eerste|outra)\s+(?:[^\W\d]+\s+){0,2}?"
    r"(?:explo|blast|detona|esplo|ontplof|deflagr)",
    re.I,
)
"""An ordinal or "another" before an explosion ("a second blast", "eine zweite Explosion"): one of
several, each with its own time."""
TIME_CONFLICT_MIN = 0.25
_ZONE_RE = re.compile(r"\b(?:GMT|UTC|CET|CEST|EST|EDT|PST|PDT|BST)\b|heure de Paris|hora peninsular|ora italiana|MEZ|MESZ")
"""A named time zone: a time in one zone against one in local time is no disagreement."""
ZONE_REACH = 14
"""Most characters from a time to the zone it is given in ("1000 GMT", "22h, heure de Paris")."""


@_per_claim
def _first_time(f: Features) -> str | None:
    """The first clock time the claim gives, None when it is given in a named time zone ("at 1000
    GMT": a local time is not comparable with it) (computed once per claim)."""
    times = clock_positions(f.text)
    got = None
    if times:
        at, got = times[0]
        if _ZONE_RE.search(f.text, at, at + ZONE_REACH):
            got = None
    return got


def _time_conflict(fa: Features, fb: Features, same: Sameness, shared_event: str | None) -> tuple[float, list[str]] | None:
    """One event, both claims about its curfew, its ceasefire or its (one) explosion, and the first
    clock time each gives differs ("from 8pm to 6am" / "de 22 heures à 6 heures"; "at noon local
    time" / "à minuit"; "shortly after 8.40am" / "at around 7:40 a.m."), neither of the two given in
    a named time zone."""
    if shared_event is None or same.core < TIME_CONFLICT_MIN:
        return None
    thing = sorted(_TIMED_CONCEPTS & fa.concepts & fb.concepts)
    if not thing:
        return None
    if set(thing) <= _INSTANT_CONCEPTS and (_ANOTHER_RE.search(fa.text) or _ANOTHER_RE.search(fb.text)):
        return None
    ta, tb = _first_time(fa), _first_time(fb)
    if ta is None or tb is None or ta == tb:
        return None
    return min(same.core + 0.15, 0.95), [f"times differ: {ta} vs {tb}", "same " + thing[0]]


SAME_CODE_BONUS = 0.12
"""Added to a match's score when both claims give the same flight or train number."""
CODE_CONFLICT_MIN = 0.25
"""Lowest sameness for a flight or train given two numbers in one event."""


def _code_conflict(fa: Features, fb: Features, same: Sameness, shared_event: str | None) -> tuple[float, list[str]] | None:
    """One event, each claim names one flight (or train) and the two numbers differ, with the
    same airline letters ("le vol AV 713" / "Flight AV 731"): a number wrong in one of them."""
    if shared_event is None or same.core < CODE_CONFLICT_MIN or len(fa.codes) != 1 or len(fb.codes) != 1:
        return None
    (a,), (b,) = fa.codes, fb.codes
    kind_a, code_a = a.split(":", 1)
    kind_b, code_b = b.split(":", 1)
    if kind_a != kind_b or code_a == code_b or code_a.rstrip("0123456789") != code_b.rstrip("0123456789"):
        return None
    return min(same.core + 0.2, 0.95), [f"{kind_a} numbers differ: {code_a} vs {code_b}"]


def _unrounded(value: float) -> bool:
    """A figure of 10 or more that is not a multiple of five (23, 58, 168): rarely a coincidence."""
    return value >= 10 and float(value).is_integer() and value % 5 != 0


def _specific(value: float) -> bool:
    """A figure unlikely to recur by chance: a decimal, or 10 or more."""
    return not float(value).is_integer() or value >= 10


def _background(f: Features) -> bool:
    """The claim's own dates all lie well before its article's publication (history recalled)."""
    if not f.published:
        return False
    own = [d for d in f.dates if d.granularity != "year"]
    if not own:
        return False
    parts = (f.published[:10].split("-") + ["1", "1"])[:3]
    try:
        pub = date(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1)).toordinal()
    except ValueError:
        return False
    return all(x.hi < pub - BACKGROUND_DAYS for x in own)


def _past_year(f: Features, other: Features, ctx: PairContext | None) -> bool:
    """The claim is dated by years only, all before the year of every date of the other claim (its
    own or its event's): history recalled, not this event. An undated other claim may be about that
    year ("the 2022 bankruptcy left 1.5 billion in debts"), so it is not enough."""
    if not f.dates or any(d.granularity != "year" for d in f.dates):
        return False
    last = max(d.hi for d in f.dates)
    od, _ = _effective_dates(other, ctx)
    return bool(od) and all(date.fromordinal(last).year < date.fromordinal(lo).year for lo, _hi in od)


def _undated_vs_background(fa: Features, fb: Features, ctx: PairContext | None) -> bool:
    """One claim recalls a past happening, the other cannot be dated at all: no evidence of one event."""
    da, _ = _effective_dates(fa, ctx)
    db, _ = _effective_dates(fb, ctx)
    return (not da and _background(fb)) or (not db and _background(fa))


# Crowd counts: who counted a figure. Authorities (police, prefecture, interior ministry) and
# organisers (unions, parties, organising committees) are the two expected opposing counters.
_AUTHORITY_RE = re.compile(
    r"\b(?:police|policia|polizei|polizia|gendarmerie|prefecture|prefectura|prefettura|questura|prefeitura"
    r"|interior|interieur|interno|viminale|innenministerium\w*|innenminister\w*|home office|administracao interna"
    r"|ministry|ministere|ministerio|ministerium\w*|ministero"
    r"|authorit(?:y|ies)|autorites?|autoridades?|behorden?|autorita"
    r"|government|gouvernement|gobierno|regierung|governo|politie|ministerie|overheid|regering|autoriteiten|gemeente)\b"
)
_ORGANISER_RE = re.compile(
    r"\b(?:organi[sz]ers?|organisateurs?|organisatrices?|organizadores?|organizzatori|veranstalter\w*|organisatoren"
    r"|promoters|promotores|convocantes|unions?|trade unions?|syndicats?|intersyndicale|sindicatos?|sindacat[oi]"
    r"|gewerkschaft\w*|cgt|cfdt|cgil|cisl|uil|ugt|ccoo|dgb|verdi|force ouvriere|fo"
    r"|party|parti|partido|partei|partito|organisatie|vakbond(?:en)?|partij)\b"
)
_ACCORDING_RE = re.compile(
    r"\b(?:according to|citing|selon|d'apres|segun|de acuerdo con|laut|nach angaben|secondo|per|segundo|de acordo com|volgens)\b[^,;.]{0,25}$"
)
_CLAUSE_END_RE = re.compile(r"[.;!?](?:\s|$)")


def _cue_side(seg: str, *, nearest_last: bool, skip_introduced: bool = False) -> tuple[str | None, int, bool]:
    """(side, distance, introduced by "according to") of the cue nearest one end of ``seg`` (folded text)."""
    best: tuple[int, str, bool] | None = None
    for side, rx in (("authorities", _AUTHORITY_RE), ("organisers", _ORGANISER_RE)):
        for m in rx.finditer(seg):
            introduced = bool(_ACCORDING_RE.search(seg[: m.start()]))
            if skip_introduced and introduced:
                continue
            dist = len(seg) - m.end() if nearest_last else m.start()
            if best is None or dist < best[0]:
                best = (dist, side, introduced)
    if best is None:
        return None, 0, False
    return best[1], best[0], best[2]


def crowd_side(f: Features, q: Quantity) -> str | None:
    """Who a crowd figure is credited to: ``authorities``, ``organisers`` or None (a bare figure).

    A cue introduced by "according to" / "selon" / "según" right after the figure binds to it
    ("24 000 selon la préfecture, 100 000 selon les syndicats"); otherwise the nearest cue in the
    figure's own stretch of the clause (since the previous figure) counts ("police counted 24,000",
    "los sindicatos contaron 100.000").
    """
    off = _quantity_offset(f, q)
    if off < 0:
        return None
    end = off + len(q.text)
    text = f.text
    prev_end, next_start = 0, len(text)
    for o in f.quantities:
        if o is q or not o.text:
            continue
        oo = text.find(o.text)
        if oo < 0:
            continue
        if oo + len(o.text) <= off:
            prev_end = max(prev_end, oo + len(o.text))
        elif oo >= end:
            next_start = min(next_start, oo)
    after = text[end:next_start][:90]
    m = _CLAUSE_END_RE.search(after)
    if m:
        after = after[: m.start()]
    before = text[prev_end:off][-90:]
    cut = max(before.rfind(". "), before.rfind(";"))
    if cut >= 0:
        before = before[cut + 1 :]
    fa_after, fa_before = fold(after), fold(before)
    side, _dist, introduced = _cue_side(fa_after, nearest_last=False)
    if side and introduced:
        return side
    side_b, _db, _ = _cue_side(fa_before, nearest_last=True, skip_introduced=prev_end > 0)
    if side_b:
        return side_b
    return side


def _crowd_dispute(fa: Features, qa: Quantity, fb: Features, qb: Quantity) -> bool:
    """Two crowd figures of a protest credited to opposing counters (police vs organisers)."""
    if qa.measure != "count:people" or qb.measure != "count:people":
        return False
    if "protest" not in fa.concepts and "protest" not in fb.concepts:
        return False
    sa, sb = crowd_side(fa, qa), crowd_side(fb, qb)
    return sa is not None and sb is not None and sa != sb


def _boundary(a: Quantity, b: Quantity) -> bool:
    """An unqualified ``n`` against ``more than n`` / ``at least n``: a headline dropping its
    qualifier, not a disagreement."""
    if a.value != b.value:
        return False
    quals = {a.qualifier, b.qualifier}
    return "exactly" in quals and bool(quals & {"more_than", "at_least", "about", "up_to"})


_FALLEN = frozenset(PRECIPITATIONS.values())


def _periods(f: Features) -> list[float]:
    """The spans of time a claim counts (``three days``, ``24 hours``), by their figures."""
    return sorted(q.value for q in f.quantities if q.kind == "duration")


def compare_quantities(fa: Features, fb: Features) -> QuantityVerdict:
    """Compare every count of ``fa`` with every count of ``fb`` (see the qualifier rule)."""
    out = QuantityVerdict()
    if not fa.quantities or not fb.quantities:
        return out
    ind_b = _indicators(fb)
    opposite = _opposite_polarity(fa, fb)
    for qa, ia in zip(fa.quantities, _indicators(fa)):
        for qb, ib in zip(fb.quantities, ind_b):
            if ia and ib and opposite:
                # a yes share against a no share: two indicators
                if qa.value == qb.value:
                    out.collisions.append((qa, qb))
                continue
            if ia and ib:
                # a share or a measurement tied to a known indicator (inflation, revenue growth,
                # turnout, a temperature …): the same indicator compares, different ones never do
                if ia != ib:
                    if qa.value == qb.value:
                        out.collisions.append((qa, qb))
                    continue
                if _same_within_rounding(qa, qb):
                    out.agree.append((qa, qb))
                    if qa.value == qb.value and _specific(qa.value):
                        out.same_indicator.append(ia)
                elif qa.qualifier == qb.qualifier == "exactly":
                    out.conflict.append((qa, qb))
                    out.indicator.append((qa, qb))
                else:
                    out.loose.append((qa, qb))
                continue
            if qa.rate != qb.rate or qa.forecast != qb.forecast or qa.each != qb.each or qa.earlier != qb.earlier:
                # "600 flights a day" and "800 flights cancelled": a rate is no total; "the toll
                # could rise to 50" and "30 were killed": a forecast is no count made; "each side
                # will free 420" and "840 prisoners freed in all": a count per party is no total;
                # "police initially said 18": an earlier count is no count of now
                continue
            ma, mb = qa.measure, qb.measure
            if ma != mb and qa.kind == qb.kind and qa.kind in _AGREE_ONLY_KINDS:
                # an amount of a happening ("12,000 litres leaked") against an amount of nothing
                # in particular ("12,000 litres of diesel"): compared as amounts
                ma = mb = qa.kind
            if qa.currency and qb.currency and qa.currency != qb.currency:
                # "60 bitcoin" and "$5.4 million", "€2.5 million" and "$2.7 million": two currencies
                continue
            if ma != mb and qa.kind == qb.kind == "money" and (qa.outcome is None or qb.outcome is None):
                # a sum that says what it is ("a ransom of $12 million") against one that does not
                ma = mb = "money"
            if ma in _AGREE_ONLY_KINDS and ma == mb and not (
                    ma in _DIMENSION_KINDS and same_measured(qa.of, qb.of) and _dimension_of(qa.of)):
                # shares and measurements: what they measure is unknown, so a difference proves
                # nothing, but the same specific figure ("64.4 %", "300 mm") is evidence; a
                # dimension of a named thing compares with one of the same thing ("à 580 mètres de
                # profondeur" / "in rund 720 Metern Tiefe"), not an amount of a substance (a tank's
                # capacity is not the amount spilled)
                if qa.value == qb.value and qa.qualifier == qb.qualifier and _specific(qa.value):
                    out.agree.append((qa, qb))
                continue
            if ma in _AGREE_ONLY_KINDS and ma == mb:
                ma = mb = f"{ma} of {qa.of}"
            if ma is None or mb is None or ma in UNCOMPARABLE_KINDS or mb in UNCOMPARABLE_KINDS:
                continue
            if ma != mb and (ma.startswith("number ") or mb.startswith("number ")):
                # a thing known only by the noun after the number ("23 schools" / "veintitrés
                # colegios", one noun in the lexicon and not the other): another noun proves nothing
                continue
            if ma != mb and not opposite and "count:people" in (ma, mb) and _PEOPLE_MEASURE.match(mb if ma == "count:people" else ma):
                # "23 prisoners released" / "vingt-trois membres libérés": people counted with no
                # outcome may be any group of people; nothing to compare, nothing to rule out
                continue
            if ma != mb or opposite:
                # different things counted, or the same thing on opposite sides of a vote
                # ("16 cantons said no" / "6 cantons approved"): never one figure
                if qa.value == qb.value:
                    out.collisions.append((qa, qb))
                continue
            if ma in _FALLEN and _periods(fa) != _periods(fb):
                # "180 mm in 24 hours" and "300 mm over three days": rain over different spans, or
                # over a span one of them does not give: only the same figure says something
                if qa.value == qb.value and qa.qualifier == qb.qualifier:
                    out.agree.append((qa, qb))
                continue
            pa, pb = qa.population, qb.population
            if ma in _ANY_POPULATION:
                # evacuees are counted as residents, people, inhabitants alike: not sub-groups
                pa = pb = None
            ba, bb = _bounds(qa), _bounds(qb)
            if pa not in GENERIC_POPULATIONS and pb not in GENERIC_POPULATIONS and pa != pb:
                # different groups of people (fighters vs civilians): not the same count
                if qa.value == qb.value:
                    out.collisions.append((qa, qb))
                continue
            if qa.part and qb.part:
                # two shares ("nine of them", "nueve de los heridos"): the same one only when equal
                if qa.value == qb.value and qa.qualifier == qb.qualifier:
                    out.agree.append((qa, qb))
                continue
            # a running total ("more than 300 since Monday", "in all") holds any one count of it
            sub_a = qa.part or (pa not in GENERIC_POPULATIONS and pb in GENERIC_POPULATIONS) or (qb.total and not qa.total)
            sub_b = qb.part or (pb not in GENERIC_POPULATIONS and pa in GENERIC_POPULATIONS) or (qa.total and not qb.total)
            if sub_a != sub_b:
                # a part against a whole: only a part larger than the whole conflicts
                part, total = (ba, bb) if sub_a else (bb, ba)
                if part.lo > total.hi or (part.lo == total.hi and (part.lo_open or total.hi_open)):
                    out.conflict.append((qa, qb))
                elif qa.value == qb.value and qa.qualifier == qb.qualifier:
                    out.agree.append((qa, qb))
                else:
                    out.loose.append((qa, qb))
                continue
            if intervals_intersect(ba, bb):
                if qa.value == qb.value:
                    out.agree.append((qa, qb))
                else:
                    out.loose.append((qa, qb))
            elif _boundary(qa, qb):
                out.loose.append((qa, qb))
            elif _crowd_dispute(fa, qa, fb, qb):
                out.disputed.append((qa, qb))
            else:
                out.conflict.append((qa, qb))
    if out.conflict:
        # "50 people on board, including the two drivers" against "48 passengers": a difference
        # that is a share one claim names is that share, not a disagreement
        shares_a = {q.value for q in fa.quantities if q.part}
        shares_b = {q.value for q in fb.quantities if q.part}
        if shares_a or shares_b:
            explained = [
                (qa, qb) for qa, qb in out.conflict
                if abs(qa.value - qb.value) in shares_a or abs(qa.value - qb.value) in shares_b
            ]
            if explained:
                out.conflict = [p for p in out.conflict if p not in explained]
                out.loose.extend(explained)
    if out.conflict:
        # "168 passengers and six crew" against "168 passeggeri e sei membri dell'equipaggio": where
        # both figures of a pair are stated on both sides, the pair is a cross-pairing of two
        # counts the claims share (one side's count may merely have gone unclassified)
        vals_a = {q.value for q in fa.quantities}
        vals_b = {q.value for q in fb.quantities}
        out.conflict = [
            (qa, qb) for qa, qb in out.conflict if not (qa.value in vals_b and qb.value in vals_a)
        ]
    if out.conflict and (out.agree or out.loose):
        # a claim giving several counts of one thing ("21 of the 29 drones"): pair them up, and
        # keep a conflict only for a count that has no compatible counterpart on the other side
        # a share merely smaller than a whole ("four of them" against "17 injured") is no
        # counterpart: it would hide "23 injured" against "17 injured"
        ok = {id(q) for pair in out.agree for q in pair}
        ok.update(id(q) for qa, qb in out.loose if qa.part == qb.part for q in (qa, qb))
        # a count the other side states the very same ("41 seats" / "41 Mandate") is accounted for:
        # what else that side gives of the thing ("a loss of eleven seats", "up from 14") is not
        # another figure for it
        same_figure = {id(q) for qa, qb in out.agree if qa.part == qb.part for q in (qa, qb)}
        out.conflict = [
            (qa, qb) for qa, qb in out.conflict
            if (id(qa) not in ok or id(qb) not in ok) and id(qa) not in same_figure and id(qb) not in same_figure
        ]
    return out


def _label(q: Quantity) -> str:
    if q.outcome and q.population and q.population != "people":
        return f"{q.population} {q.outcome}"
    return q.outcome or (q.kind or "count")


@dataclass(slots=True)
class Sameness:
    score: float
    core: float
    """Score from names, concepts, text and quotes only (no dates, counts or sources)."""
    ent: float
    con: float
    txt: float
    quote: float
    quote_size: int
    shared_entities: list[str]
    shared_places: list[str]
    shared_concepts: list[str]
    shared_sources: list[str]
    date_overlap: bool
    reasons: list[str] | None
    """Why, for the suggestion's reasons (None from the scorer's internal :func:`_sameness`)."""


_UNSHOWN_TYPES = ("report", "time")
"""Concept types never named among a match's shared terms."""


def _weights(
    f: Features, ctx: PairContext | None
) -> tuple[Features, dict[str, float], float, dict[str, float], float, list[str]]:
    """``(f, entity weights, their sum, concept weights, their sum without general concepts, shown
    terms)``: IDF-weighted, cached in ``ctx``. The shown terms are the concepts a reason may name,
    heaviest first (then by name), so that a pair's top shared terms are the first of them it shares."""
    memo = ctx.weights if ctx is not None else None
    if memo is not None:
        got = memo.get(id(f))
        if got is not None and got[0] is f:
            return got
    lex = lexicon()
    # in a fixed order, and summed exactly: a sum's last bit must not depend on the order of a set
    # (0.4 against 0.3999999999999999 at a threshold gave runs with different suggestions)
    ea = {k: _w(ctx, "e:" + k) for k in sorted(f.entities)}
    ca = {c: _w(ctx, "c:" + c, lex.weight(c)) for c in sorted(f.concepts)}
    shown = [c for c in sorted(ca, key=lambda c: (-ca[c], c)) if lex.types.get(c) not in _UNSHOWN_TYPES]
    # common words (open, late, door …) count in the sum only where both claims have them (see _overlap)
    general = lex.general_concepts
    got = (f, ea, math.fsum(ea.values()), ca, math.fsum(w for c, w in ca.items() if c not in general), shown)
    if memo is not None:
        memo[id(f)] = got  # holds ``f``, so its id is not reused while the entry lives
    return got


def _overlap(
    a: Mapping[str, float], sum_a: float, b: Mapping[str, float], sum_b: float, floor: float,
    soft: frozenset[str] = frozenset(),
) -> tuple[float, list[str]]:
    """:func:`_weighted_overlap` with the two weight sums given.

    Keys in ``soft`` (common words) are left out of the two sums (``sum_a``, ``sum_b`` must not
    count them): one side's alone is no evidence against the pair, as a paraphrase rarely keeps
    every common verb or adjective. Shared ones corroborate what the other shared keys show, up to
    as much again: alone, common words make no likeness."""
    if not a or not b or a.keys().isdisjoint(b):
        return 0.0, []
    # the keys of ``a`` also in ``b`` and min(a[k], b[k]) summed in the order of ``a``, without a
    # Python frame per key
    shared = list(filter(b.__contains__, a))
    num = math.fsum(map(min, map(a.__getitem__, shared), map(b.__getitem__, shared)))
    if soft:
        both = [k for k in shared if k in soft]
        if both:
            common = math.fsum(map(min, map(a.__getitem__, both), map(b.__getitem__, both)))
            rest = num - common
            share = min(1.0, rest / common) if common else 0.0
            num = rest + share * common
            sum_a += share * math.fsum(map(a.__getitem__, both))
            sum_b += share * math.fsum(map(b.__getitem__, both))
    den = max(math.sqrt(sum_a * sum_b), floor)
    return (min(1.0, num / den) if den else 0.0), shared


@_per_claim
def _long_names(f: Features) -> list[tuple[str, frozenset[str]]]:
    """The claim's entity keys of two words or more, with their words (computed once per claim)."""
    got = [
        (k, frozenset(t for t in k.split() if len(t) > 1)) for k in f.entities if " " in k and ":" not in k
    ]
    return got


def _name_within_name(fa: Features, fb: Features, eb: dict[str, float]) -> dict[str, float]:
    """``eb`` with a key of ``fb`` renamed to the key of ``fa`` whose words it holds or is held by,
    two words at least ("Ramiro Escalante" in "Minister für öffentliche Bauten Ramiro Escalante",
    "Brigades du Plateau" in "Red Plateau Brigades"): a name caught with a title or translated in
    part. Never a place against an organisation ("New York" / "New York Times")."""
    long_a, long_b = _long_names(fa), _long_names(fb)
    if not long_a or not long_b:
        return eb
    out = None
    for ka, ta in long_a:
        if ka in eb:
            continue
        for kb, tb in long_b:
            if kb in fa.entities or len(ta & tb) < 2 or not (ta <= tb or tb <= ta):
                continue
            if {fa.entities[ka], fb.entities[kb]} == {"place", "org"}:
                continue
            if out is None:
                out = dict(eb)
            if kb in out:
                out[ka] = out.pop(kb)
            break
    return eb if out is None else out


def sameness(fa: Features, fb: Features, ctx: PairContext | None = None) -> Sameness:
    """How strongly two claims describe the same fact, ignoring whether they agree."""
    same = _sameness(fa, fb, ctx)
    same.reasons = _sameness_reasons(fa, same, ctx)
    return same


def _sameness(fa: Features, fb: Features, ctx: PairContext | None) -> Sameness:
    """:func:`sameness` without its reasons (``reasons`` is None: see :func:`_sameness_reasons`)."""
    _, ea, sum_ea, ca, sum_ca, _ = _weights(fa, ctx)
    _, eb, sum_eb, cb, sum_cb, _ = _weights(fb, ctx)
    if ea and eb and not ea.keys() <= eb.keys():
        eb = _name_within_name(fa, fb, eb)
    ent, shared_e = _overlap(ea, sum_ea, eb, sum_eb, ENTITY_FLOOR) if ea and eb else (0.0, [])
    general = lexicon().general_concepts
    con, shared_c = _overlap(ca, sum_ca, cb, sum_cb, CONCEPT_FLOOR, general) if ca and cb else (0.0, [])
    if fa.norm and fb.norm:
        txt = (fuzz.ratio(fa.norm, fb.norm) + fuzz.token_set_ratio(fa.norm, fb.norm)) / 200.0
    else:
        txt = 0.0
    # most claims have no quote, place, source or date: skip the pairings that cannot find anything
    quote, quote_size = quote_similarity(fa, fb) if fa.quotes and fb.quotes else (0.0, 0)
    shared_places = sorted(fa.places & fb.places) if fa.places and fb.places else []
    shared_sources = sorted(fa.sources.keys() & fb.sources.keys()) if fa.sources and fb.sources else []
    # two intervals overlap (``_date_gap`` 0) when neither ends before the other begins
    date_overlap = bool(fa.dates and fb.dates) and any(_meet(x, y) for x in fa.dates for y in fb.dates)
    quote_part = max(0.0, quote - 0.4) / 0.6 if quote else 0.0
    core = 0.32 * ent + 0.30 * con + 0.26 * txt + 0.22 * quote_part
    score = core
    if date_overlap:
        score += 0.08
    if shared_sources:
        score += 0.04
    return Sameness(
        min(score, 1.0), core, ent, con, txt, quote, quote_size, shared_e, shared_places, shared_c, shared_sources, date_overlap, None
    )


def _sameness_reasons(fa: Features, same: Sameness, ctx: PairContext | None) -> list[str]:
    """The reasons of :func:`sameness` (``fa`` is the left claim it was computed for)."""
    _, ea, _, _, _, shown = _weights(fa, ctx)
    shared_e, shared_c, shared_sources = same.shared_entities, same.shared_concepts, same.shared_sources
    quote, txt, date_overlap = same.quote, same.txt, same.date_overlap
    reasons: list[str] = []
    names = [fa.entity_names.get(k) or k for k in sorted(shared_e, key=lambda k: (-ea[k], k))][:3]
    if names:
        reasons.append(("same entity " if len(names) == 1 else "same entities ") + ", ".join(names))
    if quote >= 0.5:
        reasons.append(f"quote {round(quote * 100)}% similar")
    top_c = [c for c in shown if c in shared_c][:4] if shared_c else []
    if top_c:
        reasons.append("shared terms: " + ", ".join(c.replace("_", " ") for c in top_c))
    if txt >= 0.5:
        reasons.append(f"wording {round(txt * 100)}% similar")
    if date_overlap:
        reasons.append("same date")
    if shared_sources:
        reasons.append("same source " + ", ".join(fa.sources[s] for s in shared_sources[:2]))
    return reasons


def _date_text(d: DateRange) -> str:
    return f"{d.text.strip()} ({d.resolved})" if d.resolved else d.text.strip()


_DAY_LEVEL = {"day", "night", "night-range", "range", "relative"}


def _day_key(d: DateRange) -> tuple[int, int]:
    return d.lo, d.hi


def _is_day_level(d: DateRange) -> bool:
    return d.hi - d.lo <= 2 and (d.granularity in _DAY_LEVEL or d.granularity is None)


@_per_claim
def _day_dates(f: Features) -> list[DateRange]:
    """The claim's day-level dates, computed once per claim."""
    got = [d for d in f.dates if _is_day_level(d)]
    return got


DATED_HAPPENING_CON = 0.4
"""Lowest concept overlap for two claims of one event that date the same happening to stand for one
happening without a shared name or place."""
HAPPENING_DATE_MIN = 0.20
TOLD_SLIP_MIN = 0.12
"""Lowest sameness for a month slip shown by the weekday stated with the wrong date."""
TOLD_SLIP_WORDING = 0.5
"""… and the wording similarity that stands in for a shared happening, name or place."""
"""Lowest sameness for a date contradiction about one happening of a shared event."""
WEEKDAY_DATE_MIN = 0.40
"""The same, when a weekday alone (no day to pin it to) stands for one of the dates: a claim often
names two happenings (the strikes, and the attack they answer), and which one a bare weekday dates
is less sure than for a full date."""
HAPPENING_DATE_MAX_DAYS = 10
"""Dates of one happening further apart than this are two happenings."""
_HAPPENING_GROUPS = {
    "begin": "start", "fire": "start", "explosion": "start", "depart": "departure", "withdraw": "departure",
    "meeting": "meeting", "election": "vote", "attack": "attack", "strike": "attack", "accident": "crash",
    "collapse": "crash", "earthquake": "quake", "landfall": "landfall", "appoint": "appointment", "resign": "resignation", "arrest": "arrest",
    "eruption": "eruption", "landing": "landing", "shipwreck": "crash", "exchange": "exchange", "release": "exchange",
    "verdict": "verdict", "recall": "recall", "labor_strike": "walkout", "sign": "signing",
}
"""Concepts naming a happening that has one date (outbreak, departure, meeting, vote, attack …)."""


_SCHEDULED_HAPPENINGS = frozenset({"meeting", "vote", "departure", "appointment", "walkout", "signing"})
"""Happenings announced ahead with a date (a meeting, a vote …): two announced dates conflict."""


def _pub_ordinal(f: Features) -> int | None:
    if not f.published or len(f.published) < 10:
        return None
    try:
        return date.fromisoformat(f.published[:10]).toordinal()
    except ValueError:
        return None


def _scheduled(f: Features) -> bool:
    """The claim announces its happening: its day-level dates lie after its article's publication,
    or it speaks of the next one ("the next meeting is on 12 June")."""
    days = _day_dates(f)
    if not days:
        return False
    pub = _pub_ordinal(f)
    if pub is not None and all(d.lo > pub for d in days):
        return True
    return "next" in f.concepts


def _scheduled_evidence(fa: Features, fb: Features, same: "Sameness") -> bool:
    """Both claims name one organisation, person or place, and not two different organisations."""
    named = [
        k for k in same.shared_entities
        if {fa.entities.get(k), fb.entities.get(k)} & {"org", "person", "group", "place", "unknown"} and not is_media(k)
    ]
    if not named and not same.shared_places:
        return False
    aa, ab = _actors(fa), _actors(fb)
    return not (aa and ab and not any(_same_source(x, y) for x in aa for y in ab))


@_per_claim
def _happenings(f: Features) -> set[str]:
    """The happening groups the claim's concepts name, computed once per claim."""
    got = {_HAPPENING_GROUPS[c] for c in f.concepts if c in _HAPPENING_GROUPS}
    return got


_TOLL_MEASURES = frozenset({"killed", "wounded", "missing"})


def _same_toll(fa: Features, fb: Features, qv: QuantityVerdict) -> bool:
    """The claims give one toll: they agree on a count of dead, injured or missing, nothing else
    they count differs, and neither tells a share of it ("two of the five dead")."""
    if qv.loose or any(q.part for q in fa.quantities) or any(q.part for q in fb.quantities):
        return False
    return any(qa.measure in _TOLL_MEASURES for qa, _ in qv.agree)


def _one_event(same: Sameness, qv: QuantityVerdict, same_event: bool) -> bool:
    """One event, and something beyond it ties the two claims: a name, a place, most of their
    terms, or the same specific figure ("about 600 metres below the surface" in both)."""
    if not same_event:
        return False
    return bool(same.shared_entities or same.shared_places or same.con >= 0.6) or any(
        _specific(qa.value) for qa, _ in qv.agree
    )


def _shared_happening(fa: Features, fb: Features) -> str | None:
    both = _happenings(fa) & _happenings(fb)
    return min(both) if both else None


@_per_claim
def _first_day_at(f: Features) -> tuple[int, int] | None:
    """``(start, end)`` in the claim's text of its first day or weekday, when its concepts are
    mapped (computed once per claim)."""
    first = _day_dates(f)[0].text if _day_dates(f) else (f.weekdays[0].text if f.weekdays else None)
    got = None
    if f.mapped is not None and first is not None:
        off = f.text.find(first)
        got = (off, off + len(first)) if off >= 0 else None
    return got


@_per_claim
def _dated_happening(f: Features) -> str | None:
    """The happening concept nearest to the claim's first day or weekday ("mené jeudi soir une
    série de frappes" dates the strikes, "Tuesday's attack" the attack), or None when unknown."""
    at = _first_day_at(f)
    got = None
    if at is not None:
        mid = (at[0] + at[1]) // 2
        near = [(abs(o - mid), c) for o, c in f.mapped.positions if c in _HAPPENING_GROUPS]  # type: ignore[union-attr]
        got = min(near)[1] if near else None
    return got


def _dated_group(f: Features) -> str | None:
    """The happening group of :func:`_dated_happening` (an explosion and the fire it set off start
    one happening)."""
    got = _dated_happening(f)
    return _HAPPENING_GROUPS[got] if got is not None else None


_OWN_DAY_HAPPENINGS = frozenset({"arrest", "verdict", "appointment", "resignation", "recall"})
"""Happenings that follow the one a story is about, each on a day of its own."""


def _dates_other_happenings(fa: Features, fb: Features) -> bool:
    """Each claim's first day dates a happening, not the same one, and one of them is an arrest,
    a verdict or the like (a start or a happening named alongside it is no other day)."""
    ga, gb = _verb_dated_group(fa), _verb_dated_group(fb)
    return ga is not None and gb is not None and ga != gb and (ga in _OWN_DAY_HAPPENINGS or gb in _OWN_DAY_HAPPENINGS)


VERB_DATE_REACH = 40
"""Most characters between a happening and the day right after it that dates it."""


@_per_claim
def _verb_dated_group(f: Features) -> str | None:
    """The happening group named last before the claim's first day, within ``VERB_DATE_REACH``
    characters ("Police arrested a 43-year-old man on Wednesday on suspicion of starting the fire"
    dates the arrest), else that of :func:`_dated_happening`."""
    at = _first_day_at(f)
    got = None
    if at is not None:
        before = [(o, c) for o, c in f.mapped.positions  # type: ignore[union-attr]
                  if at[0] - VERB_DATE_REACH <= o < at[0] and c in _HAPPENING_GROUPS]
        got = _HAPPENING_GROUPS[max(before)[1]] if before else _dated_group(f)
    return got


@_per_claim
def _happening_days(f: Features) -> dict[str, list[DateRange]]:
    """The claim's day-level dates by the happening group each one dates: the happening named last
    before it within ``VERB_DATE_REACH`` characters ("a snap election for July 12"), computed once."""
    out: dict[str, list[DateRange]] = {}
    types = lexicon().types
    if f.mapped is not None:
        for d in _day_dates(f):
            at = f.text.find(d.text)
            if at < 0:
                continue
            before = [(o, c) for o, c in f.mapped.positions
                      if at - VERB_DATE_REACH <= o < at and (c in _HAPPENING_GROUPS or types.get(c) == "report")]
            if before and max(before)[1] in _HAPPENING_GROUPS:
                # not a day after a reporting word ("por la huelga de pilotos, según ha informado este
                # miércoles"): that is the day of the statement
                out.setdefault(_HAPPENING_GROUPS[max(before)[1]], []).append(d)
    return out


def _happening_day_conflict(fa: Features, fb: Features) -> tuple[str, DateRange, DateRange] | None:
    """``(group, day of a, day of b)`` when both claims date one happening, on days that never meet
    and at most ``HAPPENING_DATE_MAX_DAYS`` apart, while they have more than one day each."""
    ha, hb = _happening_days(fa), _happening_days(fb)
    for g in sorted(ha.keys() & hb.keys()):
        if g in _OWN_DAY_HAPPENINGS or g == "start":
            continue
        xs, ys = ha[g], hb[g]
        if any(_meet(x, y) for x in xs for y in ys):
            continue
        gap, x, y = min(((_date_gap((x.lo, x.hi), (y.lo, y.hi)), x, y) for x in xs for y in ys), key=lambda t: t[0])
        if gap <= HAPPENING_DATE_MAX_DAYS:
            return g, x, y
    return None


def _statement_dated(f: Features) -> bool:
    """The claim's first day or weekday dates a statement, not a happening: a reporting word comes
    right before it ("the operator said on Thursday", "dans un communiqué publié lundi"), nearer
    than any happening, or right after it when it opens the sentence ("Mardi, Biden a déclaré")."""
    at = _first_day_at(f)
    if at is None:
        return False
    off, end = at
    types = lexicon().types
    positions = f.mapped.positions  # type: ignore[union-attr]
    before = [(o, c in _HAPPENING_GROUPS) for o, c in positions
              if off - STATEMENT_REACH <= o < off and (c in _HAPPENING_GROUPS or types.get(c) == "report")]
    if before:
        return not max(before)[1]
    if f.text[:off].strip(" \t\"“«„'") == "":
        # a day opening the sentence, then who said it: "Mardi, Biden a déclaré qu'…", "On Tuesday,
        # the minister said that …"
        after = [(o, c in _HAPPENING_GROUPS) for o, c in positions
                 if end <= o <= end + STATEMENT_REACH and (c in _HAPPENING_GROUPS or types.get(c) == "report")]
        return bool(after) and not min(after)[1]
    return False


STATEMENT_REACH = 25
"""Most characters between a reporting word and the day it dates ("said on Thursday")."""


def _reprisal(fa: Features, fb: Features, happening: str | None) -> bool:
    """An attack told with a reprisal for another ("strikes on Thursday in reprisal for a drone
    attack" / "the raids followed Tuesday's attack"): the two claims may date two different attacks,
    so the shared happening only ties their dates when each date is nearest the same word."""
    if happening != "attack" or not (
        "retaliation" in fa.concepts or "retaliation" in fb.concepts
        # an attack and strikes named in one claim: two happenings of one story
        or {"attack", "strike"} <= fa.concepts or {"attack", "strike"} <= fb.concepts
    ):
        return False
    ha = _dated_happening(fa)
    return ha is None or ha != _dated_happening(fb)


def _attack_and_strikes(fa: Features, fb: Features) -> bool:
    """An attack dated on one side and strikes on the other ("l'attaque de drone mené dimanche" /
    "des bombardements ont visé dans la nuit du 2 au 3 février"): two happenings of one story."""
    ha, hb = _dated_happening(fa), _dated_happening(fb)
    return ha is not None and hb is not None and ha != hb and _HAPPENING_GROUPS[ha] == _HAPPENING_GROUPS[hb] == "attack"


def _same_day_other_month(x: DateRange, y: DateRange) -> bool:
    """Two dates whose first days have the same day of the month in different months (``2 janvier``
    / ``2 février``; a night from its evening: "sabato 14 febbraio" / "la noche del sábado 14 de marzo")."""
    a, b = date.fromordinal(x.lo), date.fromordinal(y.lo)
    return a.day == b.day and (a.year, a.month) != (b.year, b.month)


def _adjacent_months(x: DateRange, y: DateRange) -> bool:
    """Two days with the same day of the month in months next to each other (``5 August`` / ``5 September``)."""
    if not _same_day_other_month(x, y):
        return False
    a, b = date.fromordinal(x.lo), date.fromordinal(y.lo)
    return abs((a.year * 12 + a.month) - (b.year * 12 + b.month)) == 1


def _date_conflict(
    fa: Features, fb: Features, same: Sameness, qv: QuantityVerdict, pub_a: str | None, pub_b: str | None,
    same_event: bool = False,
) -> tuple[float, list[str]] | None:
    """Two day-level dates that cannot both be right for what is otherwise the same statement."""
    if qv.conflict or qv.collisions:
        # different dates and different counts: two happenings, not one misdated
        return None
    da, db = _day_dates(fa), _day_dates(fb)
    if not da or not db:
        if (fa.weekdays and (db or fb.weekdays)) or (fb.weekdays and da):
            return _weekday_conflict(fa, fb, da, db, same, qv, same_event)
        return None
    slip_possible = any(
        _same_day_other_month(x, y) for x in da for y in db
    )
    # the same toll on both sides ("two crew killed and four injured") tells of one deadly happening
    happening = _shared_happening(fa, fb) or ("toll" if _same_toll(fa, fb, qv) else None)
    reprisal = _reprisal(fa, fb, happening)
    if reprisal:
        happening = None
    if happening is not None and happening != "toll" and _dates_other_happenings(fa, fb):
        # "L'incendie s'est déclaré mardi" / "Police arrested a man on Wednesday on suspicion of
        # starting the fire": both tell of the fire, but one dates the arrest
        happening = None
    cross_article = fa.article_id != fb.article_id
    if slip_possible and cross_article:
        # "martedì 14 settembre" against "mardi 14 octobre": the weekday stated with the wrong
        # month is the weekday of the other side's date, the surest sign of a slip
        told = _weekday_told_slip(da, db) or _weekday_told_slip(db, da)
        # a weekday that is wrong for its own date and right for the other's is rare enough to
        # need only what any suggestion needs in common, and one sign of the same happening
        if told and same.core >= TOLD_SLIP_MIN and (
            happening or same.shared_entities or same.shared_places or same.txt >= TOLD_SLIP_WORDING
        ):
            wrong, right = told
            why = [
                f"dates differ: {_date_text(wrong)} vs {_date_text(right)}",
                "same day, different month (a likely slip)",
                f"the weekday stated, {WEEKDAY_NAMES[wrong.stated]}, fits {right.resolved}, not {wrong.resolved}",  # type: ignore[index]
            ]
            return min(same.core + 0.3, 1.0), why
    wrong_day = (_weekday_told_wrong(da, db) or _weekday_told_wrong(db, da)) if cross_article else None
    if wrong_day and same.core >= TOLD_SLIP_MIN and (
            happening or same.shared_entities or same.shared_places or same.txt >= TOLD_SLIP_WORDING):
        # "el martes 12 de enero" against "on Monday, January 12": one day, told with two weekdays,
        # and the day was a Monday
        wrong, right = wrong_day
        why = [
            f"weekdays differ: {_date_text(wrong)} vs {_date_text(right)}",
            f"{right.resolved} is a {WEEKDAY_NAMES[date.fromordinal(right.lo).weekday()]},"
            f" not a {WEEKDAY_NAMES[wrong.stated]}",  # type: ignore[index]
        ]
        return min(same.core + 0.3, 1.0), why
    one_event = _one_event(same, qv, same_event) or (
        # the same happening is what each claim dates ("la explosión se produjo en la madrugada del
        # miércoles" / "an explosion tore through the plant … on Thursday"), with most terms shared
        same_event and happening is not None and same.con >= DATED_HAPPENING_CON
        and _dated_group(fa) == happening == _dated_group(fb)
    )
    # an announced happening (the next meeting, a vote) given two dates: the articles' events may
    # differ (each date seeds its own), so a shared organisation, person or place stands in for them
    announced = (
        happening in _SCHEDULED_HAPPENINGS and _scheduled(fa) and _scheduled(fb) and _scheduled_evidence(fa, fb, same)
    )
    if slip_possible and same_event and happening and cross_article and one_event and same.core >= HAPPENING_DATE_MIN:
        # one happening of one event dated to the same day of two adjacent months: a slip, even when
        # one side dates the announcement of it ("announced the recall on 5 August" / "ordenou na
        # sexta-feira, 5 de setembro, a retirada do mercado")
        slips = [(x, y) for x in da for y in db if _adjacent_months(x, y)]
        if slips and not _attack_and_strikes(fa, fb) and not any(
                _meet(x, y) for x in _own_ranges(fa) for y in _own_ranges(fb)):
            x, y = slips[0]
            why = [f"dates differ: {_date_text(x)} vs {_date_text(y)}", "same day, different month (a likely slip)",
                   "same happening: " + happening.replace("_", " ")]
            return min(same.core + 0.2, 1.0), why
    # inside one article two nearby dates for one kind of happening are two happenings (the attack,
    # then the reprisal); a misdated one there is caught by the slip route below
    if (happening and cross_article and (one_event or announced) and same.core >= HAPPENING_DATE_MIN
            and not _statement_dated(fa) and not _statement_dated(fb) and not _attack_and_strikes(fa, fb)):
        # the same happening (an outbreak, a departure, a meeting …) of one event on two days
        all_a, all_b = _own_ranges(fa), _own_ranges(fb)
        if happening == "start":
            # "begins on Thursday and ends on Friday night": a start is the first day given
            da, db = [min(da, key=_day_key)], [min(db, key=_day_key)]
            all_a, all_b = da, db
        gaps = [(_date_gap((x.lo, x.hi), (y.lo, y.hi)), x, y) for x in da for y in db]
        if not any(_meet(x, y) for x in all_a for y in all_b):
            gap, x, y = min(gaps, key=lambda t: t[0])
            if gap <= HAPPENING_DATE_MAX_DAYS:
                why = [f"dates differ: {_date_text(x)} vs {_date_text(y)}", "same happening: " + happening.replace("_", " ")]
                if announced and not one_event:
                    why.append("announced for two dates")
                return min(same.core + 0.15, 1.0), why
    if cross_article and one_event and same.core >= HAPPENING_DATE_MIN and not reprisal and not _attack_and_strikes(fa, fb):
        # two claims that agree on one day and give another to one happening differently ("on
        # Thursday dissolved parliament and set a snap election for July 12" / "Jeudi, … a dissous
        # le Parlement et fixé des élections législatives anticipées au dimanche 5 juillet")
        got = _happening_day_conflict(fa, fb)
        if got is not None:
            g, x, y = got
            return min(same.core + 0.15, 1.0), [f"dates differ: {_date_text(x)} vs {_date_text(y)}",
                                                "same happening: " + g.replace("_", " ")]
    if same.core < (DATE_MIN_SLIP if slip_possible else DATE_MIN) or (reprisal and not slip_possible):
        return None
    if _happenings(fa) and _happenings(fb) and _happenings(fa).isdisjoint(_happenings(fb)):
        # each names its own kind of happening (an arrest, then the verdict): two happenings
        return None
    if _dates_other_happenings(fa, fb):
        return None  # one dates the fire, the other the arrest of the man suspected of starting it
    if not (same.quote >= 0.6 or len(same.shared_entities) + len(same.shared_places) >= 2 or same.txt >= 0.6):
        return None
    # every date of one must miss every date of the other (vaguer dates too)
    if any(_meet(x, y) for x in _own_ranges(fa) for y in _own_ranges(fb)):
        return None
    gap, x, y = min(((_date_gap((x.lo, x.hi), (y.lo, y.hi)), x, y) for x in da for y in db), key=lambda t: t[0])
    if gap > DATE_CONFLICT_MAX_DAYS:
        return None
    slip = _same_day_other_month(x, y)
    if not slip:
        # nearby days are often two related happenings (an attack, then the reprisal): only a
        # near-identical statement makes a different day an error
        if same.core < DATE_MIN + 0.12 or not (same.quote >= 0.7 or same.txt >= 0.72):
            return None
    reasons = [f"dates differ: {_date_text(x)} vs {_date_text(y)}"]
    score = same.core + 0.1
    if slip:
        reasons.append("same day, different month (a likely slip)")
        score += 0.1
    for pub in sorted({pub_a, pub_b} - {None}):  # sorted: the reasons' order must not follow the hash seed
        if not pub:
            continue
        month = pub[:7]
        ok_x, ok_y = x.resolved.startswith(month), y.resolved.startswith(month)
        if ok_x != ok_y:
            good = x if ok_x else y
            reasons.append(f"publication date {pub} agrees with {good.resolved}")
            score += 0.05
    return min(score, 1.0), reasons


def _weekday_told_slip(xs: list[DateRange], ys: list[DateRange]) -> tuple[DateRange, DateRange] | None:
    """``(wrong, right)``: a date of ``xs`` whose stated weekday is not its own but that of a date of
    ``ys`` on the same day of another month."""
    for x in xs:
        if x.stated is None or x.hi != x.lo or date.fromordinal(x.lo).weekday() == x.stated:
            continue
        for y in ys:
            if (
                y.hi == y.lo and y.resolved[-2:] == x.resolved[-2:] and y.resolved[:7] != x.resolved[:7]
                and date.fromordinal(y.lo).weekday() == x.stated
            ):
                return x, y
    return None


def _weekday_told_wrong(xs: list[DateRange], ys: list[DateRange]) -> tuple[DateRange, DateRange] | None:
    """``(wrong, right)``: a day of ``xs`` stated with a weekday that is not its own, which ``ys``
    states with its own weekday."""
    for x in xs:
        if x.stated is None or x.hi != x.lo or date.fromordinal(x.lo).weekday() == x.stated:
            continue
        for y in ys:
            if y.lo == y.hi == x.lo and y.stated == date.fromordinal(y.lo).weekday():
                return x, y
    return None


def _range_clue(d: DateRange) -> WeekdayClue:
    """The weekdays of a day-level date, its text naming them: "jeudi soir (2025-03-13, Thursday)"."""
    days = tuple(date.fromordinal(o).weekday() for o in range(d.lo, d.hi + 1))
    names = "/".join(WEEKDAY_NAMES[w] for w in days)
    return WeekdayClue(days, d.granularity == "night", f"{d.text.strip()} ({d.resolved}, {names})")


def _weekdays_meet(x: WeekdayClue, y: WeekdayClue) -> bool:
    """Two weekday clues that may be the same time; two nights must begin on the same evening."""
    if x.night and y.night:
        return x.days[0] == y.days[0]
    return not set(x.days).isdisjoint(y.days)


def _weekday_conflict(
    fa: Features, fb: Features, da: list[DateRange], db: list[DateRange], same: Sameness, qv: QuantityVerdict,
    same_event: bool,
) -> tuple[float, list[str]] | None:
    """Two weekdays for one happening where one side (or both) names only a weekday, with no day
    to pin it to ("late on Friday" in an undated article, against "jeudi soir" resolved to
    2025-03-13, a Thursday). The weekday alone can still tell two claims disagree."""
    if fa.article_id == fb.article_id:
        return None
    clues_a = list(fa.weekdays) + [_range_clue(d) for d in da]
    clues_b = list(fb.weekdays) + [_range_clue(d) for d in db]
    if any(_weekdays_meet(x, y) for x in clues_a for y in clues_b):
        return None
    happening = _shared_happening(fa, fb) or ("toll" if _same_toll(fa, fb, qv) else None)
    if _reprisal(fa, fb, happening):
        return None
    if happening == "start" and (len(clues_a) > 1 or len(clues_b) > 1):
        return None  # "begins on Thursday and ends on Friday": which one starts it is not known here
    one_event = _one_event(same, qv, same_event)
    x, y = clues_a[0], clues_b[0]
    why = [f"weekdays differ: {x.text.strip()} vs {y.text.strip()}"]
    if happening and one_event and same.core >= WEEKDAY_DATE_MIN and not (_statement_dated(fa) or _statement_dated(fb)):
        # not when a weekday dates what someone said ("según ha informado este miércoles la compañía")
        return min(same.core + 0.1, 1.0), why + ["same happening: " + happening.replace("_", " ")]
    near_identical = same.core >= DATE_MIN + 0.12 and (same.quote >= 0.7 or same.txt >= 0.72)
    if near_identical and (same.quote >= 0.6 or len(same.shared_entities) + len(same.shared_places) >= 2):
        return min(same.core + 0.05, 1.0), why
    return None


def _one_age(f: Features) -> Quantity | None:
    """The one exact age the claim gives, if it gives exactly one."""
    ages = [q for q in f.quantities if q.kind == "age" and q.qualifier == "exactly"]
    return ages[0] if len(ages) == 1 else None


@_per_claim
def _person_age(f: Features) -> tuple[str, float] | None:
    """``(person key, age)`` when the claim gives one age, right after the one person it names
    ("Moussa Dembaré, 37 ans", "Jane Doe, 45, said"), computed once per claim."""
    got = None
    age = _one_age(f)
    # the one person, or name of no known kind, the age follows ("Le commandant de bord, Marco
    # Tavares, 48 ans")
    named = [k for k, kind in f.entities.items() if kind in ("person", "unknown")]
    if age is not None:
        hits = []
        for key in named:
            name = f.entity_names.get(key, "")
            at = f.text.find(name) if name else -1
            num = f.text.find(age.text, at + len(name)) if at >= 0 else -1
            if at >= 0 and 0 <= num - (at + len(name)) <= AGE_REACH:
                hits.append(key)
        if len(hits) == 1:
            got = (hits[0], age.value)
    return got


AGE_REACH = 6
"""Most characters between a person's name and the age right after it (", " and "âgé de ")."""


def _age_conflict(fa: Features, fb: Features) -> tuple[float, list[str]] | None:
    """One person, named the same in both claims, given two ages two years apart or more."""
    a, b = _person_age(fa), _person_age(fb)
    if a is None or b is None or a[0] != b[0] or abs(a[1] - b[1]) < 2:
        return None
    name = fa.entity_names.get(a[0], a[0])
    return 0.6, [f"age of {name}: {a[1]:g} vs {b[1]:g}"]


def _arrested_age_conflict(fa: Features, fb: Features, shared_event: str | None) -> tuple[float, list[str]] | None:
    """The one person arrested in one event, not named, given two ages two years apart or more, on
    the same day ("Un uomo di 47 anni è stato arrestato mercoledì" / "deteve na quarta-feira um
    homem de 43 anos")."""
    if shared_event is None or "arrest" not in _happenings(fa) or "arrest" not in _happenings(fb):
        return None
    ages = []
    for f in (fa, fb):
        age = _one_age(f)
        if age is None or any(kind == "person" for kind in f.entities.values()):
            return None
        if any(q.measure == "arrests" and q.value > 1 for q in f.quantities):
            return None  # two or more people arrested: an age is one of theirs
        ages.append(age.value)
    if abs(ages[0] - ages[1]) < 2:
        return None
    if not any(_meet(x, y) for x in _own_ranges(fa) for y in _own_ranges(fb)):
        return None  # arrests on two days may be two people
    return 0.55, [f"age of the person arrested: {ages[0]:g} vs {ages[1]:g}"]


ROLE_CONCEPTS = frozenset({"driver", "pilot", "captain", "suspect", "attacker"})
"""Roles one person holds in a happening (the driver of the coach, the ferry's captain, the suspect)."""
ROLE_AGE_REACH = 30
"""Most characters from the start of a role noun to the age after it ("Le chauffeur, âgé de 61 ans")."""
ROLE_AGE_MIN = 0.15


@_per_claim
def _role_age(f: Features) -> tuple[str, float] | None:
    """``(role concept, age)`` when the claim gives one age, right after a role noun ("El conductor,
    de 58 años", "the ferry's captain, 56,"), computed once per claim."""
    got = None
    age = _one_age(f)
    if age is not None and f.mapped is not None:
        at = f.text.find(age.text)
        roles = [(at - o, c) for o, c in f.mapped.positions if c in ROLE_CONCEPTS and 0 < at - o <= ROLE_AGE_REACH]
        if at >= 0 and roles:
            got = (min(roles)[1], age.value)
    return got


def _role_age_conflict(fa: Features, fb: Features, same: Sameness, shared_event: str | None) -> tuple[float, list[str]] | None:
    """The one holder of a role in an event (the driver, the captain), not named, given two ages two
    years apart or more ("Le chauffeur, âgé de 61 ans" / "El conductor, de 58 años")."""
    if shared_event is None or same.core < ROLE_AGE_MIN:
        return None
    a, b = _role_age(fa), _role_age(fb)
    if a is None or b is None or a[0] != b[0] or abs(a[1] - b[1]) < 2:
        return None
    return 0.55, [f"age of the {a[0]}: {a[1]:g} vs {b[1]:g}"]


_RISING_MEASURES = frozenset({"killed", "wounded", "rescued", "arrests"})
_FALLING_MEASURES = frozenset({"missing", "trapped"})
"""Counts that only fall as a happening goes on: the missing and the trapped are found."""
"""Counts that only grow as a happening goes on (the dead, the injured, the rescued, arrests)."""
RISEN_TOLL_DAYS = 2
"""A count dated to a day, against one of an article written this many days after that day and
after the first article or more."""


def _updated_count(fa: Features, qa: Quantity, fb: Features, qb: Quantity) -> bool:
    """One of the counts is told as risen to its figure or as a new toll, in an article written
    on a later day, and the other is what it rose from ("steigt auf 18 Soldaten" the day after "the
    army said 14 soldiers had been killed"; "selon un nouveau bilan", seven dead and one missing,
    three days after four dead and six missing, or in an article of no known day). Counts of one
    day stay comparable."""
    for (f, q), (g, r) in (((fa, qa), (fb, qb)), ((fb, qb), (fa, qa))):
        if q.updated and not r.updated and f.written is not None and (g.written is None or f.written > g.written) and (
                (q.measure in _RISING_MEASURES and q.value > r.value)
                or (q.measure in _FALLING_MEASURES and q.value < r.value)):
            return True
    return False


def _risen_toll(fa: Features, qa: Quantity, fb: Features, qb: Quantity) -> bool:
    """One of the two counts is dated to a day ("confirmed dead on Wednesday"; not a running total
    since a day) and the other, larger, comes from an article written two days or more after that
    day and after the first article: the count rose since. A count of the missing or the trapped
    falls as they are found ("six portées disparues" on Monday, "une … toujours portée disparue"
    on Thursday)."""
    rising = qa.measure in _RISING_MEASURES
    if not (rising or qa.measure in _FALLING_MEASURES) or qa.measure != qb.measure:
        return False
    for (f, q), (g, r) in (((fa, qa), (fb, qb)), ((fb, qb), (fa, qa))):
        days = _day_dates(f)
        if (days and not q.total and f.written is not None and g.written is not None
                and (r.value > q.value if rising else r.value < q.value)
                and g.written - max(f.written, max(d.hi for d in days)) >= RISEN_TOLL_DAYS):
            return True
    return False


def _place_conflict(
    fa: Features, fb: Features, same: Sameness, shared_event: str | None
) -> tuple[float, list[str]] | None:
    """One happening of one event said to take place at (or come from) two different places: "the
    swap took place at the Hlyboka crossing" / "el intercambio se realizó en el aeropuerto de Dar
    al-Nur"; "se tiendra à Oslo" / "will be held in Vienna". Neither claim may name the other's
    place at all (a town and its region, a crossing on a border), and the claims must share what
    happened: a concept of a happening or thing, or a name other than a place."""
    (rel_a, key_a), (rel_b, key_b) = fa.venue, fb.venue  # type: ignore[misc]
    if fa.article_id == fb.article_id or rel_a != rel_b or shared_event is None:
        return None
    if key_a == key_b or key_a in fb.entities or key_b in fa.entities or _same_source(key_a, key_b):
        return None
    lex = lexicon()
    what = [c for c in same.shared_concepts if lex.types.get(c) in ("event", "thing")]
    named = [k for k in same.shared_entities if fa.entities.get(k) != "place" and not is_media(k)]
    if not (what or named) or same.core < PLACE_MIN:
        return None
    name_a, name_b = fa.entity_names.get(key_a, key_a), fb.entity_names.get(key_b, key_b)
    how = {"past": "took place at", "future": "to take place at", "from": "came from"}.get(rel_a, rel_a)
    why = [f"places differ: {how} {name_a} vs {name_b}"]
    return min(same.core + 0.2, 0.95), why


@_per_claim
def _specific_sources(f: Features) -> set[str]:
    """Sources that name someone (an entity of the claim or a ministry), not a role or a document."""
    got = {
        k for k in f.sources
        if (k in f.entities or k.startswith("ministry:") or any(_same_source(k, e) for e in f.entities))
        and not is_media(k)
    }
    return got


@_per_claim
def _ministries(f: Features) -> frozenset[str]:
    """The ministries the claim credits (``ministry:defense`` …), when it credits nobody else."""
    keys = [k for k in f.sources if not is_media(k)]
    got = frozenset(keys) if keys and all(k.startswith("ministry:") for k in keys) else frozenset()
    return got


def _same_source(a: str, b: str) -> bool:
    """Two keys that may name the same source (``Yehia Rasool`` / ``Yahya Rasool Abdullah``)."""
    if a == b:
        return True
    ta, tb = set(a.replace("-", " ").split()), set(b.replace("-", " ").split())
    if ta and tb and (ta <= tb or tb <= ta):
        return True
    return fuzz.ratio(a, b) >= 85


def _names_in(name: str, text: str) -> bool:
    """``name`` (folded) is written in ``text`` (folded) as whole words ("said" is not "Saïd")."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(name, at + 1)
    return False


def _attribution_conflict(
    fa: Features, fb: Features, same: Sameness, qv: QuantityVerdict, far: bool, one_event: bool = False
) -> tuple[float, list[str]] | None:
    """The same statement credited to two different named sources."""
    if far:
        return None
    # the two speakers are names only one claim has, which lowers the sameness of the very claims
    # that disagree on them: a quote kept nearly word for word needs less of the rest in common
    quoted = (same.quote >= ATTRIBUTION_QUOTE and same.quote_size >= 4) or (
        # a long quote translated: eight words that carry meaning, more than half of it kept
        fa.lang != fb.lang and same.quote >= LONG_TRANSLATED_QUOTE_SIM and same.quote_size >= LONG_QUOTE_WORDS)
    # a translated quote of five words that carry meaning, most of it kept, in one event: "We will
    # not stop until every last man is back on the surface" / „Wir werden nicht aufhören, bis der
    # letzte Mann wieder über Tage ist“
    event_quoted = (
        not quoted and one_event and fa.lang != fb.lang
        and same.quote >= EVENT_QUOTE_SIM and same.quote_size >= EVENT_QUOTE_WORDS
    )
    quoted = quoted or event_quoted
    # one announcement credited to two ministries, in words that say the same thing (no quote, no
    # figure): "the defence ministry said troops had been sent to track down the attackers" / "le
    # ministère de l'Intérieur a indiqué que des renforts avaient été envoyés pour traquer les
    # assaillants"; a government speaks through one ministry at a time
    announced = (
        not quoted and same.con >= MINISTRY_STATEMENT_CON and same.txt >= MINISTRY_STATEMENT_TXT
        and _ministries(fa) and _ministries(fb) and _ministries(fa).isdisjoint(_ministries(fb))
    )
    # one specific figure of one event credited to two ministries ("Selon le ministère de
    # l'Intérieur, 14 cibles ont été frappées" / "the Defence Ministry said … struck 14 targets")
    figure_ministries = (
        not quoted and one_event
        and _ministries(fa) and _ministries(fb) and _ministries(fa).isdisjoint(_ministries(fb))
        and any(_specific(qa.value) and qa.measure not in _AGREE_ONLY_KINDS for qa, _ in qv.agree)
    )
    announced = announced or figure_ministries
    short_quoted = one_event and same.quote >= SHORT_QUOTE_SIM and same.quote_size >= 3
    if same.core < (EVENT_QUOTE_MIN if event_quoted else ATTRIBUTION_QUOTED_MIN if quoted
                    else EVENT_SHORT_QUOTE_MIN if short_quoted
                    else MINISTRY_FIGURE_MIN if figure_ministries else MINISTRY_STATEMENT_MIN if announced else ATTRIBUTION_MIN):
        return None
    # a short quote (4 words that carry meaning) is one statement only when nearly identical
    # a translation keeps a quote's concepts, names and cognates but rarely every word
    near = 0.7 if fa.lang != fb.lang else 0.8
    same_statement = (
        (same.quote >= 0.6 and same.quote_size >= 5)
        or (same.quote >= near and same.quote_size >= 4)
        or quoted
        # three words that carry meaning, nearly all kept, with most of the rest in common
        or (same.quote >= SHORT_QUOTE_SIM and same.quote_size >= 3
            and same.core >= (EVENT_SHORT_QUOTE_MIN if one_event else ATTRIBUTION_MIN))
        or (bool(qv.agree) and same.core >= ATTRIBUTION_MIN + 0.1)
        or announced
    )
    if not same_statement:
        return None
    sa, sb = _specific_sources(fa), _specific_sources(fb)
    if not sa or not sb:
        return None
    # a source the other claim names anywhere ("CGT leader Sophie Binet told reporters" credited
    # to the CGT) is not a different attribution
    named_a, named_b = set(fa.sources) | set(fa.entities), set(fb.sources) | set(fb.entities)
    text_a, text_b = _folded(fa), _folded(fb)
    only_a = {k for k in sa if not any(_same_source(k, o) for o in named_b) and not _names_in(fold(fa.sources[k]), text_b)}
    only_b = {k for k in sb if not any(_same_source(k, o) for o in named_a) and not _names_in(fold(fb.sources[k]), text_a)}
    if not only_a or not only_b:
        return None
    name_a = ", ".join(fa.sources[k] for k in sorted(only_a))
    name_b = ", ".join(fb.sources[k] for k in sorted(only_b))
    reasons = [f"credited to {name_a} vs {name_b}"]
    return min(same.core * 0.9 + 0.1, 1.0), reasons


_TALLY_MEASURES = frozenset({"trapped", "rescued", "missing", "displaced", "buildings", "hostages", "arrests", "places", "targets"})
"""Tallies of one happening (trapped, rescued, missing, evacuated, homes destroyed, hostages, arrests,
cantons or villages, targets struck): one figure per event. Tolls (given for many places and days) and counts that
belong to a subject (seats, votes, money, jobs of a party or a company) are not evidence alone."""


def _specific_measure_evidence(fa: Features, fb: Features, qv: QuantityVerdict, same: Sameness) -> bool:
    """The conflicting counts measure one specific thing (an indicator, or a counted kind other
    than a generic toll) and the claims name no two different places or actors: within one event,
    that is the evidence that they give one figure, however differently they are worded."""
    if not qv.conflict:
        return False
    specific = any(
        (qa, qb) in qv.indicator
        or (qa.measure == qb.measure and qa.measure in _TALLY_MEASURES)
        or (qa.noun is not None and qa.noun == qb.noun)  # "250 firefighters" / "400 sapeurs-pompiers"
        for qa, qb in qv.conflict
    )
    if not specific:
        return False
    pa, pb = set(fa.places), set(fb.places)
    if pa and pb and not same.shared_places:
        return False
    aa, ab = _actors(fa), _actors(fb)
    if bool(aa) != bool(ab):
        return False  # a figure for a named party or company against one for nobody in particular
    return not (aa and ab and not any(_same_source(x, y) for x in aa for y in ab))


_LOCAL_SCOPE_RE = re.compile(
    r"\W*(?i:in|at|on|à|a|au|aux|en|dans|im|am|bei|nel|nella|ad|em|no|na|op|te)\s+(?i:the\s+|la\s+|le\s+|l['’]|el\s+|der\s+|dem\s+|o\s+|de\s+)?"
    r"[A-ZÀ-ÖØ-Þ][^\W\d_][^,;:.!?]{0,48},",
)
"""A sentence opening on a place ("In Lampedusa, …", "À Trans-en-Provence, …", "Im Kreis Ahrweiler, …")."""


def _local_share(f: Features, same: Sameness) -> bool:
    """The claim's figures belong to a place the sentence opens with that the other claim does not
    name ("À Trans-en-Provence, trois personnes …": that town's share)."""
    return not same.shared_places and bool(_LOCAL_SCOPE_RE.match(f.text))


def _toll_evidence(fa: Features, fb: Features, qv: QuantityVerdict, same: Sameness) -> bool:
    """Two tolls of one event (dead, injured) of the same people, neither given as a part, where
    the claims name no two different places or actors: "19 bodies recovered" / "17 corpi". Not a
    toll told as a first or provisional one: with so little else in common, it may be an earlier count."""
    if "preliminary" in fa.concepts or "preliminary" in fb.concepts:
        return False
    if not any(
        qa.measure == qb.measure and qa.measure in _TOLL_MEASURES and not (qa.part or qb.part)
        and (qa.population == qb.population or None in (qa.population, qb.population))
        for qa, qb in qv.conflict
    ):
        return False
    pa, pb = set(fa.places), set(fb.places)
    if pa and pb and not same.shared_places:
        return False
    aa, ab = _actors(fa), _actors(fb)
    return not (aa and ab and not any(_same_source(x, y) for x in aa for y in ab))


@_per_claim
def _actors(f: Features) -> set[str]:
    got = {k for k, kind in f.entities.items() if kind in ("org", "person", "group") and not is_media(k)}
    return got


_PER_PARTY_MEASURES = frozenset({"seats"})
_PER_PARTY_INDICATORS = frozenset({"vote_share"})


def _other_parties(
    fa: Features, fb: Features, pair: tuple[Quantity, Quantity], qv: QuantityVerdict, same: Sameness
) -> bool:
    """True when two figures counted per party (seats, a share of the vote) may be two parties'
    ("13 seats" for the Greens against "52 of the 150 seats" for the winner): both claims name a
    party, person or organisation, none in common, and the figures are not shares of one whole both give
    ("54 der 150 Sitze" / "52 of the 150 seats" are both the winner's)."""
    qa, qb = pair
    if qa.measure not in _PER_PARTY_MEASURES:
        if pair not in qv.indicator:
            return False
        ind = _indicators(fa)
        k = next((i for i, q in enumerate(fa.quantities) if q is qa), None)
        if k is None or ind[k] not in _PER_PARTY_INDICATORS:
            return False
    top = max(qa.value, qb.value)
    if any(x.measure == qa.measure and x.value > top for x, _ in qv.agree):
        return False
    named_a = {k for k, kind in fa.entities.items() if kind != "place" and not is_media(k)}
    named_b = {k for k, kind in fb.entities.items() if kind != "place" and not is_media(k)}
    # a claim that names no party ("53,2 Prozent mit Nein") cannot be told apart from the other's
    return bool(named_a and named_b) and not (named_a & named_b)


def _indicator_comparable(fa: Features, fb: Features, same: Sameness) -> bool:
    """Two figures of one indicator are the same figure only for one subject and one period:
    named actors (a party, a company) must be shared when any is named, and own dates must meet."""
    aa, ab = _actors(fa), _actors(fb)
    if aa and ab and not any(_same_source(x, y) for x in aa for y in ab):
        return False
    da, db = _own_dates(fa), _own_dates(fb)
    if da and db and not any(_date_gap(x, y) == 0 for x in da for y in db):
        return False
    ya = {d.resolved[:4] for d in fa.dates if d.granularity == "year"}
    yb = {d.resolved[:4] for d in fb.dates if d.granularity == "year"}
    return not (ya and yb and not ya & yb)


def compare_features(
    fa: Features,
    fb: Features,
    ctx: PairContext | None = None,
    *,
    same_article: bool | None = None,
) -> Suggestion | None:
    """Score one pair of precomputed claims; ``None`` when there is nothing worth showing."""
    got = compare_deferred(fa, fb, ctx, same_article=same_article)
    if got is None:
        return None
    sugg, finish = got
    finish()
    return sugg


def compare_deferred(
    fa: Features,
    fb: Features,
    ctx: PairContext | None = None,
    *,
    same_article: bool | None = None,
) -> tuple[Suggestion, Callable[[], None]] | None:
    """:func:`compare_features` with the reasons left to write: ``(suggestion, finish)``, where
    ``finish()`` sets ``suggestion.reasons`` (call it once, only for the suggestions kept)."""
    if fa.claim_id == fb.claim_id:
        return None
    if same_article is None:
        same_article = fa.article_id == fb.article_id
    # orientation: left = earlier article in import order (then earlier claim)
    if (fb.article_order, fb.article_id, fb.ordinal) < (fa.article_order, fa.article_id, fa.ordinal):
        fa, fb = fb, fa
    same = _sameness(fa, fb, ctx)
    qv = compare_quantities(fa, fb)
    far, far_own = _dates_far_apart(fa, fb, ctx)
    event_a = ctx.event_of.get(fa.claim_id) if ctx else None
    event_b = ctx.event_of.get(fb.claim_id) if ctx else None
    shared_event = event_a if event_a is not None and event_a == event_b else None
    # two happenings of one story, whose claims with no dates of their own may well state one fact
    story = shared_event is None and ctx is not None and event_a is not None and event_b in ctx.linked.get(event_a, ())

    # incompatible counts are never one fact, even where they are not a contradiction either
    counts_differ = bool(qv.conflict)
    # 1. quantity contradiction: same thing counted, same event and place, incompatible values
    if qv.indicator and not _indicator_comparable(fa, fb, same):
        # a share of one indicator for another subject or another period is not a contradiction
        qv.conflict = [p for p in qv.conflict if p not in qv.indicator]
    if qv.conflict:
        # seats and vote shares are counted per party: two parties' figures are no disagreement
        qv.conflict = [p for p in qv.conflict if not _other_parties(fa, fb, p, qv, same)]
    if qv.conflict and (_local_share(fa, same) or _local_share(fb, same)):
        # one town's share of a count
        qv.conflict = []
    if qv.conflict:
        # "Two miners were confirmed dead on Wednesday" against "Cinq mineurs ont perdu la vie" in
        # an article written days later: a toll that rose, not a disagreement
        qv.conflict = [p for p in qv.conflict
                       if not _risen_toll(fa, p[0], fb, p[1]) and not _updated_count(fa, p[0], fb, p[1])]
    if qv.conflict and (_past_year(fa, fb, ctx) or _past_year(fb, fa, ctx)):
        # "In 2013, Typhoon Haiyan killed more than 6,300": a year long gone is another happening
        qv.conflict = []
    # dates apart only by what one claim inherits from its event do not part two claims of that
    # very event ("am 18. Oktober" against a headline of the article about the verdict)
    apart = far and (shared_event is None or far_own)
    if qv.conflict and not apart and not _undated_vs_background(fa, fb, ctx):
        # a named company or person both claims are about stands in for a place ("Enerlux's debts")
        actor_ok = same.core >= ACTOR_QUANTITY_MIN and any(
            {fa.entities.get(k), fb.entities.get(k)} & {"org", "person", "unknown"} and not is_media(k)
            for k in same.shared_entities
        )
        place_ok = bool(same.shared_places) or shared_event is not None or actor_ok
        need = QUANTITY_MIN + (0.15 if same_article else 0.0)
        if not same_article and shared_event is not None and _specific_measure_evidence(fa, fb, qv, same):
            need = EVENT_QUANTITY_MIN
        elif not same_article and shared_event is not None and _toll_evidence(fa, fb, qv, same):
            need = EVENT_TOLL_MIN
        if place_ok and same.core >= need and (not same_article or same.shared_places):
            qa, qb = qv.conflict[0]
            why = [f"{_label(qa)}: {qa.describe()} vs {qb.describe()}"]
            for qa2, qb2 in qv.conflict[1:3]:
                why.append(f"{_label(qa2)}: {qa2.describe()} vs {qb2.describe()}")
            if shared_event is not None:
                why.append("same event")
            if same.shared_places:
                why.append("same place " + ", ".join(list(dict.fromkeys(p.lstrip("~") for p in same.shared_places))[:2]))
            score = 0.45 * same.core / 0.6 + (0.2 if shared_event else 0.0) + (0.15 if same.shared_places else 0.0)
            return _contradiction(fa, fb, shared_event, same, ctx, min(score, 0.99), why, "quantity")
    # 2. date contradiction: the same happening given different dates, or different weekdays
    # (none without a date or a weekday on both sides)
    date_c = (
        _date_conflict(fa, fb, same, qv, fa.published, fb.published, shared_event is not None)
        if (fa.dates or fa.weekdays) and (fb.dates or fb.weekdays)
        else None
    )
    if date_c is not None:
        score, why = date_c
        return _contradiction(fa, fb, shared_event, same, ctx, score, why, "date")
    # 2b. one person given two ages ("Moussa Dembaré, 37 ans" / "Moussa Dembare, 34")
    age_c = (  # ages change with the years
        _age_conflict(fa, fb) or _arrested_age_conflict(fa, fb, shared_event) or _role_age_conflict(fa, fb, same, shared_event)
    ) if not same_article and not far else None
    if age_c is not None:
        score, why = age_c
        return _contradiction(fa, fb, shared_event, same, ctx, score, why, "quantity")
    # 3. place contradiction: one happening, two places it took place at (or came from)
    place_c = _place_conflict(fa, fb, same, shared_event) if fa.venue and fb.venue else None
    if place_c is not None:
        score, why = place_c
        return _contradiction(fa, fb, shared_event, same, ctx, score, why, "place")
    # 4. attribution contradiction: the same statement credited to different sources (none
    # without sources on both sides)
    attr_c = _attribution_conflict(fa, fb, same, qv, far and far_own, shared_event is not None) if fa.sources and fb.sources else None
    if attr_c is not None:
        score, why = attr_c
        return _contradiction(fa, fb, shared_event, same, ctx, score, why, "attribution")
    # 4a. time contradiction: one event, a curfew, a ceasefire or an explosion at two times
    time_c = _time_conflict(fa, fb, same, shared_event) if fa.times and fb.times and not same_article else None
    if time_c is not None:
        score, why = time_c
        return _contradiction(fa, fb, shared_event, same, ctx, score, why, "time")
    # 4b. identifier contradiction: one event, one flight (or train) given two numbers
    code_c = _code_conflict(fa, fb, same, shared_event) if fa.codes and fb.codes and not same_article else None
    if code_c is not None:
        score, why = code_c
        return _contradiction(fa, fb, shared_event, same, ctx, score, why, "identifier")
    if same_article:
        return None
    # 5. match
    score = same.score
    if qv.agree:
        score += 0.08
        if shared_event is not None and any(
            _specific(qa.value) and qa.measure not in _AGREE_ONLY_KINDS and qa.measure is not None for qa, _ in qv.agree
        ):
            # one event and the same specific count of one thing ("23 injured", "168 passengers"):
            # the figure itself ties the claims, however differently they are worded; more so a
            # figure no one rounds to ("58 morts" / "O acidente fez 58 mortos")
            score += 0.1 if any(_unrounded(qa.value) and qa.measure not in _AGREE_ONLY_KINDS
                                and qa.measure is not None for qa, _ in qv.agree) else 0.06
        elif shared_event is not None and any(
            qa.measure in _AGREE_ONLY_KINDS and same_measured(qa.of, qb.of) for qa, qb in qv.agree
        ):
            # one event and the same measure of the same thing ("environ 40 tonnes d'ammoniac" /
            # "rund 40 Tonnen Ammoniak", "430 days in captivity" / "430 jours de captivité")
            score += 0.06
        elif shared_event is not None and qv.same_indicator:
            # one event and the same specific figure of one indicator ("Turnout was 61.4 per cent" /
            # "Le taux de participation s'est établi à 61,4 %")
            score += 0.1
    if fa.codes and fb.codes and fa.codes & fb.codes:
        # the same flight or train number ("Flight AV 731" / "O voo AV 731"): one thing named
        score += SAME_CODE_BONUS
    same_time = sorted(fa.times & fb.times) if fa.times and fb.times and (shared_event or same.date_overlap) else []
    if same_time:
        # one event and the same minute ("shortly after 23:10" / "vers 23h10"): one fact, the more
        # so when both name the same happening ("The attack began at about 5:40 p.m." / "L'attaque
        # s'est produite vendredi 14 mars vers 17h40")
        score += 0.14 if _shared_happening(fa, fb) else 0.1
    if qv.collisions and not qv.agree:
        # the same number for different things counted
        return None
    if counts_differ:
        # incompatible counts without the evidence for a contradiction: not the same fact either
        return None
    if qv.disputed and not qv.agree:
        # police against organisers, each with its own source: a known dispute, not one fact
        return None
    if far:
        score -= 0.25 if far_own else (0.0 if story else 0.12)
    elif shared_event is not None:
        score += 0.04
    if same.core < 0.12:
        return None
    if score < MATCH_MIN:
        return None
    return _match(fa, fb, shared_event, same, ctx, score, qv, same_time)


def _suggestion(
    fa: Features, fb: Features, event: str | None, kind: str, score: float, why: list[str], ctype: str | None
) -> Suggestion:
    """The suggestion for a pair oriented left ``fa``, right ``fb`` (reasons still to write)."""
    return Suggestion(
        kind=kind,
        score=round(max(0.0, min(1.0, score)), 4),
        left_claim=fa.claim_id,
        right_claim=fb.claim_id,
        reasons=why,
        ctype=ctype,
        event=event,
        left_article=fa.article_id,
        right_article=fb.article_id,
    )


def _contradiction(
    fa: Features, fb: Features, event: str | None, same: Sameness, ctx: PairContext | None,
    score: float, why: list[str], ctype: str,
) -> tuple[Suggestion, Callable[[], None]]:
    """A contradiction and the writer of its reasons."""
    sugg = _suggestion(fa, fb, event, "contradiction", score, why, ctype)

    def finish() -> None:
        # the pair's own reasons first, then the sameness reasons
        sugg.reasons = why + _sameness_reasons(fa, same, ctx)

    return sugg, finish


def _match(
    fa: Features, fb: Features, event: str | None, same: Sameness, ctx: PairContext | None,
    score: float, qv: QuantityVerdict, same_time: list[str] = (),  # type: ignore[assignment]
) -> tuple[Suggestion, Callable[[], None]]:
    """A match and the writer of its reasons."""
    sugg = _suggestion(fa, fb, event, "match", score, [], None)

    def finish_match() -> None:
        # the sameness reasons first, then what the counts say
        reasons = _sameness_reasons(fa, same, ctx)
        if qv.agree:
            qa, qb = qv.agree[0]
            reasons.append(f"{_label(qa)}: {qa.describe()} in both")
        if qv.loose:
            qa, qb = qv.loose[0]
            reasons.append(f"caution: {_label(qa)} {qa.describe()} vs {qb.describe()} (compatible only as bounds or parts)")
        if same_time:
            reasons.append("same time " + ", ".join(same_time))
        for code in sorted(fa.codes & fb.codes):
            kind, number = code.split(":", 1)
            reasons.append(f"same {kind} {number}")
        sugg.reasons = reasons

    return sugg, finish_match


def compare_claims(
    a: Claim,
    b: Claim,
    *,
    published_a: str | None = None,
    published_b: str | None = None,
    order_a: int = 0,
    order_b: int = 1,
    ctx: PairContext | None = None,
) -> Suggestion | None:
    """Score two claims (the pure pair scorer used by the engine, tests and the TUI)."""
    fa = build_features(a, published=published_a, article_order=order_a)
    fb = build_features(b, published=published_b, article_order=order_b if b.article_id != a.article_id else order_a)
    return compare_features(fa, fb, ctx)
