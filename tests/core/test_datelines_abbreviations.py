"""Wire datelines, abbreviated months in more languages, and mountains named with or without their
generic word. Texts written for these tests."""

from __future__ import annotations

import pytest

from factdesk.core.extract import extract
from factdesk.core.extract.dates import find_dates
from factdesk.core.extract.names import entity_key

PUB = "2025-10-31"


def _dates(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.resolved) for c in extract("a", text, lang, PUB).claims for s in c.spans if s.type == "date"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("MADRID, 30 oct. (EP) - La constructora Ferralia ganó 312 millones de euros en el trimestre.", "es"),
        ("WASHINGTON, Oct 30 (Reuters) - The Federal Reserve cut rates by a quarter point.", "en"),
        ("LYON, 30 octobre 2025 (AFP) - Le groupe Vernaz a supprimé 300 emplois.", "fr"),
        ("BAGDAD/BEYROUTH, 30 oct. - Deux roquettes ont visé la base aérienne.", "fr"),
    ],
)
def test_a_dateline_date_is_no_claim_date(text, lang):
    assert _dates(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("On Oct 30, the Federal Reserve cut rates by a quarter point.", "en", [("On Oct 30", "2025-10-30")]),
        ("Lyon, le 30 octobre - Le groupe Vernaz a supprimé 300 emplois.", "fr", [("le 30 octobre", "2025-10-30")]),
    ],
)
def test_dates_that_are_no_dateline_stay(text, lang, expected):
    assert _dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "ymd"),
    [
        ("19 oct. 2025 - 13:15", "es", (2025, 10, 19)),
        ("3 dic. 2024", "es", (2024, 12, 3)),
        ("3 ott. 2025", "it", (2025, 10, 3)),
        ("21 giu 2025, 09:10", "it", (2025, 6, 21)),
        ("19 out. 2025", "pt", (2025, 10, 19)),
        ("7 fev. 2024", "pt", (2024, 2, 7)),
    ],
)
def test_abbreviated_months(text, lang, ymd):
    got = [(c.y, c.m, c.d) for c in find_dates(text, lang) if c.kind == "full"]
    assert got == [ymd]


@pytest.mark.parametrize(("text", "lang"), [("O set de filmagem fechou.", "pt"), ("Il set è pronto.", "it")])
def test_abbreviations_that_are_words_need_a_day(text, lang):
    assert find_dates(text, lang) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [("Mount Ruapehu", "Ruapehu"), ("Volcán Ruapehu", "Ruapehu"), ("Vulkan Ruapehu", "Mont Ruapehu"), ("Mt. Ruapehu", "Monte Ruapehu")],
)
def test_a_mountain_with_or_without_its_generic_word(a, b):
    assert entity_key(a) == entity_key(b) == entity_key("Ruapehu")


def test_a_generic_word_alone_stays_a_name():
    assert entity_key("Mount") != ""
