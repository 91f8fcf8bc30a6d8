"""Firms named with "&", nouns standing for an organisation named before ("the company"), and
German common nouns that are no names. Texts written for these tests."""

from __future__ import annotations

import pytest

from factdesk.core.extract import extract
from factdesk.core.extract import langdata
from factdesk.core.extract.entities import find_entities
from factdesk.core.extract.numbers import tokenize
from factdesk.core.labels import span_label
from factdesk.core.matching import compare_claims


def _entities(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(e.name, e.key, e.kind) for e in find_entities(text, tokenize(text), langdata.get(lang))]


def _refs(text: str, lang: str) -> list[tuple[str, str]]:
    """(noun phrase, the name it stands for) of every reference in an article."""
    got = extract("a", text, lang, "2025-06-02")
    return [(s.text, s.basis) for c in got.claims for s in c.spans if s.type == "entity" and s.basis]


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Shares of Procter & Gamble fell 3 per cent on Monday.", "en", "Procter & Gamble"),
        ("Le groupe Marks & Spencer a fermé 12 magasins.", "fr", "Marks & Spencer"),
        ("Die Firma Krause & Weber Logistik beschäftigt 300 Menschen.", "de", "Krause & Weber Logistik"),
    ],
)
def test_names_joined_by_ampersand_are_one_firm(text, lang, name):
    ents = _entities(text, lang)
    assert (name, ents[[e[0] for e in ents].index(name)][1], "org") in ents
    assert not any(e[0] in name.split() for e in ents), ents  # not split into its words


def test_a_firm_keeps_one_key_with_or_without_its_trade_name():
    short = _entities("Krause & Weber said on Monday that it would appeal.", "en")
    long = _entities("Die Firma Krause & Weber Logistik beschäftigt 300 Menschen.", "de")
    assert short[0][1] == long[0][1]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "A blast hit the Halvorsen Shipping AS terminal in Bergen on Monday. The company said 14 containers burned.",
            "en",
            [("The company", "Halvorsen Shipping AS")],
        ),
        (
            "Un incendie a ravagé l'usine de la société Ferrand & Fils à Lyon. L'entreprise emploie 220 salariés sur le site.",
            "fr",
            [("L'entreprise", "Ferrand & Fils")],
        ),
        (
            "Der Brand zerstörte eine Halle der Firma Oldenkamp in Bremen. Das Familienunternehmen beschäftigt 85 Menschen.",
            "de",
            [("Das Familienunternehmen", "Oldenkamp")],
        ),
        (
            "La aerolínea Vuelosur canceló el lunes 40 vuelos. Un portavoz de la compañía cifró las pérdidas en 3 millones de euros.",
            "es",
            [("la compañía", "Vuelosur")],
        ),
        (
            "Lo sciopero alla Fabbri & Conti è iniziato lunedì. L'azienda ha detto che 300 operai hanno aderito.",
            "it",
            [("L'azienda", "Fabbri & Conti")],
        ),
    ],
)
def test_a_company_noun_stands_for_the_firm_named_before(text, lang, expected):
    assert _refs(text, lang) == expected


def test_the_most_named_firm_wins_and_news_agencies_never_do():
    text = (
        "Workers at Nordvik & Sons walked out on Monday, Reuters reported. "
        "Nordvik & Sons makes valves. Analysts at Keller & Partner said the strike was costly. "
        "The company said 120 workers had joined the strike."
    )
    assert _refs(text, "en") == [("The company", "Nordvik & Sons")]


@pytest.mark.parametrize(
    "text",
    [
        "A company spokesman said 40 workers were evacuated on Monday.",  # indefinite, nothing named
        "The companies said 40 workers were evacuated on Monday.",  # plural
        "The Ministry of Health said 40 people were hurt. The group of villagers fled on Monday.",  # "group of"
        "Le comité d'entreprise de Ferrand & Fils a dénombré 40 grévistes lundi.",  # a complement
    ],
)
def test_no_reference_without_a_definite_singular_noun_and_a_firm(text):
    lang = "fr" if "comité" in text else "en"
    assert _refs(text, lang) == []


def test_a_noun_that_introduces_a_name_is_no_reference():
    text = "Le groupe hospitalier Santé Ouest a été visé lundi par une cyberattaque qui a touché 3 sites."
    assert _refs(text, "fr") == []


def test_the_reference_is_shown_with_the_name_it_stands_for():
    got = extract("a", "A fire hit Brandvold & Co on Monday. The company said 14 people were hurt.", "en", "2025-06-02")
    span = next(s for c in got.claims for s in c.spans if s.type == "entity" and s.basis)
    assert span_label(span) == "The company → Brandvold & Co (org)"


def test_a_figure_given_for_the_company_meets_the_same_figure_given_by_name():
    # the employees count is told with "the company" in one article, with the name in the other
    a = extract("a", "Fire destroyed a warehouse of Ostrava & Lenz in Brno on Monday. "
                     "The company employs 480 people at the site.", "en", "2025-06-02").claims[-1]
    b = extract("b", "Ostrava & Lenz employs 350 people at its Brno site, the firm said on Monday.",
                "en", "2025-06-02").claims[0]
    got = compare_claims(a, b, published_a="2025-06-02", published_b="2025-06-02")
    assert got is not None and got.kind == "contradiction", got
    assert any("Ostrava & Lenz" in r for r in got.reasons), got.reasons


def test_different_counts_of_one_thing_are_never_a_match():
    # a year long gone keeps the conflict out, but two incompatible counts are no link either
    a = extract("a", "The Lindgren & Holm group, founded in 1962, employs about 400 people in Malmo.", "en",
                "2025-06-02").claims[0]
    b = extract("b", "Lindgren & Holm employs 640 people in Malmo and its suburbs.", "en", "2025-06-02").claims[0]
    got = compare_claims(a, b, published_a="2025-06-02", published_b="2025-06-02")
    assert got is None or got.kind != "match", got


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Um 21:40 Uhr brach das Feuer in der Halle aus.", "Feuer"),
        ("Zwei Arbeiter kamen ums Leben, sagte Jens Mahler.", "Leben"),
        ("Für die Bevölkerung bestand keine Gefahr, sagte Jens Mahler.", "Gefahr"),
        ("Die Berufsfeuerwehr rückte mit 90 Kräften aus.", "Berufsfeuerwehr"),
    ],
)
def test_german_common_nouns_are_no_names(text, noun):
    names = [e[0] for e in _entities(text, "de")]
    assert noun not in names, names
    assert "Jens Mahler" in names or "Jens" not in text


def test_a_german_common_noun_makes_no_person():
    ents = _entities("Kräfte der Freiwilligen Feuerwehr Lindau waren im Einsatz.", "de")
    assert all(kind != "person" for _, _, kind in ents), ents
