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
   module). Claims without a date of their own inherit their article's main event; in an article
   with no dated happening they get a loose range (its publication date, or from the latest date
   it mentions to a year after), so an undated 2021 article is still kept apart from 2024 news.
4. **Pair scoring** (``compare.py``): ``sameness`` = 0.32·entities + 0.30·concepts + 0.26·text +
   0.22·quote, where entities and concepts are IDF-weighted set overlaps (cosine form), text is the
   mean of ``fuzz.ratio`` and ``fuzz.token_set_ratio`` on the sorted concept+word strings, and the
   quote part is the quote similarity above 40 %; +0.08 for a shared date, +0.04 for a shared source.

Kinds and types
---------------
- ``contradiction``/``quantity``: the same measure counted in both claims with incompatible values,
  the claims not in different events (dates more than 3 days apart), a shared place or event, and
  sameness ≥ 0.24 (0.39 inside one article, which also needs a shared place).
- ``contradiction``/``date``: two explicit dates that do not overlap (≤ 400 days apart) on claims
  that are otherwise the same (sameness ≥ 0.46 and a shared quote, two shared names/places or
  similar wording) — also inside one article; the reasons say which date agrees with the article's
  publication month and flag "same day, different month".
- ``contradiction``/``attribution``: the same statement (quote ≥ 60 % similar, or agreeing counts
  with high sameness) credited to sources that do not overlap. A shared news agency does not make
  the attribution agree (``an official at the Ministry of Defense told AFP`` vs ``un responsable au
  ministère de l'Intérieur … à l'AFP`` conflicts); two different agencies quoting one speaker is
  not a conflict.
- Background: a claim whose own dates all lie more than 30 days before its article's publication
  recalls history; it never makes a quantity contradiction with a claim that cannot be dated at all
  (an undated article), since nothing shows the two are one event.
- ``match``: sameness ≥ 0.34 (+0.08 when a count agrees, −0.25 when the claims belong to events
  more than 3 days apart). Never a match when the same number counts different things
  (``18 killed`` vs ``18 wounded``) or when counts conflict without evidence of one event.

Qualifier rule (interval semantics)
-----------------------------------
``exactly n`` → [n, n]; ``at least n`` → [n, ∞); ``more than n`` → (n, ∞); ``less than n`` →
[0, n); ``up to n`` → [0, n]; ``about n`` → [0.85n, 1.15n]. Two counts of the same measure and
population are consistent when their intervals intersect. So ``at least 17`` vs ``more than 20``
is compatible (a match, with a "caution" reason), while ``killing 17`` (exact) vs ``more than 20``
is a contradiction. A sub-group (fighters) against a generic total (people, "morts") conflicts only
when the sub-group must be larger than the total (``at least 18 fighters killed`` vs ``10 morts``);
two different sub-groups (fighters vs civilians) are never compared; a count introduced as a part
("including five in …", "dont 3 enfants") is treated the same way. One tolerance: an unqualified
``n`` against ``more than n`` / ``at least n`` (a headline dropping its qualifier) is compatible.
When a claim gives several counts of one measure ("21 of the 29 drones"), they are paired up: a
conflict is kept only for a count with no compatible counterpart on the other side. Displaced and
missing people are one population (residents, people, inhabitants). Shares and measurements
(percent, distance) never conflict — what they measure is unknown — but the same specific figure
("64.4 %", "300 mm") counts as an agreeing count.

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
