"""Cross-article link suggestions and contradiction candidates.

For every claim, find the claims that state the same fact — in other articles, and for
contradictions in the same article too — and say whether they agree.

Pipeline
--------
1. **Features** (``features.py``): each claim's words are mapped through a per-language lexicon
   (``data/lexicon.json``) to language-neutral concepts; the rest of its words are folded. Entity
   keys, attribution source keys, quotes, resolved dates and typed counts come from the claim's
   spans. A count's *measure* is what happened (``killed``, ``wounded`` …, read from the kind or
   from the nearest outcome word) and its *population* who was counted (fighters, soldiers,
   civilians, or generic people).
2. **Blocking** (``anchors.py``): claims are indexed by anchors (entity keys, source keys,
   concepts, measure and measure+value, days and months, rare words). Candidates are the claims
   sharing anchors, ranked by IDF-weighted overlap; anchors carried by too many claims are not used
   for blocking. Counts and months alone never make a candidate.
3. **Events** (``events.py``): claims and articles are grouped by when and where (rule in that
   module); an actor an article names in two claims or more (a company, a person) counts as shared
   by all its happenings when seeds are merged across articles, and one actor named more or less
   fully ("Maschinenbauer Brennwald" / "Brennwald") counts as shared. Claims without a date of their own inherit their article's main event; in an article
   with no dated happening they get a loose range (its publication date, or from the latest date
   it mentions to a year after), so an undated 2021 article is still kept apart from 2024 news. Such an
   article joins the one event with which it shares two names (or one person named in full, on the
   same kind of happening) that no other event carries. An article whose main happening is dated a
   month before the day it was written, and whose day-of-month one month later is the day of an
   event of the same kind sharing two of its names, joins that event (a month slip).
4. **Pair scoring** (``compare.py``): ``sameness`` = 0.32·entities + 0.30·concepts + 0.26·text +
   0.22·quote, where entities and concepts are IDF-weighted set overlaps (cosine form), text is the
   mean of ``fuzz.ratio`` and ``fuzz.token_set_ratio`` on the sorted concept+word strings, and the
   quote part is the quote similarity above 40 %; +0.08 for a shared date, +0.04 for a shared source.
   Common words (lexicon type ``general``: open, late, door, nobody …) weigh half a concept, count
   only where both claims have them and at most as much as the other shared concepts, stay words in
   the text string, and make candidates only from inside a quote.

Kinds and types
---------------
- ``contradiction``/``quantity``: the same measure counted in both claims with incompatible values,
  the claims not in different events (dates more than 3 days apart), a shared place or event, and
  sameness ≥ 0.24 (0.39 inside one article, which also needs a shared place).
  Across articles of one event the counted thing itself is the evidence when it is specific (an
  indicator, or a tally of one happening: trapped, rescued, missing, evacuated, houses, hostages,
  arrests, cantons or villages — not a toll, nor seats, votes, money or jobs that belong to a party
  or a company) and the claims name no two different places, and the same actors or none: then sameness ≥ 0.05 suffices, however
  differently the two claims are worded. Counts for opposite sides of a vote ("16 cantons said no"
  / "6 cantons approved", a yes share / a no share) are never compared, and a claim dated by years
  only, all before the other claim's (own or event) dates, recalls history and never conflicts.
  A distance followed by a speed unit ("185 km/h", "165 kilometres per hour") is a speed, the wind
  speed when the claim speaks of wind: an indicator like a share.
- ``contradiction``/``date``: two explicit dates that do not overlap (≤ 400 days apart) on claims
  that are otherwise the same (sameness ≥ 0.46 and a shared quote, two shared names/places or
  similar wording) — also inside one article; the reasons say which date agrees with the article's
  publication month and flag "same day, different month". Also, with moderate wording similarity
  (sameness ≥ 0.20): two claims of one event naming the same *happening* (a start/outbreak, a
  departure, a meeting, a vote, an attack, a crash, a landfall …) and a shared name, place, strong
  concept overlap or the same specific figure, whose day-level dates are all disjoint and at most 10 days apart. Claims in different
  events (background dates of other happenings) never qualify — except an *announced* happening
  (a meeting, a vote, a departure, an appointment) that both claims date after their article's
  publication or call "the next" one: "the next meeting is on 12 June" vs "… on 5 June" conflict
  even though each date seeds its own event, when both claims name one organisation, person or
  place and do not name two different organisations; dates more than 10 days apart stay two
  meetings. One happening of one event dated to the same day of adjacent months is a slip even when
  one side dates its announcement. Two claims that each name a happening, and no happening in
  common (an arrest, a verdict), date two happenings and never conflict on dates.
- ``contradiction``/``attribution``: the same statement (quote ≥ 60 % similar, or agreeing counts
  with high sameness) credited to sources that do not overlap. A shared news agency does not make
  the attribution agree (``an official at the Ministry of Defense told AFP`` vs ``un responsable au
  ministère de l'Intérieur … à l'AFP`` conflicts); two different agencies quoting one speaker is
  not a conflict.
- ``contradiction``/``time``: one event's curfew or ceasefire (both claims name it) whose first
  clock times differ, sameness ≥ 0.25, neither time given in a named zone.
- ``contradiction``/``identifier``: one flight or train number in each claim of one event, with the
  same letters and different digits (``vol AV 713`` / ``Flight AV 731``), sameness ≥ 0.25; the same
  number in both adds 0.12 to a match.
- Background: a claim whose own dates all lie more than 30 days before its article's publication
  recalls history; it never makes a quantity contradiction with a claim that cannot be dated at all
  (an undated article), since nothing shows the two are one event. Recalled history does not place
  an undated article either: a dated claim with a toll of its own below the lede — or anywhere when
  the article also gives an undated toll (its own news) — is left out of the article's loose range.
- ``match``: sameness ≥ 0.34 (+0.08 when a count agrees; −0.25 when the claims' own dates lie more
  than 3 days apart, −0.12 when a date one of them inherits does, nothing when their two events are
  one story: an article tells both, at most 21 days apart — a cyberattack and the systems back two
  weeks later). Never a match when the same number counts different things
  (``18 killed`` vs ``18 wounded``) or when counts conflict without evidence of one event.

Qualifier rule (interval semantics)
-----------------------------------
``exactly n`` → [n, n]; ``at least n`` → [n, ∞); ``more than n`` → (n, ∞); ``less than n`` →
[0, n); ``up to n`` → [0, n]; ``about n`` → [0.9n, 1.1n] (so ``about 120`` vs ``about 150`` and
``about 8,000`` vs ``about 10,000`` conflict, ``about 120`` vs ``about 128`` does not). Two counts of the same measure and
population are consistent when their intervals intersect. So ``at least 17`` vs ``more than 20``
is compatible (a match, with a "caution" reason), while ``killing 17`` (exact) vs ``more than 20``
is a contradiction. A sub-group (fighters) against a generic total (people, "morts") conflicts only
when the sub-group must be larger than the total (``at least 18 fighters killed`` vs ``10 morts``);
two different sub-groups (fighters vs civilians) are never compared; a count introduced as a part
("including five in …", "dont 3 enfants") is treated the same way. One tolerance: an unqualified
``n`` against ``more than n`` / ``at least n`` (a headline dropping its qualifier) is compatible.
When a claim gives several counts of one measure ("21 of the 29 drones"), they are paired up: a
conflict is kept only for a count with no compatible counterpart on the other side. Displaced and
missing people are one population (residents, people, inhabitants). Shares, measurements and
durations (percent, distance, duration) are agree-only when what they measure is unknown: a
difference proves nothing, the same specific figure ("64.4 %", "300 mm", "10 years") counts as an
agreeing count.

Indicator rule. A percentage — or a figure followed by a degree sign or a temperature word — is tied
to the nearest *indicator* concept before it in its clause (else just after it): inflation, growth
(economy), interest rate, unemployment, turnout, vote share, revenue, profit, margin, share price,
temperature, budget, debt, tax. Two figures of the same indicator agree when equal within the
rounding of the less precise one (``2.2`` vs ``2.25``), and conflict (a quantity contradiction,
same evidence as counts) when both are unqualified and differ beyond it — but only for one subject
and one period: when both claims name actors (parties, companies) one must be shared, and their own
dates (months, days, years) must meet. Two different indicators are never compared, and the same
figure for two indicators (``growth 2.2 %`` vs ``inflation 2.2 %``) is "same number, different
thing", never a match.

Crowd counts (police vs organisers). Each figure of a protest count (people counted in a claim
about a protest, march or rally) is credited to a counter read from its own stretch of the clause:
*authorities* (police, prefecture, interior ministry, government) or *organisers* (organisers,
unions, parties). A cue introduced by "according to" / "selon" / "según" right after a figure binds
to it ("24 000 selon la préfecture, 100 000 selon les syndicats"); otherwise the nearest cue since
the previous figure does ("police counted 24,000", "los sindicatos contaron 100.000"). Two
incompatible figures credited to opposing counters are a known, attributed dispute: never a
quantity contradiction, and never a match either unless some figure agrees. A bare, uncredited
figure against a different figure, or two counters of the same side, still conflict. A bare figure
listed after a counted one with its own source counts the same thing ("24 000 manifestants selon la
police, 100 000 selon les syndicats").

Storage
-------
For each claim the best ``TOP_K`` (10) suggestions per kind are kept; a pair is stored once,
left = the earlier article in import order. Suggestion ids hash the unordered claim pair and the
kind, so the analyst's decisions (stored apart) survive any recomputation.
"""

from __future__ import annotations

from factdesk.core.matching.compare import PairContext, compare_claims, compare_features
from factdesk.core.matching.engine import recompute_all, suggest_for_claim, update_suggestions
from factdesk.core.matching.features import build_features

__all__ = [
    "PairContext",
    "build_features",
    "compare_claims",
    "compare_features",
    "recompute_all",
    "suggest_for_claim",
    "update_suggestions",
]
