"""Counts of aircraft named by their model, tolls that date one happening, acronyms that are no
pronouns, and German nouns around acronyms. Texts written for these tests."""

from __future__ import annotations

import pytest

from factdesk.core.extract import extract, langdata
from factdesk.core.extract.entities import find_entities
from factdesk.core.extract.numbers import tokenize
from factdesk.core.matching import compare_claims
from factdesk.core.matching.compare import PairContext

PUB = "2025-09-12"


def _quantities(text: str, lang: str) -> list[tuple[str, str, float]]:
    got = extract("a", text, lang, PUB)
    return [(s.text, s.kind, s.value) for c in got.claims for s in c.spans if s.type == "quantity"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Two B-52H strategic bombers flew over the Baltic on Thursday.", "en", ("Two", "aircraft", 2.0)),
        ("Trois drones MQ-9 Reaper ont été abattus jeudi.", "fr", ("Trois", "drones", 3.0)),
        ("The navy said six MQ-9 Reaper drones were lost on Thursday.", "en", ("six", "drones", 6.0)),
        ("Russia fired 40 Shahed-136 drones at Odesa on Thursday.", "en", ("40", "drones", 40.0)),
    ],
)
def test_a_model_designation_between_number_and_noun(text, lang, expected):
    assert expected in _quantities(text, lang)


def test_differing_counts_of_bombers_named_by_model_conflict():
    a = extract("a", "Four B-52H bombers took part in the raid on Thursday, the Pentagon said.", "en", PUB).claims[0]
    b = extract("b", "Deux bombardiers B-52H ont participé au raid jeudi, selon le Pentagone.", "fr", PUB).claims[0]
    got = compare_claims(a, b, published_a=PUB, published_b=PUB, ctx=PairContext(event_of={a.id: "e", b.id: "e"}))
    assert got is not None and got.kind == "contradiction" and got.ctype == "quantity", got


def test_one_toll_told_on_two_days_is_a_date_contradiction():
    # the same deadly happening (three dead, five hurt) of one event, dated Tuesday and Wednesday
    a = extract("a", "Three sailors were killed and five injured on board the tanker Marisol off Aden on Tuesday night.",
                "en", PUB).claims[0]
    b = extract("b", "Trois marins ont été tués et cinq blessés mercredi soir à bord du pétrolier Marisol au large d'Aden.",
                "fr", PUB).claims[0]
    ctx = PairContext(event_of={a.id: "e", b.id: "e"})
    got = compare_claims(a, b, published_a=PUB, published_b=PUB, ctx=ctx)
    assert got is not None and got.kind == "contradiction" and got.ctype == "date", got
    assert any("toll" in r for r in got.reasons), got.reasons


def test_one_toll_on_one_day_is_a_match():
    a = extract("a", "Three sailors were killed and five injured on Tuesday night when a drone hit the tanker Marisol off Aden.",
                "en", PUB).claims[0]
    b = extract("b", "Trois marins ont été tués et cinq blessés mardi soir quand un drone a touché le pétrolier Marisol au large d'Aden.",
                "fr", PUB).claims[0]
    got = compare_claims(a, b, published_a=PUB, published_b=PUB, ctx=PairContext(event_of={a.id: "e", b.id: "e"}))
    assert got is not None and got.kind == "match", got


def test_a_share_of_a_toll_dates_no_happening():
    # "two of the five dead" told on Wednesday is not the whole toll told on a wrong day
    a = extract("a", "Five people were killed on Tuesday in the shelling of Kherson.", "en", PUB).claims[0]
    b = extract("b", "Deux des cinq morts de Kherson étaient des enfants, a précisé mercredi l'hôpital régional.",
                "fr", PUB).claims[0]
    got = compare_claims(a, b, published_a=PUB, published_b=PUB, ctx=PairContext(event_of={a.id: "e", b.id: "e"}))
    assert got is None or got.ctype != "date", got


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("US Central Command said its forces struck 28 targets on Thursday.", "centcom"),
        ("US officials said 28 targets were struck on Thursday.", "us"),
    ],
)
def test_the_acronym_us_is_no_pronoun(text, source):
    got = extract("a", text, "en", PUB)
    assert [s.key for c in got.claims for s in c.spans if s.type == "attribution"] == [source]


def test_the_pronoun_us_is_still_no_source():
    got = extract("a", "They told us 28 targets were struck on Thursday.", "en", PUB)
    assert [s for c in got.claims for s in c.spans if s.type == "attribution" and s.key == "us"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nach US-Angaben wurden 28 Ziele getroffen.", [("US", "us", "place")]),
        ("Nach Angaben des US-Militärs wurden 28 Ziele getroffen.", [("US", "us", "place")]),
        ("Nach Angaben des US-Zentralkommandos wurden 28 Ziele getroffen.", [("US-Zentralkommandos", "centcom", "org")]),
        ("Die EU-Kommission prüft den Fall.", [("EU", "eu", "org")]),
    ],
)
def test_an_acronym_heading_a_german_compound_is_the_name(text, expected):
    got = [(e.name, e.key, e.kind) for e in find_entities(text, tokenize(text), langdata.get("de"))]
    assert got == expected
