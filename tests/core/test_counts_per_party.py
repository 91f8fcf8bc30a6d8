"""Counts for each of several parties, totals beside their shares, and prisoners counted in every
language. Texts written for these tests."""

from __future__ import annotations

import pytest

from match_helpers import compare_in_event

from factdesk.core.extract import extract
from factdesk.core.matching import compare_claims
from factdesk.core.matching.compare import PairContext
from factdesk.core.matching.features import build_features

PUB = "2025-04-10"


def _counts(text: str, lang: str) -> list[tuple[float, str | None, bool]]:
    claim = extract("a", text, lang, PUB).claims[0]
    return [(q.value, q.measure, q.each) for q in build_features(claim).quantities]


def _pair(text_a: str, lang_a: str, text_b: str, lang_b: str):
    return compare_in_event(text_a, lang_a, PUB, text_b, lang_b, PUB)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Under the deal each side will free 260 prisoners by the end of the month.", "en", (260.0, "arrests", True)),
        ("The two countries released 260 prisoners each on Wednesday.", "en", (260.0, "arrests", True)),
        ("Chaque camp libérera 260 prisonniers d'ici la fin du mois.", "fr", (260.0, "arrests", True)),
        ("El acuerdo prevé liberar doscientos sesenta presos de cada lado.", "es", (260.0, "arrests", True)),
        ("Beide Seiten sollen jeweils 260 Gefangene freilassen.", "de", (260.0, "arrests", True)),
        ("In totale saranno liberati 520 prigionieri entro la fine del mese.", "it", (520.0, "arrests", False)),
        ("Serão libertados 520 prisioneiros até ao fim do mês.", "pt", (520.0, "arrests", False)),
        ("Police detained 31 people, each of whom was later charged.", "en", (31.0, "arrests", False)),
    ],
)
def test_counts_per_party_and_prisoners(text, lang, expected):
    assert expected in _counts(text, lang)


@pytest.mark.parametrize(
    ("text_a", "lang_a", "text_b", "lang_b"),
    [
        # a count per party is no total
        ("Under the deal each side will free 260 prisoners, the Qatari mediator said.", "en",
         "Au total, 520 prisonniers seront libérés dans le cadre de l'accord, selon le médiateur qatari.", "fr"),
        # one village alone is a share of the total
        ("Civil protection said 3,100 people had been evacuated from the valley below the dam.", "en",
         "Solo en Puerto Rojo, el pueblo más cercano a la presa, fueron evacuadas 800 personas.", "es"),
    ],
)
def test_a_count_for_a_party_or_a_place_alone_is_no_rival_total(text_a, lang_a, text_b, lang_b):
    got = _pair(text_a, lang_a, text_b, lang_b)
    assert got is None or got.kind != "contradiction", got


def test_two_counts_per_party_that_differ_conflict():
    got = _pair(
        "Under the deal each side will free 260 prisoners before the end of the month.", "en",
        "El acuerdo prevé liberar trescientos presos de cada lado antes de fin de mes.", "es",
    )
    assert got is not None and got.kind == "contradiction" and got.ctype == "quantity", got


def test_a_share_below_both_totals_hides_no_conflict_between_the_totals():
    # "four of them" fits under 17 and "at least three of them" under 23: the totals still disagree
    got = _pair(
        "Twenty-three people were hurt when the tram derailed in Graz, four of them seriously.", "en",
        "Beim Entgleisen der Straßenbahn in Graz wurden 17 Menschen verletzt, mindestens drei von ihnen schwer.", "de",
    )
    assert got is not None and got.kind == "contradiction" and got.ctype == "quantity", got
    assert any("23 vs 17" in r for r in got.reasons), got.reasons


def test_a_total_and_its_share_agree():
    got = _pair(
        "Twenty-three people were hurt when the tram derailed in Graz, four of them seriously.", "en",
        "Beim Entgleisen der Straßenbahn in Graz wurden 23 Menschen verletzt, vier von ihnen schwer.", "de",
    )
    assert got is not None and got.kind == "match", got


@pytest.mark.parametrize(
    ("text", "lang", "part"),
    [
        ("Only in Puerto Rojo, the village closest to the dam, 800 people were evacuated.", "en", True),
        ("In Mykolaiv alone, 12 people were killed overnight.", "en", True),
        ("Rien qu'à Tulle, 800 personnes ont été évacuées.", "fr", True),
        ("Solo en Puerto Rojo, el pueblo más cercano a la presa, fueron evacuadas 800 personas.", "es", True),
        ("Allein in Passau wurden 800 Menschen in Sicherheit gebracht.", "de", True),
        ("In Mykolaiv, 12 people were killed overnight.", "en", False),
    ],
)
def test_a_count_for_one_place_alone_is_a_share(text, lang, part):
    claim = extract("a", text, lang, PUB).claims[0]
    assert [q.part for q in build_features(claim).quantities] == [part]



def test_the_same_specific_count_in_one_event_links_differently_worded_claims():
    a_text = "Il bilancio della ASL è di 37 feriti, sei dei quali in condizioni serie."
    b_text = "Selon le dernier bilan communiqué jeudi par les autorités sanitaires de Vénétie, 37 personnes ont été blessées, dont six grièvement."
    a = extract("a", a_text, "it", PUB).claims[0]
    b = extract("b", b_text, "fr", PUB).claims[0]
    in_event = compare_claims(a, b, published_a=PUB, published_b=PUB, ctx=PairContext(event_of={a.id: "e", b.id: "e"}))
    assert in_event is not None and in_event.kind == "match", in_event
    # without the event, wording this different is not enough
    apart = compare_claims(a, b, published_a=PUB, published_b=PUB, ctx=PairContext(event_of={a.id: "e", b.id: "f"}))
    assert apart is None or apart.score < in_event.score
