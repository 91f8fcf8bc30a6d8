"""What a claim says, in comparable form: concepts, names, counts, dates, quotes and sources.

Built once per claim from its text and typed spans; everything the pair scorer and the anchor
index need is precomputed here so that scoring a candidate pair is cheap.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date

from factdesk.core.extract import langdata
from factdesk.core.extract.clock import clock_times, may_tell_time
from factdesk.core.extract.dates import parse_weekday_key
from factdesk.core.extract.entities import PROPER_CONCEPTS
from factdesk.core.matching.lexicon import Mapped, fold, lexicon
from factdesk.core.models import Claim, Span

INF = math.inf

# Counted kinds that name a population (who was counted) rather than what happened to it.
POPULATIONS = {
    "people": "people",
    "casualties": "people",
    "civilians": "civilians",
    "soldiers": "soldiers",
    "troops": "soldiers",
    "fighters": "fighters",
    "hostages": "hostages",
}
# Counted kinds that name an outcome (what happened to the people counted).
OUTCOMES = {"killed": "killed", "wounded": "wounded", "missing": "missing", "displaced": "displaced", "arrests": "arrests"}
# Lexicon concepts that reveal the outcome / population of a nearby count.
OUTCOME_CONCEPTS = {"killed": "killed", "wounded": "wounded", "missing": "missing", "refugees": "displaced", "arrest": "arrests"}
POPULATION_CONCEPTS = {"fighters": "fighters", "militia": "fighters", "soldiers": "soldiers", "civilians": "civilians", "people": "people", "hostage": "hostages"}
GENERIC_POPULATIONS = {"people", None}
# Lexicon concepts of particular groups of people a count may name (firefighters are "rescue").
COUNTED_GROUPS = frozenset({"passengers", "patient", "pilot", "workers", "rescue", "refugees", "hostage", "prisoner"})
# Lexicon concepts of a happening an amount (litres, tonnes) measures: near the amount, they make
# it that happening's amount ("volume spilled"), compared like a count; other amounts (a tank's
# capacity, a ship's load) only agree when equal.
AMOUNT_HAPPENINGS = {"spill": "spilled", "pollution": "released", "killed": "dead"}
PRECIPITATIONS = {"rain": "rain fallen", "snow": "snow fallen"}
"""Lexicon concepts next to a small depth ("512 millimetri di pioggia") → what it measures."""
PRECIPITATION_UNIT_KM = 3e-05
"""Largest unit rain or snow is told in (an inch, in kilometres): millimetres, centimetres, inches."""
_PRECIPITATION_UNITS = {"rain fallen": ("mm", 1e6), "snow fallen": ("cm", 1e5)}
_AMOUNT_KINDS = frozenset({"volume", "mass"})
# Lexicon concepts that say what a sum of money is (a fine, a cost, a ransom …): two sums of
# different things never conflict; a sum that says nothing compares with any.
MONEY_SUBJECTS = {c: c for c in ("fine", "cost", "ransom", "salary", "budget", "debt", "revenue", "profit",
                                 "investment", "subsidy", "tax", "rent", "pension", "bail", "damage")}


def tells_happening(q: "Quantity") -> bool:
    """A count of what happened (a toll, an amount spilled), not a sum of money or a prison term."""
    return q.outcome is not None and q.kind not in ("money", "duration")
# Kinds too vague to compare across claims.
UNCOMPARABLE_KINDS = {"other", "percent", "distance", "age", "duration", None}

_QUOTE_MARKS = "\"“”«»„‟‹›「」"
_QUOTE_RE = re.compile(r"[\"“«„‹]\s*([^\"“”«»„‹›]{12,}?)\s*[\"”»‹›“]")
"""A quotation; a German one closes on “ („Jeder Einzelne von ihnen ist zu Hause“)."""
_DIGIT_RE = re.compile(r"\d")
_PART_RE = langdata.regex_probe(
    r"(?:including|among them|of whom|of which|dont|parmi (?:eux|lesquels|lesquelles)|y compris|incluidos?|incluidas?|"
    r"entre ellos|entre elas|entre eles|incluindo|darunter|davon|unter ihnen|waaronder|onder wie|van wie|onder hen)"
    r"(?:\s+(?:the|los|las|les|i|gli|le|die|den|os|as|de|het))?"
    r"(?:\s+(?:were|are|was|is|figuraient|figurent|étaient|sont|había|hay|waren|sind|erano|sono|estavam|estão|zijn))?"
    r"\W*(?:at least|au moins|al menos|mindestens|pelo menos|ten minste|minstens)?\W*$"
    # "among the cancelled flights are 64", "entre los vuelos suprimidos figuran 64", "onder de geschrapte vluchten zijn 64"
    r"|\b(?:among|entre|parmi|tra|fra|unter|onder)\s+(?:the|los|las|les|ces|i|gli|le|questi|den|diesen|os|as|de|het|deze)\s+"
    r"[^\W\d]+(?:\s+[^\W\d]+){0,6}\W*$"
    # the first batch of a count: "the first 60 prisoners", "los primeros 60", "die ersten 60"
    r"|\b(?:first|premiers|premières|primeros|primeras|primi|prime|primeiros|primeiras|ersten|eerste)\W*$",
)
_PART_AFTER_RE = langdata.regex_probe(
    r"[ \t]+(?:of (?:the|them|those|whom)|des|d['’]entre|de (?:los|las|ellos|ellas|estos|estas)|dei|degli|delle|"
    r"di (?:loro|questi)|der|von (?:den|ihnen|diesen)|dos|das|deles|delas|van (?:de|hen|wie)|"
    r"more|additional|further|others?|autres|de plus|supplémentaires|más|otros|otras|altri|altre|weitere|mais|andere|"
    r"premiers|premières|primeros|primeras|primeiros|primeiras)\b"
    r"(?![ \t]*\d)",  # "21 of the 29 drones" names its whole: the two are paired, not taken as a share
)
"""Right after the number: a share of a group ("eight of the victims", "huit des victimes", "nueve
de los heridos") or more of it ("two more", "deux autres", "zwei weitere"): not a total."""
_AMONG_AFTER_RE = langdata.regex_probe(
    r"[ \t]+(?:[^\W\d]+[ \t]+){0,3}?(?:were|are|was|is|figuraient|figurent|figure|étaient|sont|est|se trouvent|"
    r"se trouvaient|figuraban|figuran|figura|estaban|están|están|eran|son|está|erano|sono|è|figuravano|figurano|"
    r"waren|sind|war|ist|befinden sich|befanden sich|estavam|estão|eram|são|está|figuram|zijn|is|bevinden zich)"
    r"[ \t]+(?:also[ \t]+|aussi[ \t]+|también[ \t]+|anche[ \t]+|auch[ \t]+|também[ \t]+|ook[ \t]+)?"
    r"(?:among|parmi|entre|tra|fra|unter|onder)\b",
)
"""After the number and what it counts: the count is one group within another ("Six firefighters
were among those injured", "Trois pompiers figurent parmi les blessés", "sei vigili del fuoco sono
tra i feriti")."""
_RATE_RE = langdata.regex_probe(
    r"\W*(?:[^\W\d]+\s+){0,2}?(?:a day|a week|a month|a year|per (?:day|week|month|year)|each (?:day|week|month|year)|"
    r"every (?:day|week|month|year)|daily|weekly|monthly|annually|yearly|par (?:jour|semaine|mois|an)|chaque (?:jour|semaine|mois|année)|"
    r"quotidien(?:ne)?s?|hebdomadaires?|mensuel(?:le)?s?|annuel(?:le)?s?|al (?:día|año|mes)|por (?:día|dia|semana|mes|año|ano)|cada (?:día|dia|semana|mes|año|ano)|"
    r"diari[oa]s|diári[oa]s|semanales|mensuales|anuales|al giorno|ogni giorno|al mese|all['’]anno|giornalier[ie]|quotidian[ie]|"
    r"pro (?:tag|woche|monat|jahr)|am tag|im jahr|täglich(?:e[nrs]?)?|wöchentlich(?:e[nrs]?)?|jährlich(?:e[nrs]?)?|"
    r"per (?:dag|week|maand|jaar)|dagelijks)\b",
)
"""A count per period right after the number ("600 flights a day", "600 vuelos diarios"): a rate."""
_ALONE_RE = langdata.regex_probe(
    r"(?:^|[.;:,(–—-]\s*)(?:only in|in [^\W\d][^,.;]{0,40}? alone|rien qu['’](?:à|au|aux|en|dans)|pour (?:la seule|le seul)|"
    r"(?:solo|sólo|solamente|únicamente) (?:en|a|in|nel|nella|nei|nelle)|soltanto (?:a|in|nel|nella)|só (?:em|no|na|nos|nas)|"
    r"apenas (?:em|no|na|nos|nas)|allein (?:in|im|auf)|alleen (?:al )?(?:in|op))\b",
)
"""Before a count: the place it is for is one part of a larger whole ("Only in San Rafael, 300 were
evacuated", "Rien qu'à Kherson, 12 morts", "Solo en la capital hubo 40 heridos")."""
_EACH_AFTER_RE = langdata.regex_probe(
    r"[^\w.;:]*(?:[^\W\d]+[ \t]+){0,3}?(?:each(?![ \t]+of\b)|apiece|per (?:side|party|country|team|person|head)|"
    r"on each side|from each side|on either side|de chaque (?:côté|camp|partie|pays)|par (?:camp|pays|partie|personne)|"
    r"chacune?|de cada (?:lado|parte|bando|país|pais)|por (?:cada )?(?:lado|parte|bando|país|pais|persona|cabeza)|"
    r"cada uno|cada una|de cada um|pro (?:seite|partei|land|person|kopf)|je (?:seite|partei)|"
    r"per (?:parte|lato|paese|persona|testa)|ciascun[oa]|per (?:kant|partij|land|persoon)|van (?:elke|iedere) (?:kant|partij))\b",
)
_EACH_BEFORE_RE = langdata.regex_probe(
    r"\b(?:(?:each|every|either) (?:side|party|camp|country)|chaque (?:camp|partie|pays|côté)|cada (?:lado|parte|bando|país|pais)|"
    r"jede (?:seite|partei)|jedes land|ogni (?:parte|paese)|ciascuna (?:delle )?parti|elke (?:partij|kant)|iedere (?:partij|kant))\b"
    r"|\b(?:jeweils|respectivamente|respectively)[ \t]+$",
)
"""A count for each of several parties, right after the number ("420 prisoners each", "quinientos
prisioneros de cada lado") or by the subject before it ("each side will release 420", "jeweils 420")."""
_CAPACITY_RE = langdata.regex_probe(
    r"\b(?:designed for|built for|built to hold|capacity (?:of|for)|room for|conçue? pour|construite? pour|prévue? pour|"
    r"capacité d['’]accueil de|capacité de|diseñad[oa] para|construid[oa] para|capacidad (?:para|de)|ausgelegt für|"
    r"gebaut für|platz für|kapazität (?:von|für)|progettat[oa] per|costruit[oa] per|capienza di|capacità di|"
    r"projetad[oa] para|construíd[oa] para|capacidade (?:para|de)|ontworpen voor|gebouwd voor|capaciteit van)\s+(?:\S+\s+)?$",
)
"""Before a count: what a place holds at most ("conçue pour 800 détenus", "built for 1,200 inmates"),
compared like a rate: never as a count of people present."""
_TERM_MONTHS = {
    **dict.fromkeys(("year", "years", "yr", "yrs", "an", "ans", "annee", "annees", "ano", "anos", "anno", "anni",
                     "jahr", "jahre", "jahren", "jahres", "jaar", "jaren"), 12),
    **dict.fromkeys(("month", "months", "mois", "mes", "meses", "mese", "mesi", "monat", "monate", "monaten",
                     "maand", "maanden"), 1),
}
"""Months in a unit of a prison term (folded unit words of every language)."""
_SOUGHT_RE = langdata.regex_probe(
    r"\b(?:sought|requested|demanded|asked for|called for|seeking|requis|réclamé|demandé|requérait|pedía|pidió|"
    r"pedido|solicitó|solicitaba|forderte|gefordert|beantragt|beantragte|chiesto|chiedeva|pediu|pedia|geëist|eiste)\b",
)
"""Before a prison term: the term a prosecutor asked for, not the one imposed."""
_FORECAST_RE = langdata.regex_probe(
    r"\b(?:could|(?-i:may|might)|(?:is|are) (?:expected|likely|feared|set|forecast|projected) to|threatens? to|"
    r"pourrai(?:t|ent)|devrai(?:t|ent)|risquen?t? de|podría[n]?|podrá[n]?|debería[n]?|se espera que|"
    r"könnte[n]?|dürfte[n]?|potrebbe(?:ro)?|dovrebbe(?:ro)?|si prevede che|possa[m]?|poderá(?:o)?|deverá(?:o)?|"
    r"zou(?:den)? kunnen|kan oplopen)"
    r"(?:\s+[^\W\d]+){1,5}\W*$",
)
"""A figure announced as possible or expected ("the toll could rise to 50", "possa ultrapassar as
quatro toneladas"), right before the number in its clause: a forecast, not a count made."""
_WHEN_WORDS = "|".join(sorted((re.escape(w) for w in langdata.calendar_words()), key=len, reverse=True))
_OF_WHOM_RE = langdata.regex_probe(
    r"\b(?:of whom|of which|dont|dos quais|das quais|de los cuales|de las cuales|von denen|di cui|waarvan|waaronder)\b",
)
"""A relative naming a share of the count before it: what follows is the share's."""
_TOTAL_WORDS = (
    r"since|so far|depuis|jusqu['’]ici|seit|bislang|bisher|hasta ahora|finora|até agora|sinds|tot nu toe|"
    # "desde", "dal" also say where from ("desde el petrolero"): only with a time after them
    r"(?:desde|dal|dalla|dall['’]|dai|dalle)\s+(?:el\s+|la\s+|il\s+|lo\s+|o\s+|a\s+)?(?:" + _WHEN_WORDS
    + r"|ayer|ieri|ontem|hace|entonces|allora|inizio|principio|\d)"
)
_TOTAL_BEFORE_RE = langdata.regex_probe(r"\b(?:" + _TOTAL_WORDS + r")\b[^.;:]{0,45}$",)
_TOTAL_AFTER_RE = langdata.regex_probe(r"[^.;:]{0,50}?\b(?:" + _TOTAL_WORDS + r")\b",)
"""Around a count: it is a running total since some time ("Desde el lunes, la policía ha detenido a
más de 300 personas", "300 people have been arrested since Monday", "bislang 300 Festnahmen"). "In
total" is not enough: it may sum places, not days."""
_UPDATED_BEFORE_RE = langdata.regex_probe(
    r"\b(?:(?:has |have |had )?(?:risen|rose|climbed|jumped|increased|grown) to|s['’](?:est )?alourdi(?:e)? à|"
    r"(?:est|sont) (?:passée?s?|montée?s?) à|s['’]élève désormais à|atteint désormais|"
    r"(?:steigt|stieg|gestiegen|erhöht(?: sich)?|kletterte) auf|(?:subió|aumentó|ascendió|se elevó|asciende) a|"
    r"(?:subiu|aumentou|ascendeu) para|(?:è |sono )?(?:salit[oaie]|sale|salgono) a|(?:is |zijn )?(?:gestegen|opgelopen) (?:tot|naar))"
    r"(?:\s+(?:at least|au moins|mindestens|al menos|pelo menos|almeno|minstens))?\s*$",
)
"""Right before a count: it has risen to that figure ("the toll has risen to 18", "steigt auf 18",
"s'est alourdi à sept")."""
_CO_NOUN_RE = langdata.regex_probe(
    r"\s+(?:[^\W\d]+\s+)?(?:co-?(?:defendants?|accused|accusé[es]*|acusad[oa]s|imputad[oa]s|imputati|inculpé[es]*)|"
    r"coaccusé[es]*|coacusad[oa]s|coimputad[oa]s|coimputati|mitangeklagten?|mitbeschuldigten?|medeverdachten|"
    r"medeverdachte|co-?arguidos)\b",
)
"""Right after a count: co-defendants, the others tried with the main one ("his seven
co-defendants", "ses sept coaccusés"): a part of all the defendants."""
_UPDATED_TO_RE = langdata.regex_probe(r"\b(?:auf|tot)\s*$",)
_UPDATED_AFTER_RE = langdata.regex_probe(r"\s*(?:[^\W\d]+\s+){0,2}?(?:gestiegen|angestiegen|geklettert|opgelopen|gestegen)\b",)
"""A German or Dutch rise told with the verb last ("… auf 18 gestiegen", "… tot 18 opgelopen")."""
_NEW_TOLL_RE = langdata.regex_probe(
    r"\b(?:new|latest|updated|revised) (?:death )?(?:toll|count|figures?)|nouveau bilan|dernier bilan|bilan actualisé|"
    r"neue[nrs]? (?:bilanz|zahlen)|jüngste[nrs]? (?:bilanz|zahlen)|nuevo balance|último balance|novo balanço|"
    r"último balanço|nuovo bilancio|ultimo bilancio|nieuwe balans|nieuwe cijfers",
)
"""A toll given as the new or latest one ("selon un nouveau bilan communiqué jeudi")."""
_EARLIER_RE = langdata.regex_probe(
    r"\b(?:initially|at first|first reported|earlier (?:reported|spoke of|put the (?:toll|number) at)|"
    r"(?:was|were) still(?: (?:at|reporting|speaking of|talking of|giving))?|still (?:spoke|reported|gave) (?:of )?|"
    r"initialement|dans un premier temps|(?:parlait|faisait|était|étaient) encore(?: état)?(?: de| d['’])?|"
    r"inicialmente|en un primer momento|(?:hablaba|era|eran|cifraba) (?:todavía|aún)(?: de| en)?|"
    r"(?:todavía|aún) (?:hablaba|cifraba)(?: de| en)?|zunächst|anfangs|(?:sprach|war|waren) (?:zunächst |noch )(?:von )?|"
    r"in un primo momento|(?:parlava|era|erano) ancora(?: di)?|ainda (?:falava|era|eram)(?: de| em)?|"
    r"em um primeiro momento|num primeiro momento|aanvankelijk|(?:sprak|was|waren) (?:\w+ ){0,3}nog(?: van| op)?)"
    r"(?:\s+[^\W\d]+){0,4}\W*$",
)
"""A count given as an earlier one, since outdated ("Maandagmiddag sprak het ziekenhuis nog van 180",
"police initially said 18", "le bilan faisait encore état de 12 morts"): no count of now."""


@dataclass(slots=True)
class Quantity:
    value: float
    lo: float
    hi: float
    lo_open: bool
    hi_open: bool
    qualifier: str
    kind: str | None
    outcome: str | None
    """killed / wounded / … (None for counts of things)."""
    population: str | None
    """fighters / soldiers / civilians / people / None."""
    text: str
    part: bool = False
    """Introduced as a part of a larger count ("including five in Deir Ezzor", "dont 3 enfants")."""
    rate: bool = False
    """A count per period ("600 flights a day") or a capacity ("designed for 800 inmates"): never the
    same figure as a total."""
    forecast: bool = False
    """A figure announced as possible or expected ("could rise to 50"), or a prison term asked for
    ("prosecutors had sought 12 years"): never set against a count made."""
    each: bool = False
    """A count for each of several parties ("each side will free 420", "500 prisoners per side"):
    never the same figure as their total."""
    earlier: bool = False
    """Given as an earlier count, since outdated (see ``_EARLIER_RE``): never set against a count of now."""
    updated: bool = False
    """Given as a count that has risen to this figure, or as a new toll (see ``_UPDATED_BEFORE_RE``): a
    smaller count of the same thing is an older one, not a disagreement."""
    total: bool = False
    """A running total ("more than 300 since Monday", "bislang"): any one count of the same thing
    (one night's arrests) is part of it."""
    noun: str | None = None
    """For a count of people, the lexicon concept of the noun counted right after the number
    ("250 firefighters", "42 patiënten"), when it names a particular group (see ``COUNTED_GROUPS``)."""
    currency: str | None = None
    """For a sum of money, its currency (ISO code, ``BTC`` for bitcoin), when stated."""
    of: str | None = None
    """For a measure with its unit (a mass, a volume, a length, an area, a time), the folded word
    right after the unit that names what is measured ("40 tonnes d'ammoniac" -> ``ammoniac``,
    "430 days in captivity" -> ``captivity``): see :func:`same_measured`."""

    @property
    def measure(self) -> str | None:
        """What is counted, comparable across claims (``killed``, ``targets``, ``money`` …)."""
        if self.outcome:
            return self.outcome
        if self.kind in POPULATIONS:
            return "count:" + POPULATIONS[self.kind]
        return self.kind

    def describe(self) -> str:
        q = {
            "at_least": "at least ",
            "more_than": "more than ",
            "less_than": "less than ",
            "up_to": "up to ",
            "about": "about ",
        }.get(self.qualifier, "")
        v = int(self.value) if float(self.value).is_integer() else self.value
        if self.outcome == "prison term":
            return f"{q}{v} months"
        if self.outcome in _PRECIPITATION_UNITS:
            unit, per_km = _PRECIPITATION_UNITS[self.outcome]
            depth = float(f"{self.value * per_km:.4g}")
            return f"{q}{int(depth) if depth.is_integer() else depth} {unit}"
        unit = _SCALED_UNITS.get(self.kind or "")  # figures converted to one unit (see unit_scales)
        return f"{q}{v} {unit}" if unit else f"{q}{v}"


@dataclass(slots=True)
class DateRange:
    lo: int
    """Proleptic ordinal of the first day."""
    hi: int
    granularity: str
    resolved: str
    text: str
    stated: int | None = None
    """The weekday the text names with the date (Monday is 0), if any: "martedì 14 settembre"."""


@dataclass(slots=True, frozen=True)
class WeekdayClue:
    """A weekday named without a day to pin it to: which weekdays it covers (Monday is 0), whether it
    is a night (its evening's weekday first), and its text."""

    days: tuple[int, ...]
    night: bool
    text: str


@dataclass(slots=True)
class Features:
    claim_id: str
    article_id: str
    ordinal: int
    text: str
    lang: str | None
    concepts: set[str]
    residual: set[str]
    norm: str
    """Sorted unique concept ids and residual tokens: the string rapidfuzz compares."""
    entities: dict[str, str]
    """Entity key → kind."""
    entity_names: dict[str, str]
    places: set[str]
    """Place entity keys plus country-level lexicon concepts."""
    quantities: list[Quantity]
    dates: list[DateRange]
    quotes: list[str]
    """Normalised quote strings (concepts + residual tokens)."""
    quote_raw: list[str]
    speakers: set[str]
    sources: dict[str, str]
    """Attribution source key → display name (who made the statement)."""
    conduits: set[str]
    """Attribution keys of channels that only relayed it (``told AFP``)."""
    quote_sizes: list[int]
    """Number of concept/word tokens of each quote in ``quotes``."""
    weekdays: list[WeekdayClue] = field(default_factory=list)
    """Weekdays no reference day resolved ("late on Friday" in an undated article)."""
    times: frozenset[str] = frozenset()
    """Clock times the claim states, as ``HH:MM`` ("vers 23h10", "shortly after 11:10 p.m.", "um
    3.50 Uhr", "at about 5:40 p.m."): the same time in two claims of one event is one fact."""
    codes: frozenset[str] = frozenset()
    """Flight and train numbers the claim states, as ``flight:AV731`` ("Flight AV 731", "le vol AV
    713", "o voo AV 731", "Flug LH 454"): see :func:`identifier_codes`."""
    venue: tuple[str, str] | None = None
    """``(relation, entity key)``: the place the claim says a happening took place at (``past``),
    will take place at (``future``) or came from (``from``): "the swap took place at the Hlyboka
    crossing", "se tiendra à Oslo", "en provenance de Munich"."""
    published: str | None = None
    article_order: int = 0
    written: int | None = None
    """Ordinal of the day the claim's article was written (publication day, else a full date its
    header states), when known to the day."""
    mapped: Mapped | None = field(default=None, repr=False)
    memo: dict = field(default_factory=dict, repr=False, compare=False)
    """Pair-independent values the scorer and the event builder derive from the fields above
    (polarity, indicators, actors, own dates …), computed on first use: the fields above must not
    change once it is filled."""


def _ordinal(year: int, month: int = 1, day: int = 1) -> int:
    return date(year, month, day).toordinal()


def _month_end(year: int, month: int) -> int:
    if month == 12:
        return date(year, 12, 31).toordinal()
    return date(year, month + 1, 1).toordinal() - 1


def parse_date_bound(text: str, *, end: bool) -> tuple[int, str] | None:
    """Ordinal of the first (or last) day of an ISO date / month / year string."""
    text = text.strip()
    try:
        parts = [int(p) for p in text.split("-") if p]
    except ValueError:
        return None
    try:
        if len(parts) >= 3:
            return _ordinal(parts[0], parts[1], parts[2]), "day"
        if len(parts) == 2:
            return (_month_end(parts[0], parts[1]) if end else _ordinal(parts[0], parts[1])), "month"
        if len(parts) == 1 and 1000 <= parts[0] <= 3000:
            return (_ordinal(parts[0], 12, 31) if end else _ordinal(parts[0])), "year"
    except ValueError:
        return None
    return None


def parse_resolved(resolved: str | None) -> tuple[int, int, str] | None:
    """``2024-02-02``, ``2024-02``, ``2024``, ``2024-02-02/03``, ``2024-02-02/2024-02-03`` → (lo, hi, granularity)."""
    if not resolved:
        return None
    text = resolved.strip()
    if "/" in text:
        a, b = text.split("/", 1)
        # short right side: complete it from the left one ("2024-02-02/03", "2024-01/02")
        a_parts, b_parts = a.split("-"), b.split("-")
        if len(b_parts) < len(a_parts):
            b = "-".join(a_parts[: len(a_parts) - len(b_parts)] + b_parts)
        lo = parse_date_bound(a, end=False)
        hi = parse_date_bound(b, end=True)
        if lo is None or hi is None or hi[0] < lo[0]:
            return None
        gran = "day" if hi[0] - lo[0] <= 2 and lo[1] == "day" else lo[1]
        return lo[0], hi[0], gran
    lo = parse_date_bound(text, end=False)
    hi = parse_date_bound(text, end=True)
    if lo is None or hi is None:
        return None
    return lo[0], hi[0], lo[1]


def quantity_interval(value: float, qualifier: str | None) -> tuple[float, float, bool, bool]:
    """The documented qualifier rule (see the package docstring): value → (lo, hi, lo_open, hi_open)."""
    q = qualifier or "exactly"
    if q == "at_least":
        return value, INF, False, True
    if q == "more_than":
        return value, INF, True, True
    if q == "less_than":
        return 0.0, value, False, True
    if q == "up_to":
        return 0.0, value, False, False
    if q == "about":
        return value * 0.85, value * 1.15, False, False
    return value, value, False, False


def intervals_intersect(a: Quantity, b: Quantity) -> bool:
    lo, lo_open = (a.lo, a.lo_open) if a.lo > b.lo else ((b.lo, b.lo_open) if b.lo > a.lo else (a.lo, a.lo_open or b.lo_open))
    hi, hi_open = (a.hi, a.hi_open) if a.hi < b.hi else ((b.hi, b.hi_open) if b.hi < a.hi else (a.hi, a.hi_open or b.hi_open))
    if lo < hi:
        return True
    if lo == hi:
        return not (lo_open or hi_open)
    return False


def _nearest(mapped_window: list[str], wanted: dict[str, str], *, last: bool = False) -> str | None:
    seq = reversed(mapped_window) if last else mapped_window
    for c in seq:
        if c in wanted:
            return wanted[c]
    return None


def _window(mapped: Mapped, lo: int, hi: int) -> list[str]:
    return [c for off, c in mapped.positions if lo <= off < hi]


COUNTED_NOUN_REACH = 24
"""How far after a number the noun it counts may start (past an adjective: "scheduled operations")."""
_COUNTED_NOUN_TYPES = frozenset({"thing", "event", "actor"})


def _counted_noun(text: str, mapped: Mapped, end: int, limit: int) -> str | None:
    """The concept of the noun a bare number counts: the first thing, happening or actor named
    within ``COUNTED_NOUN_REACH`` characters after it, in the same clause."""
    types = lexicon().types
    for off, c in mapped.positions:
        if off < end:
            continue
        if off >= min(limit, end + COUNTED_NOUN_REACH) or _CLAUSE_BREAK_RE.search(text, end, off):
            return None
        if types.get(c) in _COUNTED_NOUN_TYPES and c not in PROPER_CONCEPTS:  # "200 UN monitors"
            return c
    return None


def _prison_next_to(text: str, mapped: Mapped, start: int, end: int) -> bool:
    """A prison word in the number's own phrase: "14 años de prisión", "sieben Jahren Haft", "a
    prison term of 10 years" (not across a comma: "… de prisión para el exministro, de 62 años")."""
    for off, c in mapped.positions:
        if c != "prison":
            continue
        if end <= off <= end + TERM_REACH and not _CLAUSE_BREAK_RE.search(text, end, off):
            return True
        if start - TERM_REACH <= off < start and not _CLAUSE_BREAK_RE.search(text, off, start):
            return True
    return False


TERM_REACH = 30
_CLAUSE_BREAK_RE = re.compile(r"[,;:()]")


_SCALED_KINDS = frozenset({"area", "distance"})
_SCALED_UNITS = {"area": "ha", "distance": "km"}
CONVERSION_TOLERANCE = 0.015
"""A figure converted from another unit ("20,700 acres" in hectares) covers 1.5 % on either side."""


def _quantities(claim: Claim, spans: list[Span], mapped: Mapped) -> list[Quantity]:
    qspans = sorted((s for s in spans if s.type == "quantity" and s.value is not None), key=lambda s: s.start)
    out: list[Quantity] = []
    if not qspans:
        return out
    outcome_hits = {OUTCOME_CONCEPTS[c] for c in mapped.concepts if c in OUTCOME_CONCEPTS}
    low = langdata.caseless(claim.text)
    new_toll = _NEW_TOLL_RE.search(claim.text, low)
    for i, s in enumerate(qspans):
        kind = s.kind
        value = float(s.value)  # type: ignore[arg-type]
        months = _TERM_MONTHS.get(fold(s.unit or "")) if kind == "duration" else None
        lo, hi, lo_open, hi_open = quantity_interval(value, s.qualifier)
        rel_start = max(0, s.start - claim.start)
        rel_end = max(rel_start, s.end - claim.start)
        prev_end = (qspans[i - 1].end - claim.start) if i > 0 else 0
        next_start = (qspans[i + 1].start - claim.start) if i + 1 < len(qspans) else len(claim.text)
        stop = min(next_start, rel_end + 80)
        share = _OF_WHOM_RE.search_at(claim.text, low, rel_end, stop)
        if share is not None:
            stop = share.start()  # "quatro doentes, um dos quais morreu": the one died, not the four
        after = _window(mapped, rel_end, stop)
        before = _window(mapped, max(prev_end, rel_start - 60, 0), rel_start)
        outcome = OUTCOMES.get(kind or "")
        population = POPULATIONS.get(kind or "")
        if outcome is None and (population is not None or kind in (None, "other")):
            outcome = _nearest(after, OUTCOME_CONCEPTS) or _nearest(before, OUTCOME_CONCEPTS, last=True)
            if outcome is None and len(outcome_hits) == 1 and population is not None and any(
                    prev_end <= o < (stop if share is not None else next_start)
                    for o, c in mapped.positions if c in OUTCOME_CONCEPTS):
                # the sentence's one outcome, told between this count and the next ("Dieciocho
                # personas han requerido hospitalización y tres han fallecido": the three died)
                outcome = next(iter(outcome_hits))
        if population is None and outcome is not None:
            population = _nearest(after, POPULATION_CONCEPTS) or _nearest(before, POPULATION_CONCEPTS, last=True)
        if kind in _AMOUNT_KINDS and outcome is None:
            # "50,000 litres leaked", "un derrame de 30 mil litros": the amount of a happening
            happened = _nearest(after, AMOUNT_HAPPENINGS) or _nearest(before, AMOUNT_HAPPENINGS, last=True)
            if happened is not None:
                outcome = f"{kind} {happened}"
        sought = months is not None and bool(_SOUGHT_RE.search_at(claim.text, low, max(prev_end, rel_start - 60, 0), rel_start))
        if months is not None and outcome is None and (sought or _prison_next_to(claim.text, mapped, rel_start, rel_end)):
            # "zu sieben Jahren Haft", "nueve años de prisión", "a 10-year sentence", "la procura
            # aveva chiesto 10 anni": a prison term compares like a count (in months); a term asked
            # for is no term imposed
            outcome = "prison term"
            value *= months  # in months: "18 months" = "a year and a half"
            lo, hi, lo_open, hi_open = quantity_interval(value, s.qualifier)
        scale = langdata.unit_scale(claim.lang, kind, s.unit) if kind in _SCALED_KINDS else None
        if scale is not None and scale != 1.0:
            # "20,700 acres" in hectares, "300 miles" in kilometres; a converted figure was rounded
            # by whoever converted it, so it covers a little on either side
            value = float(f"{value * scale:.4g}")
            lo, hi, lo_open, hi_open = quantity_interval(value, s.qualifier)
            lo *= 1 - CONVERSION_TOLERANCE
            if hi != INF:
                hi *= 1 + CONVERSION_TOLERANCE
        if kind == "distance" and outcome is None and scale is not None and scale <= PRECIPITATION_UNIT_KM:
            # "512 millimetri di pioggia", "412 millimètres de pluie", "rainfall of 9 inches": how
            # much rain or snow fell, compared like an amount (metres or feet measure something else:
            # "the rain pushed the river 4 metres above its banks")
            fell = _nearest(after, PRECIPITATIONS) or _nearest(before, PRECIPITATIONS, last=True)
            if fell is not None:
                outcome = fell
        if kind == "money" and outcome is None:
            # "fined him 2.5 million euros", "costó 310 millones": what the money is; a fine is no cost
            subject = _nearest(after, MONEY_SUBJECTS) or _nearest(before, MONEY_SUBJECTS, last=True)
            if subject is not None:
                outcome = "money " + subject
        if kind == "other" and outcome is None:
            # "2,000 scheduled operations", "cinq hôpitaux": the thing counted, named right after
            # the number, is what the count measures
            counted = _counted_noun(claim.text, mapped, rel_end, next_start)
            if counted is not None:
                outcome = "number " + counted
        if kind is None and outcome is None:
            continue
        near = max(0, rel_start - 60)
        part = (
            _PART_RE.search(claim.text[near:rel_start], None if low is None else low[near:rel_start])
            or bool(_PART_AFTER_RE.match_at(claim.text, low, rel_end))
            or bool(_AMONG_AFTER_RE.match_at(claim.text, low, rel_end, min(len(claim.text), rel_end + 60)))
            or bool(_ALONE_RE.search_at(claim.text, low, max(prev_end, 0), rel_start))
            or bool(_CO_NOUN_RE.match_at(claim.text, low, rel_end, min(len(claim.text), rel_end + 30)))
        )
        rate = bool(_RATE_RE.match_at(claim.text, low, rel_end, min(len(claim.text), rel_end + 30))) or bool(
            _CAPACITY_RE.search_at(claim.text, low, max(prev_end, rel_start - 40, 0), rel_start))
        forecast = sought or bool(_FORECAST_RE.search_at(claim.text, low, max(0, rel_start - 50), rel_start))
        each = bool(_EACH_AFTER_RE.match_at(claim.text, low, rel_end, min(len(claim.text), rel_end + 40))) or bool(
            _EACH_BEFORE_RE.search_at(claim.text, low, max(prev_end, rel_start - 40, 0), rel_start)
        )
        noun = after[0] if kind == "people" and outcome is None and after and after[0] in COUNTED_GROUPS else None
        earlier = bool(_EARLIER_RE.search_at(claim.text, low, max(prev_end, rel_start - 60, 0), rel_start))
        updated = new_toll or bool(_UPDATED_BEFORE_RE.search_at(claim.text, low, max(prev_end, rel_start - 40, 0), rel_start)) or (
            bool(_UPDATED_TO_RE.search_at(claim.text, low, max(prev_end, rel_start - 6, 0), rel_start))
            and bool(_UPDATED_AFTER_RE.match_at(claim.text, low, rel_end, min(next_start, rel_end + 40))))
        total = bool(_TOTAL_BEFORE_RE.search_at(claim.text, low, max(prev_end, rel_start - 60, 0), rel_start)) or bool(
            _TOTAL_AFTER_RE.match_at(claim.text, low, rel_end, min(next_start, rel_end + 60)))
        out.append(
            Quantity(
                value, lo, hi, lo_open, hi_open, s.qualifier or "exactly", kind, outcome, population, s.text, part, rate,
                forecast, each, earlier, updated, total, noun, s.unit if kind == "money" else None,
                _measured(claim.text, rel_end, next_start, mapped) if kind in _MEASURED_KINDS and s.unit else None,
            )
        )
    return out


_MEASURED_KINDS = frozenset({"mass", "volume", "distance", "area", "duration"})
_MEASURED_RE = re.compile(
    r"[ \t\xa0]*[^\W\d_]+\.?[ \t\xa0]+(?:(?i:of|de|d['’]|di|del|della|dei|degli|delle|van|von|in|en|em|"
    r"do|da|du|des|der|of[ \t]+the|de[ \t]+la)[ \t\xa0]*)?([^\W\d_]{5,})"
)


def _measured(text: str, end: int, limit: int, mapped: Mapped) -> str | None:
    """What a measure is of, right after its unit (see ``Quantity.of``): the lexicon concept of
    the word there (``c:depth`` for "profondeur", "Tiefe", "depth"), else the folded word; None
    for a common word ("40 tonnes of the …", "5 km from")."""
    m = _MEASURED_RE.match(text, end, limit)
    if m is None:
        return None
    at = m.start(1)
    for off, c in mapped.positions:
        if off == at:
            return "c:" + c
        if off > at:
            break
    if m.group(1).lower() in langdata.common_words():
        return None
    return fold(m.group(1))


def same_measured(a: str | None, b: str | None) -> bool:
    """Two measures of one thing: one concept, or words that are one word or cognates across
    languages ("ammoniac" / "ammoniak", "captivité" / "captivity": the same first five letters)."""
    if a is None or b is None:
        return False
    if a.startswith("c:") or b.startswith("c:"):
        return a == b
    return a[:5] == b[:5]


def _norm(concepts: set[str], residual: set[str]) -> str:
    return " ".join(sorted({"~" + c for c in concepts} | residual))


@lru_cache(maxsize=None)
def _number_words(lang: str | None) -> frozenset[str]:
    """Folded number words of ``lang`` ("three", "trois", "dix-huit")."""
    try:
        return frozenset(fold(w) for w in langdata.get(lang).number_words)
    except Exception:
        return frozenset()


def build_features(claim: Claim, *, published: str | None = None, article_order: int = 0, written: str | None = None) -> Features:
    """Precompute everything the scorer needs for one claim."""
    lex = lexicon()
    spans = claim.spans
    mapped = lex.map_text(claim.text, claim.lang)
    concepts = set(mapped.concepts)
    # Numbers only count with what they count: drop bare digits from the fuzzy text (a token of
    # letters only has none, so the regex only runs on the others).
    residual = {t for t in mapped.residual if t.isalpha() or not _DIGIT_RE.search(t)}
    # the fuzzy text sees common words (general concepts) as the words they are, not as concepts
    # (see ``Mapped.general_words``)
    general = lex.general_concepts
    norm_concepts = concepts if general.isdisjoint(concepts) else concepts - general
    norm_words = residual.union(mapped.general_words) if mapped.general_words else residual
    entities: dict[str, str] = {}
    entity_names: dict[str, str] = {}
    dates: list[DateRange] = []
    weekdays: list[WeekdayClue] = []
    quote_raw: list[str] = []
    speakers: set[str] = set()
    has_quote_span = False
    sources: dict[str, str] = {}
    conduits: set[str] = set()
    # one pass over the spans: each kind of span keeps its own order
    for s in spans:
        stype = s.type
        if stype == "entity":
            if s.key:
                entities.setdefault(s.key, s.kind or "unknown")
                entity_names.setdefault(s.key, s.basis or s.text)  # "the company" names its firm
        elif stype == "date":
            parsed = parse_resolved(s.resolved)
            if parsed is not None:
                lo, hi, gran = parsed
                wk = parse_weekday_key(s.key) if s.key else None
                stated = wk[0][0] if wk is not None and not wk[1] else None
                dates.append(DateRange(lo, hi, s.granularity or gran, s.resolved or "", s.text, stated))
            elif s.key and (wk := parse_weekday_key(s.key)) is not None:
                weekdays.append(WeekdayClue(wk[0], wk[1], s.text))
        elif stype == "quote":
            has_quote_span = True
            raw = s.text.strip(_QUOTE_MARKS + " ,.")
            if len(raw) >= 8:
                quote_raw.append(raw)
            if s.speaker:
                speakers.add(fold(s.speaker))
        elif stype == "attribution":
            if s.key or s.source:
                key = s.key or fold(s.source or "")
                if s.kind == "conduit":
                    conduits.add(key)
                else:
                    sources.setdefault(key, s.source or s.text)
    places = {k for k, kind in entities.items() if kind == "place"}
    venue = _venue(claim, spans, mapped) if places or "unknown" in entities.values() else None
    place_concepts = lex.place_concepts
    places |= {"~" + c for c in concepts if c in place_concepts}
    if not has_quote_span:
        quote_raw = [m.group(1) for m in _QUOTE_RE.finditer(claim.text)]
    quotes: list[str] = []
    quote_sizes: list[int] = []
    numbers = _number_words(claim.lang) if quote_raw else frozenset()
    for raw in quote_raw:
        qm = lex.map_text(raw, claim.lang)
        # number words are left out like digits: "three years" and "trois ans" say the same
        toks = set(qm.concepts) | {t for t in qm.residual if (t.isalpha() or not _DIGIT_RE.search(t)) and t not in numbers}
        quotes.append(" ".join(sorted(toks)))
        quote_sizes.append(len(toks))
    return Features(
        claim_id=claim.id,
        article_id=claim.article_id,
        ordinal=claim.ordinal,
        text=claim.text,
        lang=claim.lang,
        concepts=concepts,
        residual=residual,
        norm=_norm(norm_concepts, norm_words),
        entities=entities,
        entity_names=entity_names,
        places=places,
        quantities=_quantities(claim, spans, mapped),
        dates=dates,
        weekdays=weekdays,
        quotes=quotes,
        quote_sizes=quote_sizes,
        quote_raw=quote_raw,
        speakers=speakers,
        sources=sources,
        conduits=conduits,
        published=published,
        article_order=article_order,
        written=day_ordinal(written or published),
        mapped=mapped,
        venue=venue,
        times=clock_times(claim.text) if may_tell_time(claim.text) else frozenset(),
        codes=identifier_codes(claim.text) if _may_hold_code(claim.text) else frozenset(),
    )


_CODE_LETTER_RE = re.compile(r"[A-Z]\s?-?\s?\d")
_CODE_WORD_PROBE = langdata.regex_probe(r"(?:flight|vol|voo|vuelo|volo|flug|vlucht|train|tren|treno|zug|trein|comboio)\s+\d")


def _may_hold_code(text: str) -> bool:
    """A cheap test before ``identifier_codes``: False when ``text`` holds no flight or train number."""
    return _CODE_LETTER_RE.search(text) is not None or _CODE_WORD_PROBE.search(text, langdata.caseless(text))


_CODE_RE = re.compile(
    r"(?i:\b(?P<cue>flights?|vols?|voos?|vuelos?|volo|voli|flugs?|flugnummer|vlucht|trains?|trenes|tren|treno|treni|"
    r"zugs?|trein|comboio))\s+(?:(?i:no\.?|n°|nº|number|numéro|número|numero|nummer)\s*)?"
    r"(?P<code>(?:[A-Z]{1,3}|\d[A-Z])\s?-?\s?\d{1,5}[A-Z]?|\d{2,5})\b"
    r"|\b(?P<bare>[A-Z]{2}\d{2,4})\b"
)
"""A flight or train number after its word ("Flight AV 731", "le vol AV 713", "Zug ICE 578"), or a
bare airline code ("MH17", "AF447"); not an aircraft type ("F-16", "A320", "MQ-9")."""
_CODE_KINDS = {
    "flight": "flight", "flights": "flight", "vol": "flight", "vols": "flight", "voo": "flight", "voos": "flight",
    "vuelo": "flight", "vuelos": "flight", "volo": "flight", "voli": "flight", "flug": "flight", "flugs": "flight",
    "flugnummer": "flight", "vlucht": "flight",
}


def identifier_codes(text: str) -> frozenset[str]:
    """The flight and train numbers of ``text`` (see ``Features.codes``)."""
    out = set()
    for m in _CODE_RE.finditer(text):
        if m["bare"]:
            out.add("flight:" + m["bare"])
            continue
        kind = _CODE_KINDS.get(m["cue"].lower(), "train")
        out.add(kind + ":" + re.sub(r"[\s-]", "", m["code"]).upper())
    return frozenset(out)


def day_ordinal(day: str | None) -> int | None:
    """Ordinal of an ISO day ("2026-03-11", a longer timestamp too); None for a month, a year or nothing."""
    if not day or len(day) < 10:
        return None
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return None


_LIST_AFTER_RE = re.compile(r"\s*(?:&|(?:and|et|y|und|e|en|or|ou|oder|o)\s)", re.I)
VENUE_REACH = 40
"""Most characters between a venue phrase and the name of its place ("at the Hlyboka crossing",
"en el aeropuerto de Dar al-Nur")."""


_AREA_CONCEPTS = frozenset({"east", "west", "north", "south", "region", "border"})
"""Between a venue phrase and its place, words that make the place a wider area or a point of
reference ("sur la côte est de la Marovane", "in the north of", "near the border with")."""


_PLACE_NOUNS = frozenset({"capital", "city"})


def _qualifies_place_noun(mapped: Mapped, end: int) -> bool:
    """A name followed by a place noun qualifies it ("the Kestrian capital Brelinn", "la ville
    voisine"): the place is the name after."""
    return any(end < off <= end + 2 and c in _PLACE_NOUNS for off, c in mapped.positions)


def _venue(claim: Claim, spans: list, mapped: Mapped) -> tuple[str, str] | None:
    """The claim's venue (see ``Features.venue``): the first place (or unknown name) right after a
    venue phrase of the claim's language, when the claim names one such place only there."""
    try:
        rx = langdata.get(claim.lang).rx("venue")
    except Exception:
        return None
    if rx is None:
        return None
    text = claim.text
    names = None
    for m in rx.finditer(text):
        if names is None:
            names = [(s.start - claim.start, s) for s in spans if s.type == "entity" and s.key and s.kind in ("place", "unknown")]
        after = [(off, s) for off, s in names if m.end() <= off <= m.end() + VENUE_REACH
                 and not _qualifies_place_noun(mapped, off + len(s.text))]
        if not after:
            continue
        off, s = min(after, key=lambda x: x[0])
        if any(ch in ",;" for ch in text[m.end():off]) or any(
                m.end() <= o < off and c in _AREA_CONCEPTS for o, c in mapped.positions):
            continue
        if _LIST_AFTER_RE.match(text, off + len(s.text)):
            return None  # two places: a list, not one venue
        return m.lastgroup or "past", s.key
    return None
