"""Date expressions: detection per language (data-driven) and resolution against a reference.

Resolved values (``Span.resolved``) and granularities (``Span.granularity``):

- ``day``        ``2024-02-02`` (explicit dates, day + month, weekdays, today/yesterday);
- ``night``      ``2024-02-02/2024-02-03`` ("la nuit du 2 au 3 février", "overnight Friday to Saturday",
                 "dans la nuit de samedi à dimanche", "la noche del sábado" = that night and the next day,
                 "in der Nacht zum Sonntag" = the night ending that day: ``dates.night_to``);
- ``range``      ``2024-02-02/2024-02-05`` ("du 2 au 5 février", "February 2-5", "last week" = Monday..Sunday);
- ``month_part`` ``2024-01-21/2024-01-31``: early = days 1-10, mid = 11-20, late = 21-end of month
                 ("fin janvier", "in early June", "mi-octobre");
- ``year_part``  ``2019-09/2019-12``: early = Jan-Apr, mid = May-Aug, late = Sep-Dec ("late 2019");
- ``month``      ``2024-02`` ("in April", "février 2024", and "today" when only the publication month is known);
- ``year``       ``2019`` ("in 2018", "the 2015 deal", "last year");
- ``weekday``    unresolved weekday (no reference day).

Reference (in order): (1) the publication date; (2) the latest explicit full date in the article;
(3) a weekday + day + month phrase whose weekday fits a single recent year (the latest year not
after the current year, or the publication year when only ``YYYY``/``YYYY-MM`` is known).
Relative weekdays ("on Sunday", "lundi", "Sunday's") resolve to the most recent such day on or
before the reference (the same weekday as the reference is the reference day itself); "last X" /
"X dernier" is strictly before, "next X" / "X prochain" strictly after. A weekday announced in its
own clause is that day or the next such day: after a future or "until" cue ("is expected to visit
on Thursday", "hasta el lunes", "até esta terça-feira"; ``dates.future_cues`` in the language
files), or with a present-tense verb of a scheduled happening before or after it ("the strike
begins on Thursday", "am Donnerstag beginnt der Streik"; ``dates.upcoming_verbs``): news tells
past days in past tenses. A day + month later than
the reference goes to the previous year, unless its clause announces it (a future cue or an
``upcoming_cues`` word: "the next meeting is scheduled for June 5", "prévue le 5 juin"); so does a
bare month later than the reference month.
A quoted "today"/"aujourd'hui" takes the day of the statement when the sentence dates it
("…,” the president said on Friday"). ``Span.basis`` always says which rule resolved the date,
and why it was left unresolved.
A time of day around a weekday belongs to it and resolves like the weekday ("Monday evening", "lundi
soir", "domingo por la noche", "am Montagabend", "in the early hours of Tuesday", "na madrugada de
terça-feira"; ``dates.day_parts_before`` / ``day_parts_after`` / ``weekday_compounds`` in the language files).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import langdata

_ISO_RE = re.compile(r"(?<![\d\-/.])(?P<y>(?:1[89]|20|21)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d\-])")
_NUM_RE = re.compile(r"(?<![\d/.\-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:1[89]|20|21)\d\d)(?![\d/])")
_SHORT_DOTTED_RE = re.compile(r"(?<![\d.,])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?![\d.])")
_YEAR_RE = re.compile(r"(?<![\w$€£¥.,/\-])(?P<y>(?:19|20)\d\d)(?![\w%]|[.,]\d|\s*%)")
_PUB_RE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DIGIT_RE = re.compile(r"\d")
_YEARISH_RE = re.compile(r"(?:1[89]|2[01])\d\d")
"""Four digits that may be a year: every pattern with a year (or an ISO or numeric date) needs one."""


@dataclass
class DateCand:
    start: int
    end: int
    kind: str  # full, daymonth, night, range, monthpart, yearpart, month, year, weekday, relday, relperiod
    y: int | None = None
    m: int | None = None
    d: int | None = None
    d2: int | None = None
    m2: int | None = None
    wd: int | None = None
    wd2: int | None = None
    part: str | None = None
    rel: int = 0  # -1 last, +1 next, 2 on or after (a scheduled happening), 0 bare
    offset: int = 0
    unit: str | None = None
    note: str = ""


_CLAUSE_BREAK_RE = re.compile(r"[,;:—–()\"“”«»]")


def _clause_before(text: str, start: int) -> str:
    """The text of a date's own clause before it (up to 60 characters, no punctuation in between)."""
    before = text[max(0, start - 60):start]
    cut = None
    for cut in _CLAUSE_BREAK_RE.finditer(before):
        pass
    return before[cut.end():] if cut is not None else before


def _future_clause(text: str, start: int, rx: re.Pattern[str]) -> bool:
    """A future or 'until' cue earlier in the weekday's own clause."""
    return rx.search(_clause_before(text, start)) is not None


_CLAUSE_AFTER = 60


def _verb_clause(text: str, start: int, end: int, rx: re.Pattern[str]) -> re.Match[str] | None:
    """A verb of a scheduled happening in the date's own clause, before or after it ("Der Streik
    beginnt am Donnerstag", "Am Donnerstag beginnt der Streik", "le sommet s'ouvre jeudi")."""
    got = rx.search(_clause_before(text, start))
    if got is not None:
        return got
    after = text[end:end + _CLAUSE_AFTER]
    stop = _CLAUSE_BREAK_RE.search(after)
    if stop is not None:
        after = after[:stop.start()]
    return rx.search(after)


def _upcoming(p: "_DatePatterns", text: str, m: re.Match[str]) -> int:
    """2 (that day or the next such day) for a weekday or weekday night its clause announces, else 0:
    after a future or "until" cue ("is expected to visit on Thursday", "hasta el lunes", "até esta
    terça-feira") or with a scheduling verb ("the strike begins on Thursday")."""
    if p.future is not None and _future_clause(text, m.start(), p.future):
        return 2
    if p.upcoming_verb is not None and _verb_clause(text, m.start(), m.end(), p.upcoming_verb):
        return 2
    return 0


def _alt(words) -> str:
    return langdata.trie_regex(words)


class _DatePatterns:
    def __init__(self, lg: langdata.Lang):
        d = lg.dates
        months = [m for m in lg.months]
        wds = [w for w in lg.weekdays]
        self.lg = lg
        self.ok = bool(months)
        cs = re.I  # capitalisation is checked on the match (_cap_ok)
        months_dot = months + [m + "." for m in months if len(m) <= 5 and m not in ("mai", "may", "june", "july", "juin", "mars", "août", "aout")]
        wds_dot = wds + [w + "." for w in wds if len(w) <= 4]
        MON = r"(?P<mon>" + _alt(months_dot) + r")"
        WD = r"(?P<wd>" + _alt(wds_dot) + r")"
        WD2 = r"(?P<wd2>" + _alt(wds) + r")"
        yof = d.get("year_of") or r"(?:,?\s*)"
        # cheap probes: a pattern that needs a month (weekday) name cannot match without one. In
        # every pattern a month name is followed by a non-letter (a space, a comma, a digit, the
        # word end), so "décidé" or "market" hold none; unless the year may follow after a word
        # ("marzo de 2024"): then the probe does not look past the name
        bare_year = not re.search(r"[^\W\d_]", re.sub(r"\\.", "", yof))
        self.mon_probe = langdata.phrase_probe(months_dot, r"(?![^\W\d])" if bare_year else "")
        self.wd_probe = langdata.phrase_probe(wds_dot)
        suf = d.get("day_suffix") or ""
        suf = r"(?:" + suf + r")?" if suf else ""
        DAY = r"(?P<d>[0-3]?\d)" + suf + r"(?![\d,.]\d)(?!\d)"
        DAY2 = r"(?P<d2>[0-3]?\d)" + suf + r"(?![\d,.]\d)(?!\d)"
        YEAR = r"(?P<y>(?:1[89]|20|21)\d\d)(?!\d)"
        of = d.get("day_of") or ""
        the = d.get("the") or ""
        pre_words = d.get("prefix") or []
        PRE = (r"(?:(?<![\w])" + _alt(pre_words) + r"\s+)?") if pre_words else ""
        B = r"(?<![\w])"
        E = r"(?![\w])"
        self.full_dmy = re.compile(B + PRE + r"(?:" + WD + r",?\s+)?" + the + "?" + DAY + r"\s*" + (of + "?" if of else "") + MON + r"(?:" + yof + YEAR + r")?" + E, cs)
        self.full_mdy = re.compile(B + PRE + r"(?:" + WD + r",?\s+)?" + MON + r"\s+" + the + "?" + DAY + r"(?:,?\s*" + YEAR + r")?" + E, cs)
        night = d.get("night_of") or []
        to = _alt(d.get("range_to") or ["-"])
        frm = d.get("range_from") or []
        FROM = (r"(?:" + _alt(frm) + r"\s+)?") if frm else ""
        if night:
            NIGHT = r"(?:" + "|".join(night) + r")\s+"
            self.night_dm = re.compile(B + NIGHT + r"(?:" + WD + r"\s+)?" + DAY + r"\s*" + to + r"\s*(?:" + WD2 + r"\s+)?" + DAY2 + r"\s+" + (of + "?" if of else "") + MON + r"(?:" + yof + YEAR + r")?" + E, re.I)
            self.night_md = re.compile(B + NIGHT + MON + r"\s+" + DAY + r"\s*" + to + r"\s*" + DAY2 + r"(?:,?\s*" + YEAR + r")?" + E, re.I)
            self.night_wd = re.compile(B + NIGHT + WD + r"\s*" + to + r"\s*" + WD2 + E, re.I)
            # one weekday: "la nuit de samedi", "la noche del sábado" (that night and the next day)
            self.night_wd1 = re.compile(B + NIGHT + r"(?P<wd>" + _alt(wds) + r")" + E, re.I)
        else:
            self.night_dm = self.night_md = self.night_wd = self.night_wd1 = None
        night_to = d.get("night_to") or []
        # every night pattern needs one of these phrases
        self.night_probe = langdata.regex_probe("|".join(night + night_to)) if night or night_to else None
        # a night named by its morning: "in der Nacht zum Sonntag", "overnight into Sunday"
        self.night_to = re.compile(B + r"(?:" + "|".join(night_to) + r")\s+(?P<wd>" + _alt(wds) + r")" + E, re.I) if night_to else None
        self.range_dm = re.compile(B + FROM + DAY + r"\s*" + to + r"\s*" + DAY2 + r"\s+" + (of + "?" if of else "") + MON + r"(?:" + yof + YEAR + r")?" + E, cs)
        self.range_md = re.compile(B + FROM + MON + r"\s+" + DAY + r"\s*" + to + r"\s*" + DAY2 + r"(?:,?\s*" + YEAR + r")?" + E, cs)
        parts = d.get("month_parts") or {}
        self.part_map = {" ".join(k.lower().split()).rstrip("-"): v for k, v in parts.items()}
        if parts:
            PART = r"(?P<part>" + _alt(k.rstrip("-") for k in parts) + r")"
            self.part_month = re.compile(B + PART + r"(?:\s*[-‑–]\s*|\s+(?:of\s+|de\s+|d['’]|du mois de\s+|del?\s+|des\s+|da\s+|do\s+|im\s+)?)" + MON + r"(?:" + yof + YEAR + r")?" + E, re.I)
            self.part_year = re.compile(B + PART + r"(?:\s*[-‑–]\s*|\s+(?:of\s+|de\s+|del?\s+|da\s+)?)" + YEAR + E, re.I)
        else:
            self.part_month = self.part_year = None
        self.month_year = re.compile(B + PRE + MON + r"\s+(?:(?:de|del|of)\s+)?" + YEAR + E, cs)
        last_b = d.get("last_before") or []
        next_b = d.get("next_before") or []
        last_a = d.get("last_after") or []
        next_a = d.get("next_after") or []
        LB = r"(?:(?P<lb>" + _alt(last_b) + r")\s+)?" if last_b else ""
        NB = r"(?:(?P<nb>" + _alt(next_b) + r")\s+)?" if next_b else ""
        LA = r"(?:\s+(?P<la>" + _alt(last_a) + r"))?" if last_a else ""
        NA = r"(?:\s+(?P<na>" + _alt(next_a) + r"))?" if next_a else ""
        poss = d.get("possessive") or ""
        mon_words = [m for m in months if len(m) > 3 or m in ("mai", "may", "mei")]
        self.month_alone = re.compile(B + r"(?P<pre>" + _alt(list(lg.month_prefix_words) or ["in"]) + r"\s+)?" + LB + NB + r"(?P<mon>" + _alt(mon_words) + r")" + LA + NA + E, cs)
        self.month_alone_starts = _starts(list(lg.month_prefix_words) or ["in"], last_b, next_b, mon_words)
        full_wds = [w for w in wds if w not in lg.short_weekdays]
        fut = [str(x) for x in (d.get("future_cues") or []) if x]
        self.future = re.compile(r"(?<![\w])(?:" + "|".join(fut) + r")(?![\w])", re.I) if fut else None
        upc = fut + [str(x) for x in (d.get("upcoming_cues") or []) if x]
        verbs = [str(x) for x in (d.get("upcoming_verbs") or []) if x]
        self.upcoming_verb = re.compile(r"(?<![\w])(?:" + _alt(verbs) + r")(?![\w])", re.I) if verbs else None
        self.upcoming = re.compile(r"(?<![\w])(?:" + "|".join(upc) + r")(?![\w])", re.I) if upc else None
        # times of day around a weekday: "Monday evening", "lundi soir", "Montagabend", "in the early hours of Tuesday"
        dp_before = [str(x) for x in (d.get("day_parts_before") or []) if x]
        dp_after = [str(x) for x in (d.get("day_parts_after") or []) if x]
        dp_comp = [str(x) for x in (d.get("weekday_compounds") or []) if x]
        DPB = (r"(?:(?:" + "|".join(dp_before) + r")\s+)?") if dp_before else ""
        DPA = (r"(?:\s+(?:" + "|".join(dp_after) + r"))?") if dp_after else ""
        DPC = (r"(?:" + "|".join(dp_comp) + r")?") if dp_comp else ""
        self.weekday = re.compile(B + DPB + PRE + LB + NB + r"(?P<wd>" + _alt(full_wds) + r")" + DPC + r"(?:" + poss + r")?" + LA + NA + DPA + E, cs) if full_wds else None
        self.weekday_starts = _starts(pre_words, last_b, next_b, full_wds, fragments=dp_before)
        rel = d.get("relative_days") or {}
        self.rel_map = {" ".join(k.lower().replace("’", "'").split()): int(v) for k, v in rel.items()}
        self.relday = re.compile(B + r"(?P<rel>" + _alt(rel) + r")" + E, re.I) if rel else None
        per = d.get("relative_periods") or {}
        self.per_map = {" ".join(k.lower().replace("’", "'").split()): (str(v[0]), int(v[1])) for k, v in per.items()}
        self.relperiod = re.compile(B + r"(?P<per>" + _alt(per) + r")" + E, re.I) if per else None
        # one probe for both (they are rare): a relative day or period needs one of its phrases
        self.rel_probe = langdata.phrase_probe(list(rel) + list(per))
        self.numeric_order = d.get("numeric_order") or "dmy"
        self.short_dotted = bool(d.get("short_dotted"))
        """Whether a day and month written "28.8." (no year) are a date: German news writes
        "am Sonntag (28.9.)"; where a decimal point is a dot, "28.8." ends a sentence on a figure."""


def _starts(*phrase_lists: list[str], fragments: list[str] | None = None) -> re.Pattern[str] | None:
    """Where a match of a date pattern may start, for ``langdata.finditer_at``: no word character
    before, then one of the phrases (or regular expressions) the pattern can open with; None when
    the lowered text cannot be searched exactly."""
    phrases = [str(p) for ps in phrase_lists for p in ps]
    if any(langdata.caseless(p) is None for p in phrases):
        return None
    alts = [_alt(phrases)]
    if fragments:
        if langdata.lowered_regex("|".join(fragments)) is None:
            return None
        alts.extend(fragments)
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")")


@lru_cache(maxsize=None)
def patterns(code: str) -> _DatePatterns:
    return _DatePatterns(langdata.get(code))


def _month(lg: langdata.Lang, word: str | None) -> int | None:
    if not word:
        return None
    return lg.months.get(word.lower().rstrip("."))


def _wd(lg: langdata.Lang, word: str | None) -> int | None:
    if not word:
        return None
    return lg.weekdays.get(word.lower().rstrip("."))


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is None or not 1 <= m <= 12:
        return False
    if d is None:
        return True
    if not 1 <= d <= 31:
        return False
    if y is not None:
        return d <= calendar.monthrange(y, m)[1]
    return d <= (29 if m == 2 else calendar.monthrange(2001, m)[1])


def _cap_ok(lg: langdata.Lang, word: str) -> bool:
    return not lg.capitalized or word[:1].isupper()


def find_dates(text: str, code: str, extra_codes: tuple[str, ...] = ()) -> list[DateCand]:
    """All date candidates in ``text`` (a sentence), non-overlapping, longest first."""
    cands: list[DateCand] = []
    has_digit = _DIGIT_RE.search(text) is not None
    has_year = has_digit and _YEARISH_RE.search(text) is not None
    for m in (_ISO_RE.finditer(text) if has_year else ()):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if _valid(y, mo, d):
            cands.append(DateCand(m.start(), m.end(), "full", y, mo, d, note="iso"))
    for m in (_NUM_RE.finditer(text) if has_year else ()):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        order = patterns(code).numeric_order if code else "dmy"
        note = ""
        if a <= 12 and b <= 12 and a != b:
            note = f"ambiguous numeric date read as {'month/day' if order == 'mdy' else 'day/month'} ({code or 'default'} convention)"
        if order == "mdy" and a <= 12:
            mo, d = a, b
        elif b <= 12:
            d, mo = a, b
        else:
            mo, d = a, b
        if _valid(y, mo, d):
            cands.append(DateCand(m.start(), m.end(), "full", y, mo, d, note=note or "numeric"))
    if has_digit and code and patterns(code).short_dotted:
        for m in _SHORT_DOTTED_RE.finditer(text):
            mo, d = int(m["m"]), int(m["d"])
            if _valid(None, mo, d):
                cands.append(DateCand(m.start(), m.end(), "daymonth", None, mo, d, note="numeric"))
    seen = set()
    lowered = langdata.caseless(text)
    for c in (code,) + tuple(extra_codes):
        if not c or c in seen:
            continue
        seen.add(c)
        _find_lang(text, c, cands, has_digit, has_year, lowered)
    for m in (_YEAR_RE.finditer(text) if has_year else ()):
        cands.append(DateCand(m.start(), m.end(), "year", int(m["y"])))
    cands.extend(_nights_with_day(cands))
    # keep the longest non-overlapping candidates; a weekday alone yields to a date it overlaps
    # ("in the early hours of Tuesday 11 February" is Tuesday 11 February)
    cands.sort(key=lambda c: (c.kind == "weekday", -(c.end - c.start), c.start))
    taken: list[DateCand] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    if len(taken) > 1:
        taken = _weekday_with_day(text, taken, patterns(code) if code else None)
    return taken


_WEEKDAY_DAY_GAP_RE = re.compile(r"\s*[(,]?\s*(?:(?:dem|den|the|le|el|il|dia)\s+)?", re.I)
"""Between a weekday and its day: "Freitag, dem 14. April", "Freitagabend, den 3. Mai", "lundi, le 2"."""


def _nights_with_day(cands: list[DateCand]) -> list[DateCand]:
    """A night named by its weekdays, then the date of its last day ("in der Nacht zum Montag, 12.
    Januar", "dans la nuit de dimanche à lundi 12 janvier": the night of the 11th to the 12th) or
    of its first ("la noche del sábado 14 de marzo": of the 14th to the 15th)."""
    out = []
    for n in cands:
        if n.kind != "night" or n.m is not None or n.wd2 is None:
            continue
        for dm in cands:
            if not (dm.kind == "daymonth" and dm.m and dm.d and n.start <= dm.start < n.end <= dm.end):
                continue
            if dm.wd == n.wd2:
                # the date of the night's last day: "in der Nacht zum Montag, 12. Januar"
                if dm.d > 1:
                    m, d = dm.m, dm.d - 1
                else:  # the night of 31 December to 1 January, or of the last of a month
                    m = 12 if dm.m == 1 else dm.m - 1
                    d = calendar.monthrange(dm.y or 2001, m)[1]
                out.append(DateCand(n.start, dm.end, "night", dm.y, m, d, d2=dm.d, note=dm.note))
            elif dm.wd == n.wd:
                # the date of the evening it begins: "la noche del sábado 14 de marzo"
                last = calendar.monthrange(dm.y or 2001, dm.m)[1]
                out.append(DateCand(n.start, dm.end, "night", dm.y, dm.m, dm.d, d2=dm.d % last + 1, note=dm.note))
    return out


def _weekday_with_day(text: str, cands: list[DateCand], p: "_DatePatterns | None" = None) -> list[DateCand]:
    """A weekday right before a day and month of its own ("am Sonntag (28.9.)", "Sonntag, 28.9.",
    "Freitagabend, dem 14. April")
    states that day's weekday: one candidate, so that a weekday wrong for its day can show."""
    out: list[DateCand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == "weekday" and prev.wd is not None and prev.rel == 0
            and c.kind == "daymonth" and c.wd is None
            and _WEEKDAY_DAY_GAP_RE.fullmatch(text, prev.end, c.start)
        ):
            end = c.end + 1 if text[c.end:c.end + 1] == ")" and "(" in text[prev.end:c.start] else c.end
            # announced before the weekday ("rief für Donnerstag, den 18. Juni, zu einem Streik auf")
            rel = 1 if c.rel == 1 or (p is not None and p.upcoming is not None
                                      and _future_clause(text, prev.start, p.upcoming)) else 0
            out[-1] = DateCand(prev.start, end, "daymonth", None, c.m, c.d, wd=prev.wd, rel=rel, note=c.note)
            continue
        out.append(c)
    return out


def _find_lang(text: str, code: str, out: list[DateCand], has_digit: bool, has_year: bool, lowered: str | None) -> None:
    """Date candidates of language ``code`` in ``text`` (``lowered`` = ``langdata.caseless(text)``)."""
    p = patterns(code)
    lg = p.lg
    if not p.ok:
        return
    has_mon = p.mon_probe.search(text, lowered)
    has_wd = p.wd_probe.search(text, lowered)
    mon_day = has_mon and has_digit
    has_night = (mon_day or has_wd) and p.night_probe is not None and p.night_probe.search(text, lowered)
    for rx in (p.night_dm, p.night_md):
        if rx is None or not mon_day or not has_night:
            continue
        for m in rx.finditer(text):
            mo = _month(lg, m["mon"])
            y = int(m["y"]) if m["y"] else None
            d1, d2 = int(m["d"]), int(m["d2"])
            if _valid(y, mo, d1) and 1 <= d2 <= 31:
                out.append(DateCand(m.start(), m.end(), "night", y, mo, d1, d2=d2))
    if p.night_wd is not None and has_wd and has_night:
        for m in p.night_wd.finditer(text):
            out.append(DateCand(m.start(), m.end(), "night", wd=_wd(lg, m["wd"]), wd2=_wd(lg, m["wd2"]), rel=_upcoming(p, text, m)))
        ends: set[tuple[int, int]] = set()
        if p.night_to is not None:
            for m in p.night_to.finditer(text):
                wd2 = _wd(lg, m["wd"])
                if wd2 is not None:
                    ends.add((m.start(), m.end()))
                    out.append(DateCand(m.start(), m.end(), "night", wd=(wd2 - 1) % 7, wd2=wd2, rel=_upcoming(p, text, m)))
        for m in p.night_wd1.finditer(text):
            wd = _wd(lg, m["wd"])
            if wd is not None and (m.start(), m.end()) not in ends:
                out.append(DateCand(m.start(), m.end(), "night", wd=wd, wd2=(wd + 1) % 7, rel=_upcoming(p, text, m)))
    for rx in ((p.range_dm, p.range_md) if mon_day else ()):
        for m in rx.finditer(text):
            if not _cap_ok(lg, m["mon"]):
                continue
            mo = _month(lg, m["mon"])
            y = int(m["y"]) if m["y"] else None
            d1, d2 = int(m["d"]), int(m["d2"])
            if _valid(y, mo, d1) and _valid(y, mo, d2) and d2 > d1:
                out.append(DateCand(m.start(), m.end(), "range", y, mo, d1, d2=d2))
    for rx in ((p.full_dmy, p.full_mdy) if mon_day else ()):
        for m in rx.finditer(text):
            mon = m["mon"]
            if not _cap_ok(lg, mon):
                continue
            mo = _month(lg, mon)
            y = int(m["y"]) if m["y"] else None
            d = int(m["d"])
            if not _valid(y, mo, d):
                continue
            wd = _wd(lg, m["wd"]) if m["wd"] else None
            if m["wd"] and not _cap_ok(lg, m["wd"]):
                continue
            rel = 0
            if not y and p.upcoming is not None and _future_clause(text, m.start(), p.upcoming):
                rel = 1  # "the next meeting is scheduled for June 5": an upcoming day, not last year's
            out.append(DateCand(m.start(), m.end(), "full" if y else "daymonth", y, mo, d, wd=wd, rel=rel))
    if p.part_month is not None:
        for m in (p.part_month.finditer(text) if has_mon else ()):
            mo = _month(lg, m["mon"])
            if mo is None or not _cap_ok(lg, m["mon"]):
                continue
            part = p.part_map.get(" ".join(m["part"].lower().split()).rstrip("-"))
            y = int(m["y"]) if m["y"] else None
            out.append(DateCand(m.start(), m.end(), "monthpart", y, mo, part=part))
        for m in (p.part_year.finditer(text) if has_year else ()):
            part = p.part_map.get(" ".join(m["part"].lower().split()).rstrip("-"))
            out.append(DateCand(m.start(), m.end(), "yearpart", int(m["y"]), part=part))
    for m in (p.month_year.finditer(text) if has_mon and has_year else ()):
        if not _cap_ok(lg, m["mon"]):
            continue
        out.append(DateCand(m.start(), m.end(), "month", int(m["y"]), _month(lg, m["mon"])))
    for m in (langdata.finditer_at(p.month_alone, text, p.month_alone_starts, lowered) if has_mon else ()):
        word = m["mon"]
        if not _cap_ok(lg, word):
            continue
        low = word.lower()
        gd = m.groupdict()
        has_ctx = bool(m["pre"] or gd.get("lb") or gd.get("nb") or gd.get("la") or gd.get("na"))
        if low in lg.ambiguous_months and (not has_ctx or low in lg.number_words):
            continue  # "Le bilan est de sept morts": a month name that is a number is a number alone
        if lg.capitalized is False and not has_ctx and len(low) <= 4:
            continue
        rel = -1 if (gd.get("lb") or gd.get("la")) else (1 if (gd.get("nb") or gd.get("na")) else 0)
        s = m.start("mon") if m["pre"] and m["pre"].strip().lower() not in ("in", "en", "im", "em") else m.start()
        out.append(DateCand(s, m.end(), "month", None, _month(lg, word), rel=rel))
    if p.weekday is not None and has_wd:
        for m in langdata.finditer_at(p.weekday, text, p.weekday_starts, lowered):
            if not _cap_ok(lg, m["wd"]):
                continue
            gd = m.groupdict()
            rel = -1 if (gd.get("lb") or gd.get("la")) else (1 if (gd.get("nb") or gd.get("na")) else 0)
            if rel == 0:
                rel = _upcoming(p, text, m)
            out.append(DateCand(m.start(), m.end(), "weekday", wd=_wd(lg, m["wd"]), rel=rel))
    has_rel = p.rel_probe.search(text, lowered)
    if p.relday is not None and has_rel:
        for m in p.relday.finditer(text):
            key = " ".join(m["rel"].lower().replace("’", "'").split())
            if key in p.rel_map:
                out.append(DateCand(m.start(), m.end(), "relday", offset=p.rel_map[key], note=m["rel"]))
    if p.relperiod is not None and has_rel:
        for m in p.relperiod.finditer(text):
            key = " ".join(m["per"].lower().replace("’", "'").split())
            if key in p.per_map:
                unit, off = p.per_map[key]
                out.append(DateCand(m.start(), m.end(), "relperiod", unit=unit, offset=off))


# ---------------------------------------------------------------- reference and resolution

@dataclass
class Reference:
    day: dt.date | None = None
    day_stated: bool = False
    """The day is a date the article states (it reports on it, so it is written then or later),
    not its publication day."""
    day_basis: str = ""
    day_label: str = ""
    year: int | None = None
    month: int | None = None
    year_basis: str = ""
    today: dt.date = dt.date.today()


def parse_published(published: str | None) -> tuple[int | None, int | None, int | None]:
    if not published or not isinstance(published, str):
        return None, None, None
    m = _PUB_RE.match(published)
    if not m:
        return None, None, None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        return y, None, None
    if d is not None and not _valid(y, mo, d):
        return y, mo, None
    return y, mo, d


def build_reference(
    published: str | None, all_cands: list[tuple[str, DateCand]], today: dt.date | None = None,
    stamps: list[tuple[str, DateCand]] = (),  # type: ignore[assignment]
    heads: list[tuple[str, DateCand]] = (),  # type: ignore[assignment]
) -> Reference:
    """The article's reference date from the publication date or dates stated in the text.

    ``stamps`` are the full dates of the page's publication lines ("Mercoledì 10 Giugno 2026 -
    07:15"): the latest of them is the day the article was written. Without one, the latest full
    date the article states stands in for it (a date announced for later, "chiuderà entro il 31
    marzo 2027", would make it too late, which a publication line avoids). A date of a publication
    line or of the page's header (``heads``: short lines above the first paragraph) is the day the
    article was written; any other stated date may be the day of what it reports."""
    ref = Reference(today=today or dt.date.today())
    y, mo, d = parse_published(published)
    if y and mo and d:
        ref.day = dt.date(y, mo, d)
        ref.day_basis = f"publication {ref.day.isoformat()}"
        ref.day_label = "publication"
        ref.year, ref.month = y, mo
        ref.year_basis = f"publication {ref.day.isoformat()}"
        return ref
    if y:
        ref.year, ref.month = y, mo
        ref.year_basis = f"publication {published.strip()[:7]}"
    # (2) explicit full dates stated in the article (those of its publication lines first)
    fulls = []
    stamped = any(c.kind == "full" for _, c in stamps)
    for text, c in stamps if stamped else all_cands:
        if c.kind == "full" and c.y and c.m and c.d and c.y <= ref.today.year + 1:
            fulls.append((dt.date(c.y, c.m, c.d), text))
    if fulls:
        if ref.year:
            same = [f for f in fulls if f[0].year == ref.year and (ref.month is None or f[0].month == ref.month)]
            fulls = same or fulls
        day, label = max(fulls)
        # a publication line tells the day the article was written, like a publication date; any
        # other date it states may be the day of what it reports, written days later
        head_days = {dt.date(c.y, c.m, c.d) for _, c in heads if c.kind == "full" and c.y and c.m and c.d}
        ref.day, ref.day_stated = day, not (stamped or day in head_days)
        ref.day_label = f"{label} ({day.isoformat()}) stated in the article"
        ref.day_basis = f"relative to {ref.day_label}"
        if not ref.year:
            ref.year, ref.month = day.year, day.month
            ref.year_basis = f"year from {ref.day_label}"
        return ref
    # (3) weekday + day + month phrases that fit one recent year
    fits = []
    for text, c in all_cands:
        if c.kind == "daymonth" and c.wd is not None and c.m and c.d:
            yy = _fit_year(c.wd, c.m, c.d, ref.year, ref.today)
            if yy:
                fits.append((dt.date(yy, c.m, c.d), text))
    if fits:
        day, label = max(fits)
        ref.day, ref.day_stated = day, True
        how = f"publication year {ref.year}" if ref.year else f"latest such year not after {ref.today.year}"
        ref.day_label = f"{label} ({day.isoformat()}) stated in the article"
        ref.day_basis = f"relative to {ref.day_label}; weekday fits {day.year} ({how})"
        if not ref.year:
            ref.year, ref.month = day.year, day.month
            ref.year_basis = f"year from {label} ({day.isoformat()}): weekday fits {day.year}, {how}"
    return ref


def _fit_year(wd: int, m: int, d: int, year: int | None, today: dt.date) -> int | None:
    if year:
        for yy in (year, year - 1):
            if _valid(yy, m, d) and dt.date(yy, m, d).weekday() == wd:
                return yy
        return None
    for yy in range(today.year, today.year - 40, -1):
        if _valid(yy, m, d) and dt.date(yy, m, d).weekday() == wd and dt.date(yy, m, d) <= today + dt.timedelta(days=366):
            return yy
    return None


def _month_slip_of_past(ref_day: dt.date, m: int, d: int) -> bool:
    """Day ``d`` of the month before ``m`` (this year) is on or before ``ref_day``: "mardi 11 mars"
    in an article of 12 February may well be 11 February with the wrong month (in February and
    March the weekdays fall alike), not a day announced a month ahead."""
    y, pm = (ref_day.year, m - 1) if m > 1 else (ref_day.year - 1, 12)
    return _valid(y, pm, d) and dt.date(y, pm, d) <= ref_day


def _year_for(m: int, d: int | None, ref: Reference, upcoming: bool = False) -> tuple[int | None, str]:
    """Year of an undated day/month from the reference, previous year when it would be later
    (unless the clause announces it: ``upcoming``)."""
    if ref.day is not None:
        y = ref.day.year
        later = (m, d or 1) > (ref.day.month, ref.day.day)
        if later and upcoming:
            return y, f"year from {ref.day_basis.replace('relative to ', '')}; announced as upcoming"
        if later:
            return y - 1, f"year from {ref.day_basis.replace('relative to ', '')}; after it, so previous year"
        return y, f"year from {ref.day_basis.replace('relative to ', '')}"
    if ref.year is not None:
        if ref.month is not None and m > ref.month:
            return ref.year - 1, f"{ref.year_basis}; month after it, so previous year"
        return ref.year, f"year from {ref.year_basis}"
    return None, ""


def _iso(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def resolve(c: DateCand, ref: Reference, lg_names: dict[int, str] | None = None) -> tuple[str | None, str, str]:
    """(resolved, granularity, basis) for one candidate."""
    try:
        return _resolve(c, ref)
    except (ValueError, OverflowError):
        return None, "day", "could not resolve"


_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WD_LOWER = [n.lower() for n in WEEKDAY_NAMES]


def weekday_key(c: DateCand) -> str:
    """The key of a weekday no reference day resolves: ``friday``, or ``saturday/sunday`` for a night
    ("la nuit de samedi à dimanche", "la nuit de samedi": that evening and the next day)."""
    assert c.wd is not None
    if c.kind != "night":
        return WEEKDAY_NAMES[c.wd].lower()
    wd2 = c.wd2 if c.wd2 is not None and c.wd2 != c.wd else (c.wd + 1) % 7
    return f"{WEEKDAY_NAMES[c.wd].lower()}/{WEEKDAY_NAMES[wd2].lower()}"


def parse_weekday_key(key: str | None) -> tuple[tuple[int, ...], bool] | None:
    """``(weekdays, night)`` of a key made by ``weekday_key`` (Monday is 0), None for anything else."""
    if not key:
        return None
    names = key.split("/")
    if len(names) > 2:
        return None
    try:
        days = tuple(_WD_LOWER.index(n) for n in names)
    except ValueError:
        return None
    return days, len(days) == 2


def _resolve(c: DateCand, ref: Reference) -> tuple[str | None, str, str]:
    k = c.kind
    if k == "full":
        basis = "explicit date" + (f" ({c.note})" if c.note and c.note not in ("iso", "numeric") else "")
        if c.wd is not None and dt.date(c.y, c.m, c.d).weekday() != c.wd:
            basis += f"; stated weekday {WEEKDAY_NAMES[c.wd]} does not match"
        return _iso(c.y, c.m, c.d), "day", basis
    if k == "daymonth":
        y, basis = _year_for(c.m, c.d, ref, upcoming=c.rel == 1)
        if y is None and c.wd is not None:
            y = _fit_year(c.wd, c.m, c.d, None, ref.today)
            if y:
                return _iso(y, c.m, c.d), "day", f"weekday {WEEKDAY_NAMES[c.wd]} fits {calendar.month_name[c.m]} {c.d} in {y} (latest such year not after {ref.today.year})"
        if y is None:
            return None, "day", "no year: no publication date or dated reference in the article"
        if c.wd is not None and _valid(y, c.m, c.d) and dt.date(y, c.m, c.d).weekday() != c.wd:
            y2 = _fit_year(c.wd, c.m, c.d, y, ref.today)
            if ref.day is not None and y < ref.day.year and _valid(ref.day.year, c.m, c.d) and (
                    dt.date(ref.day.year, c.m, c.d).weekday() == c.wd) and not _month_slip_of_past(ref.day, c.m, c.d):
                # "dimanche 5 juillet" in an article of May: the weekday fits this year's day ahead
                y2 = ref.day.year
            # a year more than one back from a known day is no fit: "Freitag, dem 14. April" in an
            # article of 15 March 2025 is a slip for Friday 14 March, not a day of 2023
            if y2 and not (ref.day is not None and dt.date(y2, c.m, c.d) < ref.day - dt.timedelta(days=366)):
                return _iso(y2, c.m, c.d), "day", f"weekday {WEEKDAY_NAMES[c.wd]} fits {y2}"
            basis += f"; stated weekday {WEEKDAY_NAMES[c.wd]} does not match"
        if not _valid(y, c.m, c.d):
            return None, "day", "invalid day for that year"
        return _iso(y, c.m, c.d), "day", basis
    if k in ("night", "range"):
        gran = k
        if c.m is None and c.wd is not None:
            if ref.day is None:
                return None, gran, "weekdays need a reference day; none known"
            d1 = _weekday_after(ref.day, c.wd) if c.rel == 2 else _weekday_before(ref.day, c.wd, 0)
            d2 = d1 + dt.timedelta(days=((c.wd2 if c.wd2 is not None else c.wd) - c.wd) % 7 or 1)
            if c.rel != 2 and d2 > ref.day:
                # a night told in the past ends by the day of the article: "in de nacht van maandag
                # op dinsdag" in an article of Monday is the week before
                d1, d2 = d1 - dt.timedelta(days=7), d2 - dt.timedelta(days=7)
            side = "on or after" if c.rel == 2 else "on or before"
            return f"{d1.isoformat()}/{d2.isoformat()}", gran, f"weekdays {side} {ref.day_basis.replace('relative to ', '')}"
        y, basis = (c.y, "explicit date") if c.y else _year_for(c.m, c.d, ref)
        if y is None:
            return None, gran, "no year: no publication date or dated reference in the article"
        start = dt.date(y, c.m, c.d)
        d2 = c.d2 or c.d
        if d2 >= c.d:
            end = dt.date(y, c.m, min(d2, calendar.monthrange(y, c.m)[1]))
        else:  # "nuit du 31 janvier au 1er février"
            ny, nm = (y + 1, 1) if c.m == 12 else (y, c.m + 1)
            end = dt.date(ny, nm, min(d2, calendar.monthrange(ny, nm)[1]))
        return f"{start.isoformat()}/{end.isoformat()}", gran, basis
    if k == "monthpart":
        y, basis = (c.y, "explicit year") if c.y else _year_for(c.m, None, ref)
        if y is None:
            return None, "month_part", "no year: no publication date or dated reference in the article"
        a, b = _PART_DAYS.get(c.part or "mid", (1, 31))
        b = min(b, calendar.monthrange(y, c.m)[1])
        return f"{_iso(y, c.m, a)}/{_iso(y, c.m, b)}", "month_part", f"{c.part} of month (days {a}-{b}); {basis}"
    if k == "yearpart":
        a, b = _PART_MONTHS.get(c.part or "mid", (1, 12))
        return f"{c.y:04d}-{a:02d}/{c.y:04d}-{b:02d}", "year_part", f"{c.part} of year (months {a}-{b}); explicit year"
    if k == "month":
        if c.y:
            return f"{c.y:04d}-{c.m:02d}", "month", "explicit month and year"
        if ref.day is not None:
            ry, rm = ref.day.year, ref.day.month
            src = ref.day_basis.replace("relative to ", "")
        elif ref.year is not None:
            ry, rm = ref.year, ref.month or 12
            src = ref.year_basis
        else:
            return None, "month", "no year: no publication date or dated reference in the article"
        if c.rel > 0:
            y = ry if c.m > rm else ry + 1
            return f"{y:04d}-{c.m:02d}", "month", f"next such month after {src}"
        if c.rel < 0:
            y = ry if c.m < rm else ry - 1
            return f"{y:04d}-{c.m:02d}", "month", f"last such month before {src}"
        if c.m > rm:
            return f"{ry - 1:04d}-{c.m:02d}", "month", f"year from {src}; month after it, so previous year"
        return f"{ry:04d}-{c.m:02d}", "month", f"year from {src}"
    if k == "year":
        return f"{c.y:04d}", "year", "explicit year"
    if k == "weekday":
        if ref.day is None:
            why = f"publication {ref.year_basis.replace('publication ', '')} gives no day" if ref.year else "no publication date or dated reference in the article"
            return None, "weekday", f"weekday needs a reference day: {why}"
        src = ref.day_basis.replace("relative to ", "")
        if c.rel < 0:
            d = _weekday_before(ref.day, c.wd, 1)
            return d.isoformat(), "day", f"last {WEEKDAY_NAMES[c.wd]} strictly before {src}"
        if c.rel == 2:
            d = _weekday_after(ref.day, c.wd)
            same = " (same weekday: that day)" if d == ref.day else ""
            return d.isoformat(), "day", f"weekday on or after {src}, announced in its clause{same}"
        if c.rel > 0:
            delta = (c.wd - ref.day.weekday()) % 7 or 7
            d = ref.day + dt.timedelta(days=delta)
            return d.isoformat(), "day", f"next {WEEKDAY_NAMES[c.wd]} after {src}"
        d = _weekday_before(ref.day, c.wd, 0)
        if ref.day_stated and (ref.day - d).days > STATED_DAY_BEFORE:
            # a day the article reports on, not the day it was written: "on Wednesday morning"
            # after a landfall on Tuesday 11 February is the 12th, not the 5th
            d += dt.timedelta(days=7)
            return d.isoformat(), "day", f"weekday nearest to {src}"
        same = " (same weekday: that day)" if d == ref.day else ""
        return d.isoformat(), "day", f"weekday on or before {src}{same}"
    if k == "relday":
        if ref.day is not None:
            d = ref.day + dt.timedelta(days=c.offset)
            return d.isoformat(), "day", f"{c.note.lower()}: {c.offset:+d} day(s) from {ref.day_basis.replace('relative to ', '')}"
        if ref.year and ref.month:
            return f"{ref.year:04d}-{ref.month:02d}", "month", f"{ref.year_basis}: month only, day unknown"
        return None, "day", "relative day with no publication date or dated reference"
    if k == "relperiod":
        base = ref.day
        if base is None and ref.year:
            base = dt.date(ref.year, ref.month or 6, 15)
            if c.unit == "week" or (c.unit == "month" and not ref.month):
                return None, c.unit or "range", f"{ref.year_basis}: no reference day"
        if base is None:
            return None, c.unit or "range", "relative period with no publication date or dated reference"
        src = ref.day_basis.replace("relative to ", "") if ref.day else ref.year_basis
        if c.unit == "year":
            return f"{base.year + c.offset:04d}", "year", f"{c.offset:+d} year from {src}"
        if c.unit == "month":
            mi = base.year * 12 + base.month - 1 + c.offset
            return f"{mi // 12:04d}-{mi % 12 + 1:02d}", "month", f"{c.offset:+d} month from {src}"
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=c.offset)
        return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}", "range", f"{c.offset:+d} week (Monday-Sunday) from {src}"
    return None, "day", "unknown expression"


def _weekday_after(day: dt.date, wd: int) -> dt.date:
    return day + dt.timedelta(days=(wd - day.weekday()) % 7)


STATED_DAY_BEFORE = 3
"""A weekday more than this many days before a reference day the article states (not its
publication) is taken as the next such day: the article may be written days after that date."""


def _weekday_before(day: dt.date, wd: int, strict: int) -> dt.date:
    delta = (day.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return day - dt.timedelta(days=delta)


def resolve_quoted_today(c: DateCand, anchor_iso: str, anchor_text: str) -> tuple[str, str, str]:
    d = dt.date.fromisoformat(anchor_iso) + dt.timedelta(days=c.offset)
    return d.isoformat(), "day", f"quoted {c.note.lower()!r} taken as the day of the statement ({anchor_text}, {anchor_iso})"
