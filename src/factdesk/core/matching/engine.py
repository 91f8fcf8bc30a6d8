"""Compute, store and refresh suggestions for a workspace (blocking through the anchor index)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from operator import itemgetter
from typing import Any

from factdesk.core.matching.anchors import KIND_WEIGHT, MAX_BLOCKING_DF, anchor_kind, claim_anchors, idf, max_df_for
from factdesk.core.matching.compare import STORY_DAYS, PairContext, compare_deferred
from factdesk.core.matching.events import EventBuilder, EventState, state_from_row
from factdesk.core.matching.features import Features, build_features
from factdesk.core.models import Claim, Suggestion

TOP_K = 10
"""Suggestions kept per claim and kind (a pair is kept when it is in either claim's top K)."""
MAX_CANDIDATES = 60
"""Candidates (best by weighted shared anchors) fully scored per claim, other articles."""
MAX_SAME_ARTICLE = 30
"""Candidates from the claim's own article (contradiction checks only)."""

Progress = Callable[[int, int], None] | None

_rank = itemgetter(0, 1)
"""Sort key of a scored pair: best score first, then suggestion id."""

_NUMERIC_KINDS = frozenset({"q", "m", "mo"})


TELLING_COUNT_DF = 12
"""Most claims an unrounded count may be shared by to choose candidates alone (see _telling_count)."""


def _telling_count(anchor: str) -> bool:
    """A count anchor (``q:wounded:58``) of a figure no one rounds to: unlike a round figure, it
    is enough to make two claims candidates ("It said 58 people were injured" / "58 Menschen wurden
    verletzt"), where the words they share are too common to choose candidates in a large workspace."""
    if not anchor.startswith("q:"):
        return False
    try:
        value = float(anchor.rsplit(":", 1)[1])
    except ValueError:
        return False
    return not value.is_integer() or (value >= 10 and value % 5 != 0)
"""Anchor kinds that never make a candidate alone (counts and months)."""


class _IdfCache(dict):
    """Anchor → IDF weight, computed on first use (``__getitem__`` is the scorer's fast callable).

    It holds the session's document frequencies, not the session: a reference back would make a
    cycle, and a round's features (hundreds of thousands of objects) would then wait for the
    cyclic collector instead of being freed when the round ends.
    """

    __slots__ = ("df", "n_claims")

    def __init__(self, df: dict[str, int], n_claims: int) -> None:
        super().__init__()
        self.df = df
        self.n_claims = n_claims

    def __missing__(self, anchor: str) -> float:
        w = self[anchor] = idf(self.df.get(anchor, 1), self.n_claims)
        return w


def _reference(meta_row: tuple[int, str | None, dict[str, Any]] | None) -> str | None:
    """The day (or month) an article was written: its publication date, else the full date its
    header states (stored at import as ``reference_day``)."""
    published = _published(meta_row)
    if published or meta_row is None:
        return published
    day = meta_row[2].get("reference_day")
    return day if isinstance(day, str) and day[:4].isdigit() else None


def _published(meta_row: tuple[int, str | None, dict[str, Any]] | None) -> str | None:
    if meta_row is None:
        return None
    _, published, meta = meta_row
    if published:
        return published
    for key in ("date", "published", "date_hint", "meta_date"):
        val = meta.get(key)
        if isinstance(val, str) and val[:4].isdigit():
            return val
    return None


class _Session:
    """One engine run: caches features and article info, answers candidate queries."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.articles = ws.article_order()
        self.feats: dict[str, Features] = {}
        self.anchors: dict[str, list[str]] = {}
        self.df: dict[str, int] = {}
        self._idf = _IdfCache(self.df, max(1, ws.anchor_total_claims()))
        self.idf: Callable[[str], float] = self._idf.__getitem__
        """Anchor → IDF weight (cached; anchors without stats count as carried by one claim)."""

    @property
    def n_claims(self) -> int:
        """Claims in the anchor index (the IDF's document count)."""
        return self._idf.n_claims

    @n_claims.setter
    def n_claims(self, value: int) -> None:
        self._idf.n_claims = value

    # -- features --------------------------------------------------------------------------
    def features(self, claim: Claim) -> Features:
        f = self.feats.get(claim.id)
        if f is None:
            meta = self.articles.get(claim.article_id)
            f = build_features(claim, published=_published(meta), article_order=meta[0] if meta else 0,
                               written=_reference(meta))
            self.feats[claim.id] = f
        return f

    def load(self, claim_ids: Iterable[str]) -> None:
        missing = [c for c in claim_ids if c not in self.feats]
        if missing:
            for claim in self.ws.get_claims(missing).values():
                self.features(claim)

    def anchors_of(self, f: Features) -> list[str]:
        a = self.anchors.get(f.claim_id)
        if a is None:
            a = claim_anchors(f)
            self.anchors[f.claim_id] = a
        return a

    def fetch_df(self, anchors: Iterable[str]) -> None:
        need = [a for a in dict.fromkeys(anchors) if a not in self.df]
        if need:
            got = self.ws.anchor_df(need)
            for a in need:
                self.df[a] = got.get(a, 1)

    # -- candidates ------------------------------------------------------------------------
    def candidates(self, feats: list[Features]) -> dict[str, list[tuple[str, bool]]]:
        """For each claim: ``[(other claim id, same article)]``, best blocking score first."""
        all_anchors = [a for f in feats for a in self.anchors_of(f)]
        self.fetch_df(all_anchors)
        cap = max_df_for(self.n_claims)
        blocking = [a for a in dict.fromkeys(all_anchors) if self.df.get(a, 1) <= cap
                    or (self.df.get(a, 1) <= TELLING_COUNT_DF and _telling_count(a))]
        by_anchor: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for anchor, cid, aid in self.ws.anchor_rows(blocking):
            by_anchor[anchor].append((cid, aid))
        out: dict[str, list[tuple[str, bool]]] = {}
        # per anchor: (blocking weight, counts only as a number or a month), computed once
        weight: dict[str, tuple[float, bool]] = {}
        for anchor in by_anchor:
            k = anchor_kind(anchor)
            weight[anchor] = (self.idf(anchor) * KIND_WEIGHT.get(k, 0.5), k in _NUMERIC_KINDS and not (
                self.df.get(anchor, 1) <= TELLING_COUNT_DF and _telling_count(anchor)))
        for f in feats:
            score: dict[str, float] = defaultdict(float)
            # claims sharing something besides counts and months (numbers alone never make a link)
            linked: set[str] = set()
            art: dict[str, str] = {}
            own = f.claim_id
            for anchor in self.anchors_of(f):
                rows = by_anchor.get(anchor)
                if not rows:
                    continue
                w, numeric = weight[anchor]
                for cid, aid in rows:
                    if cid == own:
                        continue
                    score[cid] += w
                    if not numeric:
                        linked.add(cid)
                    art[cid] = aid
            ranked = sorted((c for c in score if c in linked), key=lambda c: (-score[c], c))
            aid_f = f.article_id
            other = [c for c in ranked if art[c] != aid_f][:MAX_CANDIDATES]
            same = [c for c in ranked if art[c] == aid_f][:MAX_SAME_ARTICLE]
            out[own] = [(c, False) for c in other] + [(c, True) for c in same]
        return out


def _context(sess: _Session, claim_ids: Iterable[str], builder: EventBuilder | None, linked: bool = True) -> PairContext:
    if builder is not None:
        return PairContext(idf=sess.idf, event_of=builder.claim_event, inherited=builder.inherited(),
                           linked=_linked_events(sess, builder))
    info = sess.ws.claim_events(claim_ids)
    event_of = {c: v[0] for c, v in info.items()}
    inherited = {}
    for c, (_, start, end) in info.items():
        if start:
            inherited[c] = (date.fromisoformat(start).toordinal(), date.fromisoformat(end or start).toordinal())
    return PairContext(idf=sess.idf, event_of=event_of, inherited=inherited,
                       linked=_linked_events(sess, None, set(event_of.values())) if linked else {})


def _linked_events(sess: _Session, builder: EventBuilder | None, event_ids: Iterable[str] = ()) -> dict[str, frozenset[str]]:
    """Event id → events an article tells together with it, at most ``STORY_DAYS`` apart: this
    run's events (``builder``: every new claim's event is one of them, and so is every other event
    of its article), else the stored ``event_ids`` and the events their articles tell."""
    spans: dict[str, tuple[int, int]] = {}
    articles: dict[str, set[str]] = {}
    if builder is not None:
        for ev in builder.events:
            spans[ev.id] = (ev.lo, ev.hi)
            articles[ev.id] = set(ev.article_ids)
    else:
        for eid, (start, end, arts) in sess.ws.event_articles(event_ids).items():
            try:
                spans[eid] = (date.fromisoformat(start).toordinal(), date.fromisoformat(end or start).toordinal())
            except (TypeError, ValueError):
                continue
            articles[eid] = arts
    by_article: dict[str, list[str]] = {}
    for eid, arts in articles.items():
        for a in arts:
            by_article.setdefault(a, []).append(eid)
    out: dict[str, set[str]] = {}
    for eids in by_article.values():
        for i, x in enumerate(eids):
            for y in eids[i + 1:]:
                (xl, xh), (yl, yh) = spans[x], spans[y]
                if max(xl, yl) - min(xh, yh) <= STORY_DAYS:
                    out.setdefault(x, set()).add(y)
                    out.setdefault(y, set()).add(x)
    return {k: frozenset(v) for k, v in out.items()}


EVENT_CANDIDATES = 5
"""Candidates a claim may gain from its own event (see _add_event_candidates). Each costs a pair
scored; 10 cost a sixth of an import's time in generated workspaces and found nothing more than 5
in the test corpora, alone or all in one workspace."""
EVENT_BLOCKING_CLAIMS = 400
"""Events with more claims of this run than this choose no extra candidates (the cost is quadratic)."""


def _add_event_candidates(sess: _Session, feats: list[Features], builder: EventBuilder,
                          cands: dict[str, list[tuple[str, bool]]]) -> None:
    """Make two claims of one event, in two articles, that count the same thing ("m:wounded") and
    share a word too common in the workspace to choose candidates, candidates for each other. In a
    workspace of many stories a word such as "injured" is carried by too many claims, so "It said 58
    people were injured" and "58 Menschen wurden verletzt" never met; within one event, the same
    thing counted is telling, whether the counts agree or not."""
    ours = {f.claim_id: f for f in feats}
    cap = max_df_for(sess.n_claims)
    by_event: dict[str, list[str]] = defaultdict(list)
    for cid, f in ours.items():
        eid = builder.claim_event.get(cid)
        if eid is not None and f.quantities:
            by_event[eid].append(cid)
    for members in by_event.values():
        if len(members) < 2 or len(members) > EVENT_BLOCKING_CLAIMS:
            continue
        by_measure: dict[str, list[str]] = defaultdict(list)
        common: dict[str, set[str]] = {}
        for cid in members:
            anchors = sess.anchors_of(ours[cid])
            for a in anchors:
                if a.startswith("m:"):
                    by_measure[a].append(cid)
            # the anchors too common to choose candidates in the workspace (the others have chosen
            # theirs already)
            common[cid] = {a for a in anchors if anchor_kind(a) not in _NUMERIC_KINDS and sess.df.get(a, 1) > cap}
        gained: dict[str, int] = defaultdict(int)
        for group in by_measure.values():
            if len(group) < 2:
                continue
            for cid in group:
                room = EVENT_CANDIDATES - gained[cid]
                if room <= 0:
                    continue
                f = ours[cid]
                mine = common[cid]
                have = {c for c, _ in cands.get(cid, ())}
                extra = sorted(
                    (c for c in group if c != cid and c not in have and ours[c].article_id != f.article_id
                     and not mine.isdisjoint(common[c])),
                    key=lambda c: (-len(mine & common[c]), c),
                )[:room]
                if extra:
                    cands.setdefault(cid, []).extend((c, False) for c in extra)
                    gained[cid] += len(extra)


def _score(sess: _Session, feats: list[Features], builder: EventBuilder | None, progress: Progress) -> list[Suggestion]:
    """Top-K suggestions per claim and kind for ``feats`` against everything in the anchor index."""
    cands = sess.candidates(feats)
    if builder is not None:
        _add_event_candidates(sess, feats, builder, cands)
    sess.load({c for lst in cands.values() for c, _ in lst})
    if builder is None:
        ctx = _context(sess, set(sess.feats), None)
    else:
        known = builder.claim_event
        stored = _context(sess, [c for c in sess.feats if c not in known], None, linked=False)
        ctx = PairContext(
            idf=sess.idf,
            event_of={**stored.event_of, **known},
            inherited={**stored.inherited, **builder.inherited()},
            linked=_linked_events(sess, builder),
        )
    kept: dict[str, Suggestion] = {}
    # pair of two claims of this run → (-score, suggestion id, suggestion, write its reasons) or
    # None; the reasons are only written for the suggestions kept. A pair with an older claim is
    # met once (only this run's claims are walked), so it is not remembered: the entries of the
    # hundreds of thousands of such pairs of a large import's later rounds were most of its memory.
    done: dict[tuple[str, str], tuple[float, str, Suggestion, Callable[[], None]] | None] = {}
    ours = {f.claim_id for f in feats}
    total = len(feats)
    for i, f in enumerate(feats):
        best: dict[str, list[tuple[float, str, Suggestion, Callable[[], None]]]] = defaultdict(list)
        own = f.claim_id
        for cid, same_article in cands.get(own, []):
            other = sess.feats.get(cid)
            if other is None:
                continue
            both_ours = cid in ours
            key = (own, cid) if own < cid else (cid, own)
            if both_ours and key in done:
                entry = done[key]
            else:
                got = compare_deferred(f, other, ctx, same_article=same_article)
                entry = None if got is None else (-got[0].score, got[0].id, got[0], got[1])
                if both_ours:
                    done[key] = entry
            if entry is not None:
                best[entry[2].kind].append(entry)
        for kind, lst in best.items():
            lst.sort(key=_rank)
            for _, sid, s, finish in lst[:TOP_K]:
                if sid not in kept:
                    finish()
                    kept[sid] = s
        if progress is not None:
            progress(i + 1, total)
    return list(kept.values())


def _event_payload(builder: EventBuilder, only_touched: bool) -> tuple[list[tuple[Any, dict[str, Any]]], list[tuple[str, str, str | None]]]:
    events = []
    for ev in builder.events:
        if only_touched and not ev.touched:
            continue
        data = {
            "place_keys": dict(ev.places),
            "actor_keys": dict(ev.actors),
            "topics": dict(ev.topics),
            "names": ev.names,
        }
        events.append((ev.to_event(), data))
    return events, []


def _members(builder: EventBuilder, sess: _Session, article_ids: Iterable[str]) -> list[tuple[str, str, str | None]]:
    wanted = set(article_ids)
    rows: list[tuple[str, str, str | None]] = []
    for cid, eid in builder.claim_event.items():
        f = sess.feats.get(cid)
        if f is not None and f.article_id in wanted:
            rows.append((eid, f.article_id, cid))
    # article-level membership rows (claim_id NULL) for articles with a seed in the event
    for ev in builder.events:
        for aid in dict.fromkeys(ev.article_ids):
            if aid in wanted:
                rows.append((ev.id, aid, None))
    return rows


def _article_claims(
    sess: _Session, article_ids: list[str], given: Mapping[str, list[Features]] | None = None
) -> dict[str, list[Features]]:
    out: dict[str, list[Features]] = {}
    for aid in article_ids:
        feats = given.get(aid) if given else None
        if feats is None:
            out[aid] = [sess.features(c) for c in sess.ws.claims_for_article(aid)]
            continue
        # built before the article was stored: set what only the store knows
        meta = sess.articles.get(aid)
        published, order = _published(meta), (meta[0] if meta else 0)
        for f in feats:
            f.published = published
            f.article_order = order
            sess.feats[f.claim_id] = f
        out[aid] = list(feats)
    return out


def article_features(article: Any, claims: Iterable[Claim]) -> list[Features]:
    """Features of a parsed article's claims in stored (text) order, before the article is stored.

    For :func:`update_suggestions` (``features=``): lets the import build them where the claims
    were extracted (in worker processes) instead of reading the claims back from the database.
    """
    meta = (0, article.published, article.meta or {})
    published, written = _published(meta), _reference(meta)
    return [build_features(c, published=published, written=written) for c in sorted(claims, key=lambda c: c.start)]


def update_suggestions(
    ws: Any,
    article_ids: list[str],
    progress: Progress = None,
    *,
    features: Mapping[str, list[Features]] | None = None,
) -> int:
    """After new articles were stored: anchors, events, candidates, scoring, storage.

    Claims of ``article_ids`` are compared with every claim sharing an anchor (other articles,
    and their own article for contradictions). Earlier suggestions touching these articles are
    replaced; analyst decisions are never touched. Returns the number of suggestions stored.
    ``features`` optionally gives the new articles' claim features (see :func:`article_features`);
    articles missing from it are read from the workspace.
    """
    article_ids = [a for a in dict.fromkeys(article_ids)]
    if not article_ids:
        return 0
    sess = _Session(ws)
    order = sess.articles
    article_ids.sort(key=lambda a: order.get(a, (0,))[0])
    feats_by_article = _article_claims(sess, article_ids, features)
    ws.replace_anchors_many(
        {aid: [(f.claim_id, sess.anchors_of(f)) for f in feats] for aid, feats in feats_by_article.items()},
        stop_df=MAX_BLOCKING_DF,
    )
    sess.n_claims = max(1, ws.anchor_total_claims())
    # events: load the stored ones, add the new articles, save what changed
    states: list[EventState] = []
    for row in ws.event_rows():
        try:
            states.append(state_from_row(row))
        except (KeyError, ValueError, TypeError):
            continue
    builder = EventBuilder(states)
    for aid in article_ids:
        feats = feats_by_article[aid]
        for f in feats:
            builder.claim_event.pop(f.claim_id, None)
        for ev in builder.events:
            if aid in ev.article_ids:
                ev.article_ids = [a for a in ev.article_ids if a != aid]
                ev.claim_ids = [c for c in ev.claim_ids if c not in {f.claim_id for f in feats}]
        builder.add_article(aid, feats, _published(order.get(aid)), _reference(order.get(aid)))
    builder.finish()
    events, _ = _event_payload(builder, only_touched=True)
    ws.save_events(events, _members(builder, sess, article_ids), replace_articles=article_ids)
    new_feats = [f for aid in article_ids for f in feats_by_article[aid]]
    suggestions = _score(sess, new_feats, builder, progress)
    return ws.store_suggestions(suggestions, replace_articles=article_ids)


def recompute_all(ws: Any, progress: Progress = None) -> int:
    """Rebuild anchors, events and suggestions for the whole workspace (decisions are kept)."""
    sess = _Session(ws)
    order = sorted(sess.articles, key=lambda a: sess.articles[a][0])
    feats_by_article = _article_claims(sess, order)
    ws.clear_anchors()
    ws.replace_anchors_many(
        {aid: [(f.claim_id, sess.anchors_of(f)) for f in feats] for aid, feats in feats_by_article.items()},
        stop_df=MAX_BLOCKING_DF,
    )
    sess.n_claims = max(1, ws.anchor_total_claims())
    builder = EventBuilder()
    for aid in order:
        builder.add_article(aid, feats_by_article[aid], _published(sess.articles.get(aid)), _reference(sess.articles.get(aid)))
    builder.finish()
    events, _ = _event_payload(builder, only_touched=False)
    ws.save_events(events, _members(builder, sess, order), replace_all=True)
    all_feats = [f for aid in order for f in feats_by_article[aid]]
    suggestions = _score(sess, all_feats, builder, progress)
    ws.clear_suggestions()
    return ws.store_suggestions(suggestions)


def suggest_for_claim(ws: Any, claim_id: str, k: int = TOP_K, kind: str | None = None) -> list[Suggestion]:
    """Live suggestions for one stored claim (through the anchor index), best first."""
    sess = _Session(ws)
    claim = ws.get_claim(claim_id)
    f = sess.features(claim)
    out = [s for s in _score(sess, [f], None, None) if kind is None or s.kind == kind]
    out.sort(key=lambda s: (-s.score, s.id))
    return out[:k]


def dump_suggestions(ws: Any, **filters: Any) -> str:
    """``ws.suggestions(...)`` as the JSON list ``factdesk suggest --format json`` prints."""
    return json.dumps(ws.suggestions(**filters), ensure_ascii=False, indent=1)
