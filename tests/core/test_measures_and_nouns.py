"""Amounts in litres and tonnes, flights counted in every language, and German common nouns
(capitalised like names) kept out of the entities. Texts written for these tests."""

from __future__ import annotations

import pytest

from factdesk.core.extract import extract
from factdesk.core.matching import compare_claims


def _claims(text: str, lang: str, published: str = "2025-05-06"):
    return extract("art-" + lang, text, lang, published).claims


def _quantities(text: str, lang: str) -> list[tuple[float, str]]:
    return [(s.value, s.kind) for c in _claims(text, lang) for s in c.spans_of("quantity")]


@pytest.mark.parametrize(
    ("lang", "text", "value", "kind"),
    [
        ("en", "About 12,000 litres of diesel leaked into the harbour.", 12000, "volume"),
        ("es", "Unos 12.000 litros de gasóleo se vertieron en el puerto.", 12000, "volume"),
        ("pt", "Cerca de 12 mil litros de gasóleo foram derramados no porto.", 12000, "volume"),
        ("it", "Circa 12.000 litri di gasolio sono finiti nel porto.", 12000, "volume"),
        ("de", "Rund 12.000 Liter Diesel liefen in den Hafen.", 12000, "volume"),
        ("fr", "Environ 12 000 litres de gazole se sont déversés dans le port.", 12000, "volume"),
        ("en", "Customs officers seized three tonnes of cocaine at the port.", 3, "mass"),
        ("es", "Los agentes incautaron tres toneladas de cocaína en el puerto.", 3, "mass"),
        ("de", "Die Polizei beschlagnahmte 40 Tonnen Kokain.", 40, "mass"),
        ("de", "Die Airline strich am Montag rund 300 Flüge.", 300, "aircraft"),
        ("es", "La aerolínea canceló unos 300 vuelos el lunes.", 300, "aircraft"),
        ("it", "La compagnia ha cancellato circa 300 voli lunedì.", 300, "aircraft"),
        ("pt", "A companhia cancelou cerca de 300 voos na segunda-feira.", 300, "aircraft"),
        ("es", "Más de 40 pacientes fueron trasladados a otros hospitales.", 40, "people"),
        ("de", "Mehr als 40 Patienten wurden in andere Kliniken verlegt.", 40, "people"),
    ],
)
def test_amounts_and_counted_things(lang, text, value, kind):
    assert (value, kind) in _quantities(text, lang)


def test_same_amount_in_litres_links_across_languages_but_different_amounts_do_not_conflict():
    en = _claims("About 12,000 litres of diesel leaked from the tanker into the harbour of Valencia on Monday.", "en")[0]
    es = _claims("Unos 12.000 litros de gasóleo se vertieron desde el petrolero en el puerto de Valencia el lunes.", "es")[0]
    other = _claims("The tanker can carry about 80,000 litres of diesel to the harbour of Valencia.", "en")[0]
    got = compare_claims(en, es, published_a="2025-05-06", published_b="2025-05-06")
    assert got is not None and got.kind == "match"
    assert any("12000 in both" in r for r in got.reasons), got.reasons
    # a capacity is not the amount spilled: a volume is evidence when equal, never a contradiction
    assert (compare_claims(es, other, published_a="2025-05-06", published_b="2025-05-06") or got).kind != "contradiction"


def _entity_texts(text: str, lang: str) -> list[str]:
    return [s.text for c in _claims(text, lang) for s in c.spans_of("entity")]


def test_german_common_nouns_are_not_entities_but_names_are():
    text = (
        "Betroffen seien etwa 500 Passagiere, teilte die Airline Nordwind in Hamburg mit. "
        "Die Gewerkschaft fordert eine Erhöhung der Gehälter, sagte Sprecherin Anna Berger. "
        "Der Streik beginnt in der Nacht zum Donnerstag."
    )
    ents = _entity_texts(text, "de")
    for noun in ("Passagiere", "Gewerkschaft", "Erhöhung", "Gehälter", "Streik", "Nacht"):
        assert not any(noun in e for e in ents), ents
    for name in ("Hamburg", "Anna Berger", "Nordwind"):
        assert any(name in e for e in ents), ents


def test_capitalised_nouns_are_only_dropped_in_noun_capitalising_languages():
    # an English lone capitalised word that names a concept ("Strike" as a ship's name) stays
    ents = _entity_texts("The tanker Resolution docked in Rotterdam on Monday, officials said.", "en")
    assert any("Resolution" in e for e in ents), ents
