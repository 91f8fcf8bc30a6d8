"""A small flood-coverage workspace built through the core API, with a frozen clock."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from factdesk.core.models import Article, Claim, Event, Span, Suggestion, claim_id
from factdesk.core.store import open_workspace
from factdesk.core.store import workspace as workspace_module

REPORT_DATE = "2024-03-07T12:00:00Z"

EN_COURIER = """Floods kill 18 in Valmont

At least 18 people were killed when the Arve river burst its banks on Saturday, the interior ministry said.
Rescue teams evacuated 1,200 residents from the lower town overnight.

Mayor Claire Dubois said "the water rose faster than in 1998".
Officials said <script>alert(1)</script> warnings & "sirens" failed in two districts.
"""

FR_ALPIN = """Crue de l'Arve : 25 morts

Au moins 25 personnes ont péri samedi dans la crue de l'Arve, selon la préfecture.
Les secours ont évacué 1 200 habitants de la ville basse pendant la nuit.

La maire Claire Dubois a déclaré que « l'eau est montée plus vite qu'en 1998 ».
"""

EN_WIRE = """Valmont flood toll rises to 18

The death toll from Saturday's flooding in Valmont rose to 18, according to the interior ministry.
=SUM(A1:A9) was painted on a wall near the river, witnesses said.

Some 1,500 residents were evacuated, local radio reported.
Readers can donate at [the fund](http://evil.example/pay) set up by the town, officials said.
"""


class Built:
    """Ids of what the fixture created (claims by short name)."""

    def __init__(self) -> None:
        self.articles: dict[str, str] = {}
        self.claims: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.claim_article: dict[str, str] = {}
        self.suggestions: dict[str, str] = {}


def _claim(article_id: str, text: str, sentence: str, ordinal: int, spans: list[tuple[str, str, dict]]) -> Claim:
    start = text.index(sentence)
    out = []
    for type_, piece, extra in spans:
        s = text.index(piece, start)
        out.append(Span(type=type_, start=s, end=s + len(piece), text=piece, **extra))
    return Claim(
        id=claim_id(article_id, sentence),
        article_id=article_id,
        start=start,
        end=start + len(sentence),
        text=sentence,
        score=0.8,
        reasons=["quantity"],
        spans=out,
        paragraph=text[:start].count("\n\n"),
        ordinal=ordinal,
    )


def build_workspace(root: Path) -> Built:
    built = Built()
    ws = open_workspace(root)
    with ws:
        specs = [
            (
                "en-courier",
                Article(
                    id="a1c0ur1e4000",
                    title="Floods kill 18 in Valmont",
                    text=EN_COURIER,
                    path="articles/en-courier-flood.txt",
                    language="en",
                    source="Northern Courier",
                    url="https://news.example.org/courier/valmont-floods",
                    published="2024-03-04",
                ),
                [
                    ("en_toll", "At least 18 people were killed when the Arve river burst its banks on Saturday, the interior ministry said.",
                     [("quantity", "At least 18 people", {"value": 18.0, "qualifier": "at_least", "kind": "killed"}),
                      ("date", "Saturday", {"resolved": "2024-03-02", "granularity": "day"}),
                      ("attribution", "the interior ministry said", {"source": "interior ministry", "key": "interior ministry"})]),
                    ("en_evac", "Rescue teams evacuated 1,200 residents from the lower town overnight.",
                     [("quantity", "1,200 residents", {"value": 1200.0, "kind": "evacuated"})]),
                    ("en_quote", 'Mayor Claire Dubois said "the water rose faster than in 1998".',
                     [("quote", '"the water rose faster than in 1998"', {"speaker": "Claire Dubois"})]),
                    ("en_script", 'Officials said <script>alert(1)</script> warnings & "sirens" failed in two districts.',
                     [("attribution", "Officials said", {"source": "officials"})]),
                ],
            ),
            (
                "fr-alpin",
                Article(
                    id="a2a1p1n50000",
                    title="Crue de l'Arve : 25 morts",
                    text=FR_ALPIN,
                    path="articles/fr-alpin-crue.txt",
                    language="fr",
                    source="Le Quotidien Alpin",
                    published="2024-03-05",
                ),
                [
                    ("fr_toll", "Au moins 25 personnes ont péri samedi dans la crue de l'Arve, selon la préfecture.",
                     [("quantity", "Au moins 25 personnes", {"value": 25.0, "qualifier": "at_least", "kind": "killed"}),
                      ("attribution", "selon la préfecture", {"source": "préfecture"})]),
                    ("fr_evac", "Les secours ont évacué 1 200 habitants de la ville basse pendant la nuit.",
                     [("quantity", "1 200 habitants", {"value": 1200.0, "kind": "evacuated"})]),
                    ("fr_quote", "La maire Claire Dubois a déclaré que « l'eau est montée plus vite qu'en 1998 ».",
                     [("quote", "« l'eau est montée plus vite qu'en 1998 »", {"speaker": "Claire Dubois"})]),
                ],
            ),
            (
                "en-wire",
                Article(
                    id="a3w1re000000",
                    title="Valmont flood toll rises to 18",
                    text=EN_WIRE,
                    path="articles/en-wire-toll.txt",
                    language="en",
                    source="Wire Service",
                    published="2024-03-05",
                ),
                [
                    ("w_toll", "The death toll from Saturday's flooding in Valmont rose to 18, according to the interior ministry.",
                     [("quantity", "18", {"value": 18.0, "kind": "killed"}),
                      ("attribution", "according to the interior ministry", {"source": "interior ministry"})]),
                    ("w_formula", "=SUM(A1:A9) was painted on a wall near the river, witnesses said.",
                     [("attribution", "witnesses said", {"source": "witnesses"})]),
                    ("w_evac", "Some 1,500 residents were evacuated, local radio reported.",
                     [("quantity", "Some 1,500 residents", {"value": 1500.0, "qualifier": "about", "kind": "evacuated"})]),
                    ("w_link", "Readers can donate at [the fund](http://evil.example/pay) set up by the town, officials said.", []),
                ],
            ),
        ]
        for short, article, claim_specs in specs:
            built.articles[short] = article.id
            built.texts[article.id] = article.text
            claims = []
            for ordinal, (name, sentence, spans) in enumerate(claim_specs):
                claim = _claim(article.id, article.text, sentence, ordinal, spans)
                claim.lang = article.language
                built.claims[name] = claim.id
                built.claim_article[claim.id] = article.id
                claims.append(claim)
            article.word_count = len(article.text.split())
            ws.add_article(article, claims, "test-1")
        c = built.claims
        a = built.articles

        def sugg(kind: str, left: str, right: str, score: float, reasons: list[str], ctype: str | None = None) -> Suggestion:
            return Suggestion(
                kind=kind, score=score, left_claim=c[left], right_claim=c[right], reasons=reasons, ctype=ctype,
                event="e-arve-flood", left_article=built.claim_article[c[left]], right_article=built.claim_article[c[right]],
            )

        s_toll = sugg("contradiction", "en_toll", "fr_toll", 0.91, ["killed: 18 vs 25", "same event"], "quantity")
        s_evac = sugg("match", "en_evac", "fr_evac", 0.84, ["evacuated 1200 = 1200", "entity: lower town"])
        s_wire = sugg("match", "w_toll", "en_toll", 0.8, ["killed 18 = 18", "source: interior ministry"])
        s_evac2 = sugg("contradiction", "en_evac", "w_evac", 0.66, ["evacuated: 1200 vs ~1500"], "quantity")
        s_rej = sugg("match", "fr_quote", "w_formula", 0.21, ["weak overlap"])
        ws.store_suggestions([s_toll, s_evac, s_wire, s_evac2, s_rej])
        ws.replace_events(
            [Event(id="e-arve-flood", label="Arve flood", date_start="2024-03-02", article_ids=[a["en-courier"], a["fr-alpin"]])]
        )
        built.suggestions = {"toll": s_toll.id, "evac": s_evac.id, "wire": s_wire.id, "evac2": s_evac2.id, "rejected": s_rej.id}

        ws.review_suggestion(s_toll.id, "accepted")
        ws.review_suggestion(s_evac.id, "accepted")
        ws.review_suggestion(s_rej.id, "rejected")
        ws.link_claims(c["en_quote"], c["fr_quote"], "same", note="Same quote, translated.")
        ws.link_claims(c["w_toll"], c["en_toll"], "supports")
        ws.link_claims(
            c["fr_toll"], c["w_toll"], "contradicts",
            note="The préfecture counts 7 missing people as presumed dead; the ministry counts confirmed deaths.",
        )
        ws.set_verdict(c["en_toll"], "mostly-accurate")
        ws.set_note(c["fr_toll"], "Préfecture figure includes 7 missing.\nAsk the préfecture for the list.", ["casualties", "follow-up"])
        ws.set_verdict(c["en_evac"], "accurate")
        ws.set_verdict(c["en_quote"], "unverified")
        ws.set_note(c["en_script"], 'Sirens: <b>check</b> the <a href="javascript:x">log</a> & "ask" the district.', ["sirens"])
        ws.set_verdict(c["en_script"], "unverifiable")
        ws.set_note(c["w_formula"], "@desk: graffiti was a prank\n=1+1 is not a figure", ["graffiti"])
        ws.set_verdict(c["w_formula"], "inaccurate")
        ws.set_note(c["w_link"], "Donation link not verified.", ["links"])
        ws.set_verdict(c["fr_quote"], "accurate")
    return built


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch):
    start = datetime(2024, 3, 6, 9, 0, 0, tzinfo=timezone.utc)
    counter = itertools.count()

    def fake_now() -> str:
        return (start + timedelta(minutes=next(counter))).isoformat()

    monkeypatch.setattr(workspace_module, "now_iso", fake_now)
    monkeypatch.setenv("FACTDESK_REPORT_DATE", REPORT_DATE)
    for name in ("FACTDESK_AUTHOR", "FACTDESK_AUTHOR_TYPE", "FACTDESK_AUTHOR_URL", "FACTDESK_REPORT_URL", "FACTDESK_NOTE_LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    return fake_now


@pytest.fixture
def flood(tmp_path: Path, frozen_clock) -> tuple[Path, Built]:
    root = tmp_path / "flood-desk"
    built = build_workspace(root)
    return root, built


@pytest.fixture
def ws(flood):
    root, _ = flood
    workspace = open_workspace(root)
    yield workspace
    workspace.close()
