"""schema.org ``ClaimReview`` JSON-LD: one review per claim that carries a finished verdict.

The output is a JSON array; each item is a self-contained JSON-LD object (``@context``
``https://schema.org``) ready to embed in a ``<script type="application/ld+json">`` block.

Each review has ``claimReviewed`` (the claim's exact text), ``reviewRating``, ``itemReviewed``
(a ``Claim`` whose ``appearance`` lists every article where the fact appears: the claim's own
article and those of claims confirmed as ``same``/``supports`` — its fact group — as
``CreativeWork`` with headline, url, publisher, date and language where known), ``author`` (from
``FACTDESK_AUTHOR`` / ``FACTDESK_AUTHOR_TYPE`` Person|Organization / ``FACTDESK_AUTHOR_URL``;
default the Organization ``factdesk analyst``), ``datePublished`` (the day the verdict was set),
``reviewBody`` (the analyst's note, when there is one) and ``url`` (``FACTDESK_REPORT_URL#claim-<id>``
when that variable is set; omitted otherwise, since factdesk does not know where a review is
published).

Verdict → rating (1 = worst, 5 = best; ``alternateName`` is always the verdict's words):

=================  ===========  =======================================================
verdict            ratingValue  note
=================  ===========  =======================================================
inaccurate         1
misleading         2
disputed           3            credible sources disagree
mostly-accurate    4
accurate           5
unverifiable       (none)       rating has only ``alternateName``: no point on the scale
unverified         (no review)  checking is not finished, so nothing is published
=================  ===========  =======================================================

``unverifiable`` is a finding but not a position on the true/false scale, so its rating carries
no ``ratingValue``/``bestRating``/``worstRating`` rather than a made-up number; ``unverified``
means nobody has concluded, and publishing a ClaimReview for it would claim a review that did
not happen.
"""

from __future__ import annotations

from typing import Any

from factdesk.export.jsonfmt import dumps
from factdesk.export.model import ArticleInfo, ClaimInfo, Report, claim_url

RATINGS: dict[str, int | None] = {
    "inaccurate": 1,
    "misleading": 2,
    "disputed": 3,
    "mostly-accurate": 4,
    "accurate": 5,
    "unverifiable": None,
}
"""Verdict → ``ratingValue`` on a 1–5 scale (``None``: rating by name only)."""
BEST_RATING = 5
WORST_RATING = 1
NOT_PUBLISHED = ("unverified",)


def _creative_work(art: ArticleInfo) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": art.title}
    if art.url:
        work["url"] = art.url
    if art.outlet:
        work["publisher"] = {"@type": "Organization", "name": art.outlet}
    if art.published:
        work["datePublished"] = art.published
    if art.language:
        work["inLanguage"] = art.language
    return work


def rating(verdict: str, label: str) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "Rating"}
    value = RATINGS.get(verdict)
    if value is not None:
        out |= {"ratingValue": value, "bestRating": BEST_RATING, "worstRating": WORST_RATING}
    out["alternateName"] = label
    return out


def claim_review(report: Report, claim: ClaimInfo) -> dict[str, Any]:
    verdict = claim.verdict or {}
    fact = report.fact_of(claim.id)
    others = fact.articles if fact is not None else []
    articles = [claim.article] + [a for a in others if a.id != claim.article.id]
    author: dict[str, Any] = {"@type": report.author["type"], "name": report.author["name"]}
    if report.author.get("url"):
        author["url"] = report.author["url"]
    item: dict[str, Any] = {"@type": "Claim", "appearance": [_creative_work(a) for a in articles]}
    if claim.language:
        item["inLanguage"] = claim.language
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": f"urn:factdesk:claimreview:{claim.id}",
        "claimReviewed": claim.text,
        "reviewRating": rating(verdict["value"], verdict["label"]),
        "itemReviewed": item,
        "author": author,
    }
    if verdict.get("date"):
        out["datePublished"] = str(verdict["date"])[:10]
    if claim.note and claim.note["text"].strip():
        out["reviewBody"] = claim.note["text"]
    url = claim_url(report, claim.id)
    if url:
        out["url"] = url
    return out


def claim_reviews(report: Report) -> list[dict[str, Any]]:
    """One ClaimReview per claim with a finished verdict, in report order."""
    return [
        claim_review(report, c)
        for c in report.reviewed
        if c.verdict and c.verdict["value"] not in NOT_PUBLISHED and c.verdict["value"] in RATINGS
    ]


def render_claimreview(report: Report) -> str:
    return dumps(claim_reviews(report))
