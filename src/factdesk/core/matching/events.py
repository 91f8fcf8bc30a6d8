"""Events: claims and articles grouped by when and where something happened.

Rule (also in the package docstring):

1. In each article, the claims' own day-level dates (days, nights, short ranges; not months or
   years) are clustered: dates at most ``EVENT_GAP_DAYS`` apart fall in one *seed*. A day stated
   with a weekday that is not its own but that of the same day of a month next to it, near the
   article's day, is clustered on that day ("domingo, 3 de junho" in an article of May 2026). A seed keeps
   its date range, the places and actors named by its claims, and its claims.
2. The article's *main seed* is the one in the publication month (when known), else the one
   with the most claims, then the latest. Claims with no date of their own belong to it: an
   article is mostly about one happening, and articles often carry no publication date, so the
   dates in its claims stand in for it. An article with no seed at all gives its undated claims a
   loose range instead (publication date, or from the latest date it mentions to a year after;
   recalled happenings with a toll of their own below the lede do not count).
3. Seeds are merged across articles, in import order, into events: a seed joins an existing event
   when their date ranges are at most ``EVENT_GAP_DAYS`` apart and they share a place or an actor
   (or one of them names none; a name read as a place in one language and as an actor in another
   counts). Otherwise it founds a new event. An actor the article names in two
   claims or more counts for all its seeds, and one actor named more or less fully
   ("Maschinenbauer Brennwald" / "Brennwald") counts as shared. A seed that shares a town or an
   actor with two events founded in the same run merges them: two articles that told one
   happening without a name in common, and a third that names what each of them names. A seed
   naming nothing the event names joins it by names its article shares with the event: two that
   are not countries, with a kind of happening the seed or its article tells, else three.
4. A claim dated only by month joins the one event of that month that shares a place with it.
5. An article may be misdated by a month ("am 18. Oktober" for the verdict of 18 November). When
   its main seed lies ``SLIP_MIN_DAYS`` or more before the day the article was written (its
   publication date, else a full date its header states), it dates nothing near that day, and the
   same days one month later fall within ``SLIP_REACH_DAYS`` before it, the seed joins the one event
   on those later days that tells the same kind of happening and shares ``ARTICLE_SHARED_NAMES``
   names with the article (one more when the kind is not told). Its claims keep their dates, so
   the wrong month shows as a date contradiction. Such articles are placed after the rest of
   their batch, whatever the import order.
6. An article with no dated happening (an undated web page, a story that only says "on Sunday")
   joins the one event with which it shares at least ``UNDATED_SHARED_NAMES`` names (places,
   actors) that no other event carries, when the event is not older than the latest date the
   article mentions (or, with a publication date, lies around it). Its undated claims belong to
   that event. Such articles are placed again after each article is added, so import order does
   not matter within one batch.
7. Event id = hash of the founding seed's earliest date and main place, so recomputing the same
   workspace gives the same ids.

Two claims in events further apart than ``EVENT_GAP_DAYS`` are never compared as counts of the
same thing: the February 2021 toll is never set against the June 2021 or February 2024 one.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date
from itertools import chain

from factdesk.core.matching.compare import EVENT_GAP_DAYS
from factdesk.core.matching.features import Features, day_ordinal
from factdesk.core.matching.lexicon import lexicon
from factdesk.core.extract import langdata
from factdesk.core.extract.names import is_media
from factdesk.core.extract.names import aliases
from factdesk.core.models import Event, stable_hash

_DAY_GRANULARITIES = {"day", "night", "night-range", "range", "weekday", "relative"}


def _top(counter, n: int) -> list[tuple[str, int]]:
    """``Counter.most_common`` with ties broken by the key, so ids never depend on hash order."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def _day_level(d) -> bool:  # noqa: ANN001 - DateRange
    return d.hi - d.lo <= 3 and (d.granularity in _DAY_GRANULARITIES or d.granularity is None or d.hi - d.lo <= 2)


@dataclass(slots=True)
class Seed:
    lo: int
    hi: int
    claim_ids: list[str] = field(default_factory=list)
    places: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    topics: Counter = field(default_factory=Counter)


@dataclass(slots=True)
class EventState:
    """An event while it is being built (or loaded back for an incremental update)."""

    id: str
    lo: int
    hi: int
    places: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    topics: Counter = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    article_ids: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    touched: bool = False
    new: bool = False
    """Founded in this run (not loaded from the store)."""
    mentioned: set[str] = field(default_factory=set)
    """Places and actors named anywhere in the articles whose main happening this is (this run only)."""

    def to_event(self) -> Event:
        # a country named as a noun and as an adjective ("Germany", "German") is one place, shown
        # by its usual name whatever the articles' languages ("Alemania", "allemande" → Germany)
        places = list(dict.fromkeys(_place_name(p, self.names) for p, _ in _top(self.places, 8)))[:6]
        actors = [a for a, _ in _top(self.actors, 6)]
        start, end = _iso(self.lo), _iso(self.hi)
        shown_places = places[:3]
        topic = next((t for t, _ in _top(self.topics, 1)), "")
        when = start if start == end else f"{start}/{end}"
        label = " · ".join(x for x in (topic.replace("_", " "), ", ".join(shown_places), when) if x)
        return Event(
            id=self.id,
            label=label,
            date_start=start,
            date_end=end,
            places=places,
            actors=[self.names.get(a, a) for a in actors],
            article_ids=list(dict.fromkeys(self.article_ids)),
            claim_ids=list(dict.fromkeys(self.claim_ids)),
        )


def _place_name(key: str, names: dict[str, str]) -> str:
    """How a place key is shown: the alias table's name for a known place, else as written."""
    bare = key.lstrip("~")
    shown = aliases().display.get(bare) or names.get(key) or names.get(bare)
    if shown:
        return shown
    # a region of the vocabulary ("europe", "middle_east") has a key, not a written name
    return bare.replace("_", " ").title() if bare.islower() else bare


def _claim_places_actors(f: Features) -> tuple[set[str], set[str]]:
    """The places and the named actors of a claim, computed once per claim (callers never change them)."""
    try:
        return f.memo["event_names"]
    except KeyError:
        pass
    places = set(f.places)
    actors = {k for k, kind in f.entities.items() if kind in ("person", "org", "group") and not _anyones(k)}
    got = f.memo["event_names"] = (places, actors)
    return got


_AFTERMATH_TOPICS = frozenset({"killed", "wounded", "missing", "rescue", "survivors", "medical_care", "investigation", "damage"})
"""Topics of the aftermath of any deadly happening (tolls, rescues, inquiries): they tell no kind
of happening (a flood, a crash, a strike) from another."""


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Place keys of countries: those a nationality adjective of some language names."""
    return frozenset(key for lg in langdata.all_langs() for key in lg.nationalities.values())


def _localities(places: Counter) -> bool:
    """Whether ``places`` names a place finer than a country (a town, a region, a river)."""
    countries = _countries()
    return any(p.lstrip("~") not in countries for p in places)


def _same_actor(a: str, b: str) -> bool:
    ta, tb = set(a.split()), set(b.split())
    return a != b and bool(ta) and bool(tb) and (ta <= tb or tb <= ta) and max(len(t) for t in ta & tb) >= 4


def _recurring_actors(feats: list[Features]) -> set[str]:
    """Named actors (a company, a person, an organisation) an article names in two claims or more:
    what the article is about, shared by all its happenings."""
    # each claim's names once, counted in one pass
    kinds = ("person", "org", "group", "unknown")
    named = ({k for k, kind in f.entities.items() if kind in kinds} for f in feats if f.entities)
    seen = Counter(chain.from_iterable(named))
    return {k for k, n in seen.items() if n >= 2 and not _anyones(k)}


def _kinds_of(topics: Counter) -> bool:
    """Whether ``topics`` name a kind of happening, beyond the aftermath of any (tolls, rescues)."""
    return any(t not in _AFTERMATH_TOPICS for t in topics)


def _anyones(key: str) -> bool:
    """A ministry named by its portfolio ("ministry:health") or a news agency: they belong to no one
    story (every country has a health ministry, and an agency reports on everything)."""
    return key.startswith("ministry:") or is_media(key)


def _topics(f: Features) -> list[str]:
    lex = lexicon()
    return [c for c in f.concepts if lex.types.get(c) == "event"]


def _weekday_fit(d, reference: str | None) -> tuple[int, int]:  # noqa: ANN001 - DateRange
    """The days of ``d`` for grouping into events: a day whose stated weekday is not its own but
    that of the same day of a month next to it, near the article's day ("domingo, 3 de junho" in an
    article of May 2026: 3 May was a Sunday), is grouped on that day. Its date is left as stated,
    so the wrong month shows against the other articles' day."""
    if d.stated is None or d.lo != d.hi or reference is None:
        return d.lo, d.hi
    day = date.fromordinal(d.lo)
    if day.weekday() == d.stated:
        return d.lo, d.hi
    from factdesk.core.matching.features import parse_resolved

    ref = parse_resolved(reference[:10])
    if ref is None:
        return d.lo, d.hi
    fits = []
    for year in {date.fromordinal(ref[0]).year, date.fromordinal(ref[1]).year}:
        for month in (day.month - 1, day.month, day.month + 1):
            y, m = (year - 1, 12) if month == 0 else (year + 1, 1) if month == 13 else (year, month)
            try:
                cand = date(y, m, day.day)
            except ValueError:
                continue
            o = cand.toordinal()
            if cand.weekday() == d.stated and ref[0] - WEEKDAY_FIT_DAYS <= o <= ref[1] + 1:
                fits.append(o)
    if len(set(fits)) != 1:
        return d.lo, d.hi
    return fits[0], fits[0]


WEEKDAY_FIT_DAYS = 45
"""How far before the article's day a weekday-fitting day may lie to group a misdated claim there."""


def article_seeds(
    feats: list[Features], published: str | None = None, reference: str | None = None
) -> tuple[list[Seed], Seed | None]:
    """Cluster one article's day-level claim dates into seeds; return (seeds, main seed)."""
    dated: list[tuple[int, int, Features]] = []
    for f in feats:
        for d in f.dates:
            if _day_level(d):
                lo, hi = _weekday_fit(d, reference or published)
                dated.append((lo, hi, f))
    dated.sort(key=lambda t: (t[0], t[1]))
    seeds: list[Seed] = []
    for lo, hi, f in dated:
        if seeds and lo - seeds[-1].hi <= EVENT_GAP_DAYS:
            seed = seeds[-1]
            seed.hi = max(seed.hi, hi)
        else:
            seed = Seed(lo, hi)
            seeds.append(seed)
        if f.claim_id not in seed.claim_ids:
            seed.claim_ids.append(f.claim_id)
            places, actors = _claim_places_actors(f)
            seed.places.update(places)
            seed.actors.update(actors)
            seed.topics.update(_topics(f))
    if not seeds:
        return [], None
    pub_month = (published or "")[:7]
    written = day_ordinal(published or reference)

    def rank(s: Seed) -> tuple[int, int, int, int]:
        # the publication month wins: news is mostly about its own days, and about what has
        # happened rather than what is announced (a strike called for ten days later)
        in_pub = 1 if pub_month and _iso(s.lo)[:7] <= pub_month <= _iso(s.hi)[:7] else 0
        past = 1 if written is None or s.lo <= written else 0
        return (in_pub, len(s.claim_ids), past, s.hi)

    main = max(seeds, key=rank)
    return seeds, main


def _event_id(seed: Seed, names: dict[str, str]) -> str:
    place = next((p for p, _ in _top(seed.places, 1)), "")
    return "e" + stable_hash(_iso(seed.lo), place, length=11)


class EventBuilder:
    """Assign articles' claims to events, one article at a time (import order)."""

    def __init__(self, existing: list[EventState] | None = None) -> None:
        self.events: list[EventState] = list(existing or [])
        self.claim_event: dict[str, str] = {}
        self.loose: dict[str, tuple[int, int]] = {}
        """Claims of articles with no dated happening: a loose time range (see ``_loose_range``)."""
        self.pending: dict[str, tuple[list[Features], tuple[int, int] | None, bool]] = {}
        """Articles with no dated happening (rule 6), with their loose range."""
        self.placed: dict[str, str] = {}
        """Those of them tied to an event by the names they share: article id → event id."""
        self.merged: dict[str, str] = {}
        """Events of this run merged into another one (see ``_bridge``): old id → id kept."""
        self._also: list[EventState] = []
        self.deferred: list[tuple[str, list[Features], str | None, str | None]] = []
        """Articles whose main happening may be misdated by a month, placed by :meth:`finish`."""
        self._finishing = False

    def _find(self, seed: Seed, article_names: set[str] = frozenset(),  # type: ignore[assignment]
              article_topics: set[str] = frozenset()) -> EventState | None:  # type: ignore[assignment]
        best, best_key = None, None
        self._also = []  # other events the seed ties to by a shared town or actor (see _bridge)
        lo, hi = seed.lo, seed.hi
        for ev in self.events:
            # max(0, max(lo, ev.lo) - min(hi, ev.hi)) without the calls: most events are far off
            gap = (lo if lo > ev.lo else ev.lo) - (hi if hi < ev.hi else ev.hi)
            if gap > EVENT_GAP_DAYS:
                continue
            if gap < 0:
                gap = 0
            shared = sum(min(seed.places[p], ev.places[p]) for p in seed.places if p in ev.places)
            shared += sum(min(seed.actors[a], ev.actors[a]) for a in seed.actors if a in ev.actors)
            # a name taken for a place in one language and for an actor in another ("Tarnovie" /
            # "Tarnovia", "Halvan") is still one name
            shared += sum(1 for p in seed.places if p in ev.actors) + sum(1 for a in seed.actors if a in ev.places)
            if not shared:
                # "Maschinenbauer Brennwald" and "Brennwald": one actor named more or less fully, and
                # likewise a place ("Rheinhausen", "Duisburger Stadtteil Rheinhausen")
                shared = sum(1 for a in seed.actors for b in ev.actors if _same_actor(a, b))
                shared += sum(1 for a in seed.places for b in ev.places if _same_actor(a, b))
            if not shared and article_names:
                # the dated sentences name nothing the event names, but the article does: two
                # names or more, neither a country, and the same kind of happening ("The riot
                # began around 9 p.m. on Saturday" in an article on Ouarbe prison in Kassandia), told
                # by the seed or anywhere in its article (the days of a rescue in an article on the
                # explosion of a mine); one name more when no kind of happening is shared
                ev_names = set(ev.places) | set(ev.actors) | ev.mentioned
                common = [k for k in article_names if k in ev_names and k.lstrip("~") not in _countries()]
                kind = any(t in ev.topics for t in (*seed.topics, *article_topics) if t not in _AFTERMATH_TOPICS)
                if len(common) >= (ARTICLE_SHARED_NAMES if kind else ARTICLE_SHARED_NAMES + 1):
                    shared = len(common)
            if shared == 0 and seed.places and ev.places:
                continue
            kinds = any(t in ev.topics for t in seed.topics if t not in _AFTERMATH_TOPICS)
            if shared == 0 and not kinds and _kinds_of(seed.topics) and _kinds_of(ev.topics):
                # nothing named in common and two kinds of happening (an earthquake, a cyberattack):
                # two stories of one day
                continue
            countries = _countries()
            specific = shared and (
                any(p in ev.places and p.lstrip("~") not in countries for p in seed.places)
                or any(a in ev.actors for a in seed.actors)
                or not any(p in ev.places for p in seed.places)
            )
            if shared and not specific and not kinds and _localities(seed.places) and _localities(ev.places):
                # only a country in common, two kinds of happening, each in its own town: a coach
                # crash near Loja with French passengers is not the floods in the Var
                continue
            # a shared town, actor or kind of happening before countries alone
            key = (bool(specific or kinds), shared, -gap)
            if specific and any(a in ev.actors for a in seed.actors) or any(
                    p in ev.places and p.lstrip("~") not in countries for p in seed.places):
                self._also.append(ev)
            if best_key is None or key > best_key:
                best, best_key = ev, key
        return best

    def add_article(
        self, article_id: str, feats: list[Features], published: str | None = None, reference: str | None = None
    ) -> None:
        """Place one article's claims in events.

        ``reference`` is the day (or month) the article was written: its publication date, else a
        full date it states in its header (see rule 5). An article whose main happening may be
        misdated by a month waits until :meth:`finish`, so that the event it belongs to is built
        from the other articles of the batch first."""
        seeds, main = article_seeds(feats, published, reference)
        if _slip_span(seeds, main, reference) is not None and not self._finishing:
            self.deferred.append((article_id, feats, published, reference))
            return
        for f in feats:
            self.loose.pop(f.claim_id, None)
        if article_id in self.pending:
            self._unplace(article_id, self.pending.pop(article_id)[0])
        recurring = _recurring_actors(feats)
        for seed in seeds:
            for a in recurring:
                seed.actors.setdefault(a, 1)
        names: dict[str, str] = {}
        for f in feats:
            names.update(f.entity_names)
        seed_event: dict[int, EventState] = {}
        article_names = self._names(feats) if seeds else set()
        article_topics = {t for f in feats for t in _topics(f)} if seeds else set()
        slipped = self._slipped(seeds, main, reference, article_names)
        for seed in seeds:
            span = (seed.lo, seed.hi)
            if slipped is not None and seed is main:
                ev, span = slipped[0], slipped[1:]
            else:
                ev = self._find(seed, article_names, article_topics)
            if ev is not None and not (slipped is not None and seed is main):
                for other in list(self._also):
                    if other is not ev:
                        ev = self._bridge(ev, other)
            if ev is None:
                ev = EventState(id=_event_id(seed, names), lo=seed.lo, hi=seed.hi, new=True)
                # keep ids unique even when two seeds share a date and place
                taken = {e.id for e in self.events}
                n = 1
                base = ev.id
                while ev.id in taken:
                    ev.id = "e" + stable_hash(base, str(n), length=11)
                    n += 1
                self.events.append(ev)
            ev.lo, ev.hi = min(ev.lo, span[0]), max(ev.hi, span[1])
            ev.places.update(seed.places)
            ev.actors.update(seed.actors)
            ev.topics.update(seed.topics)
            for k, v in names.items():
                ev.names.setdefault(k, v)
            ev.article_ids.append(article_id)
            ev.touched = True
            seed_event[id(seed)] = ev
            for cid in seed.claim_ids:
                if cid not in self.claim_event:
                    self.claim_event[cid] = ev.id
                    ev.claim_ids.append(cid)
        seed_event = {k: self._live(e) for k, e in seed_event.items()}
        main_ev = seed_event.get(id(main)) if main is not None else None
        loose = _loose_range(feats, published) if main_ev is None else None
        if main_ev is not None:
            for f in feats:
                places, actors = _claim_places_actors(f)
                main_ev.mentioned |= places | actors
        if main_ev is None:
            self.pending[article_id] = (feats, loose, bool(published))
        for f in feats:
            if f.claim_id in self.claim_event:
                continue
            own = [d for d in f.dates if d.granularity != "year"]
            if not own and main_ev is not None:
                self.claim_event[f.claim_id] = main_ev.id
                main_ev.claim_ids.append(f.claim_id)
                continue
            if not own and loose is not None:
                self.loose[f.claim_id] = loose
            # month-level (or vaguer) dates: join the one event inside that span sharing a place
            months = [d for d in own if not _day_level(d)]
            if months and f.places:
                places, _ = _claim_places_actors(f)
                # an event inside one of the spans lies inside their hull: test that first
                hull_lo, hull_hi = min(d.lo for d in months), max(d.hi for d in months)
                fits = [
                    ev
                    for ev in self.events
                    if hull_lo <= ev.lo and ev.hi <= hull_hi
                    and any(d.lo <= ev.lo and ev.hi <= d.hi for d in months)
                    and not places.isdisjoint(ev.places)
                ]
                if len(fits) == 1:
                    self.claim_event[f.claim_id] = fits[0].id
                    fits[0].claim_ids.append(f.claim_id)
                    fits[0].article_ids.append(article_id)
                    fits[0].touched = True

        self._place_pending(feats, article_id)

    def finish(self) -> None:
        """Place the articles :meth:`add_article` held back (possibly misdated by a month)."""
        self._finishing = True
        try:
            while self.deferred:
                self.add_article(*self.deferred.pop(0))
        finally:
            self._finishing = False

    def _slipped(
        self, seeds: list[Seed], main: Seed | None, reference: str | None, article_names: set[str]
    ) -> tuple[EventState, int, int] | None:
        """The event an article's main happening belongs to when its month is a slip (rule 5).

        Returns (event, lo, hi) with the day range read one month later, or None. The event must
        lie on that day, tell the same kind of happening and share ``ARTICLE_SHARED_NAMES`` names
        (not countries) with the article (one more when the happening's kind is not told), and be
        the only such event."""
        span = _slip_span(seeds, main, reference)
        if span is None or main is None:
            return None
        lo, hi = span
        topics = {t for t in main.topics if t not in _AFTERMATH_TOPICS}
        countries = _countries()
        names = {k for k in set(main.places) | set(main.actors) | article_names if k.lstrip("~") not in countries}
        fits = []
        for ev in self.events:
            gap = max(lo, ev.lo) - min(hi, ev.hi)
            if gap > 1 or (topics and topics.isdisjoint(ev.topics)):
                continue
            ev_names = set(ev.places) | set(ev.actors) | ev.mentioned
            common = {k for k in names if k in ev_names or any(_same_actor(k, e) for e in ev_names)}
            if len(common) >= (ARTICLE_SHARED_NAMES if topics else ARTICLE_SHARED_NAMES + 1):
                fits.append(ev)
        if len(fits) != 1:
            return None
        return fits[0], lo, hi

    def _bridge(self, ev: EventState, other: EventState) -> EventState:
        """Merge ``other`` into ``ev`` when a seed ties to both by a shared town or actor and both
        were founded in this run (stored events keep their ids and members): two articles told the
        same happening without a name in common, and a third names what each of them names."""
        if not (ev.new and other.new) or other not in self.events or ev not in self.events:
            return ev
        # the earlier event stays; the seed being placed joins it
        keep, gone = (ev, other) if self.events.index(ev) < self.events.index(other) else (other, ev)
        self._bridge_into(keep, gone)
        return keep

    def _live(self, ev: EventState) -> EventState:
        """``ev``, or the event it was merged into."""
        eid = ev.id
        while eid in self.merged:
            eid = self.merged[eid]
        if eid == ev.id:
            return ev
        return next(e for e in self.events if e.id == eid)

    def _bridge_into(self, keep: EventState, gone: EventState) -> None:
        keep.lo, keep.hi = min(keep.lo, gone.lo), max(keep.hi, gone.hi)
        keep.places.update(gone.places)
        keep.actors.update(gone.actors)
        keep.topics.update(gone.topics)
        for k, v in gone.names.items():
            keep.names.setdefault(k, v)
        keep.article_ids.extend(gone.article_ids)
        keep.claim_ids.extend(gone.claim_ids)
        keep.mentioned |= gone.mentioned
        keep.touched = True
        for cid in gone.claim_ids:
            if self.claim_event.get(cid) == gone.id:
                self.claim_event[cid] = keep.id
        for aid, eid in list(self.placed.items()):
            if eid == gone.id:
                self.placed[aid] = keep.id
        self.events.remove(gone)
        self.merged[gone.id] = keep.id

    def _names(self, feats: list[Features]) -> set[str]:
        out: set[str] = set()
        for f in feats:
            places, actors = _claim_places_actors(f)
            out |= places | actors
        return out

    def _place_pending(self, feats: list[Features], article_id: str) -> None:
        """Tie articles with no dated happening to the one event whose names they share (rule 6).

        Re-decided whenever an article naming one of their names is added: a name that seemed
        telling may turn out to be carried by two events."""
        names = self._names(feats)
        for aid, (pfeats, loose, has_pub) in list(self.pending.items()):
            if aid != article_id and not (names & self._names(pfeats)):
                continue
            self._unplace(aid, pfeats)
            ev = self._event_by_names(pfeats, loose, has_pub)
            if ev is None:
                continue
            self.placed[aid] = ev.id
            ev.article_ids.append(aid)
            ev.touched = True
            for f in pfeats:
                if f.claim_id in self.claim_event or any(d.granularity != "year" for d in f.dates):
                    continue
                self.claim_event[f.claim_id] = ev.id
                ev.claim_ids.append(f.claim_id)

    def _unplace(self, aid: str, feats: list[Features]) -> None:
        eid = self.placed.pop(aid, None)
        if eid is None:
            return
        ids = {f.claim_id for f in feats}
        for ev in self.events:
            if ev.id == eid:
                ev.article_ids = [a for a in ev.article_ids if a != aid]
                ev.claim_ids = [c for c in ev.claim_ids if c not in ids]
        for cid in ids:
            if self.claim_event.get(cid) == eid:
                del self.claim_event[cid]

    def _event_by_names(
        self, feats: list[Features], loose: tuple[int, int] | None, has_pub: bool
    ) -> EventState | None:
        places: set[str] = set()
        actors: set[str] = set()
        for f in feats:
            p, a = _claim_places_actors(f)
            places |= p
            actors |= a
        keys = places | actors
        person_kinds = [f.entities for f in feats]
        topics = {t for f in feats for t in _topics(f)}
        if not keys:
            return None
        # a name several events carry (a country, a capital) tells nothing
        carried = Counter(k for ev in self.events for k in set(ev.places) | set(ev.actors) | ev.mentioned)
        scored = []
        for ev in self.events:
            if loose is not None:
                if has_pub and (ev.hi < loose[0] - EVENT_GAP_DAYS or ev.lo > loose[1] + EVENT_GAP_DAYS):
                    continue
                if not has_pub and ev.hi < loose[0]:
                    continue  # news is never older than the dates it mentions
            ev_keys = set(ev.places) | set(ev.actors) | ev.mentioned
            shared = {k for k in keys if k in ev_keys and carried[k] == 1}
            shared |= {a for a in actors for b in ev_keys if carried[b] == 1 and _same_actor(a, b)}
            # one person named in full whom no other event names, in an article on the same kind of
            # happening, is as telling as two names
            person = any(
                " " in k.strip() and any(kinds.get(k) == "person" for kinds in person_kinds) for k in shared
            ) and bool(topics & set(ev.topics))
            if len(shared) >= UNDATED_SHARED_NAMES or person:
                scored.append((len(shared), ev))
        if not scored:
            return None
        scored.sort(key=lambda t: -t[0])
        if len(scored) > 1 and scored[1][0] == scored[0][0]:
            return None
        return scored[0][1]

    def inherited(self) -> dict[str, tuple[int, int]]:
        by_id = {ev.id: ev for ev in self.events}
        out = dict(self.loose)
        out.update({cid: (by_id[eid].lo, by_id[eid].hi) for cid, eid in self.claim_event.items() if eid in by_id})
        return out


SLIP_MIN_DAYS = 20
"""An article's main happening dated this many days or more before the day it was written (and
nothing it dates near that day) may have the wrong month (rule 5)."""
SLIP_REACH_DAYS = 10
"""Read one month later, that happening must fall within this many days before the article's day."""


def _month_later(ordinal: int) -> int | None:
    d = date.fromordinal(ordinal)
    y, m = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
    try:
        return date(y, m, d.day).toordinal()
    except ValueError:
        return None


def _slip_span(seeds: list[Seed], main: Seed | None, reference: str | None) -> tuple[int, int] | None:
    """The main seed's days read one month later, when the article may have slipped a month (rule 5)."""
    if main is None or not reference or main.hi - main.lo > EVENT_GAP_DAYS:
        return None
    from factdesk.core.matching.features import parse_resolved

    parsed = parse_resolved(reference[:10])
    if parsed is None or parsed[1] - parsed[0] > 31:
        return None
    r_lo, r_hi = parsed[0], parsed[1]
    if r_lo - main.hi < SLIP_MIN_DAYS:
        return None
    if any(s.hi >= r_lo - SLIP_REACH_DAYS and s.lo <= r_hi + 1 for s in seeds):
        return None  # it dates something near its own day: the old date is recalled on purpose
    lo, hi = _month_later(main.lo), _month_later(main.hi)
    if lo is None or hi is None or lo < r_lo - SLIP_REACH_DAYS or hi > r_hi + 1:
        return None
    return lo, hi


ARTICLE_SHARED_NAMES = 2
"""Names (not countries) an article shares with an event that tie one of its seeds naming nothing
the event names to it, on the same kind of happening."""
UNDATED_SHARED_NAMES = 2
"""Distinct names (places, actors) no other event carries that tie an undated article to an event."""
LOOSE_DAYS_AFTER = 365
"""An undated article is assumed to lie within this many days after the latest date it mentions."""
LEDE_CLAIMS = 3
"""Claims at the top of an article that tell its news (later ones often recall background)."""


def _loose_range(feats: list[Features], published: str | None) -> tuple[int, int] | None:
    """Time range of an article with no dated happening of its own.

    With a publication date: its span (a month when only the month is known), from 10 days
    before. Without one: from the latest date it mentions (a year, part of a year, a month) to
    ``LOOSE_DAYS_AFTER`` days after it: news rarely dwells on dates long past without naming a
    recent one. Below the lede, a dated claim with a toll of its own ("in June 2017, another fire
    killed 66") recalls another happening; it only shows that the article is later, not when, so
    its date is left out.
    """
    from factdesk.core.matching.features import parse_resolved, tells_happening

    if published:
        parsed = parse_resolved(published[:10])
        if parsed is not None:
            return parsed[0] - 10, parsed[1]
    latest: tuple[int, int] | None = None
    lede = {f.claim_id for f in sorted(feats, key=lambda f: f.ordinal)[:LEDE_CLAIMS]}
    # a toll given without a date is the article's own news: a dated toll beside it is history
    undated_toll = any(any(tells_happening(q) for q in f.quantities) and not f.dates for f in feats)
    for f in feats:
        if (f.claim_id not in lede or undated_toll) and any(tells_happening(q) for q in f.quantities):
            # a dated happening with a toll of its own, further down: history recalled
            continue
        for d in f.dates:
            if latest is None or d.hi > latest[1]:
                latest = (d.lo, d.hi)
    if latest is None:
        return None
    return latest[0], latest[1] + LOOSE_DAYS_AFTER


def state_from_row(row: dict) -> EventState:
    """Rebuild an :class:`EventState` from a stored event (``ws.events()`` row)."""
    lo = date.fromisoformat(row["date_start"]).toordinal()
    hi = date.fromisoformat(row["date_end"] or row["date_start"]).toordinal()
    data = row.get("data") or {}
    places = Counter(data.get("place_keys") or {})
    actors = Counter(data.get("actor_keys") or {})
    topics = Counter(data.get("topics") or {})
    return EventState(id=row["id"], lo=lo, hi=hi, places=places, actors=actors, topics=topics, names=dict(data.get("names") or {}))
