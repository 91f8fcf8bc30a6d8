"""Name normalisation: fold, entity_key, source_key."""

from __future__ import annotations

import pytest

from factdesk.core.extract.names import entity_key, fold, source_key

SAME_ENTITY = [
    ("Al-Qaïm", "al-Qaim", "Al-Qa'im"),
    ("Al-Akachat", "Akashat", "d'Akashat"),
    ("Yehia Rasool", "Yahya Rasool"),
    ("Hachd al-Chaabi", "Hashd al-Shaabi", "Hashd", "Popular Mobilization Forces", "Unités de mobilisation populaire"),
    ("Téhéran", "Tehran"),
    ("Syrie", "Syria", "Siria"),
    ("Irak", "Iraq"),
    ("Jordanie", "Jordan"),
    ("Boukamal", "Abu Kamal", "Albu Kamal"),
    ("États-Unis", "United States", "US", "USA", "américaines", "American"),
    ("Daech", "ISIS", "Islamic State", "État islamique"),
    ("Gardiens de la révolution", "Revolutionary Guards", "IRGC"),
    ("Centcom", "CENTCOM", "US Central Command", "Commandement central américain"),
    ("AFP", "Agence France-Presse"),
    ("al-Sakar", "al-Sakkar"),
    ("Iranian", "iranien", "pro-Iranian"),
    ("Iraqi Prime Minister Mustafa al-Kazimi", "Mustafa al-Kadhimi"),
    ("Kataeb Hezbollah", "Kataib Hizbullah"),
]


@pytest.mark.parametrize("group", SAME_ENTITY)
def test_entity_keys_equal(group):
    keys = {entity_key(n) for n in group}
    assert len(keys) == 1, {n: entity_key(n) for n in group}


@pytest.mark.parametrize("a,b", [("Irak", "Iran"), ("Iraq", "Iran"), ("Syrie", "Serbie"), ("Al-Qaïm", "Al-Quds"), ("Centcom", "Centre"),
                                 ("Ministry of Defense", "Ministry of the Interior"), ("Pentagon", "Ministry of Defense")])
def test_entity_keys_differ(a, b):
    assert entity_key(a) != entity_key(b)


def test_fold():
    assert fold("Téhéran") == "teheran"
    assert fold("ÉTATS-UNIS") == "etats-unis"
    assert fold("Straße") == "strasse"
    assert fold("") == ""


def test_source_keys():
    sohr = {source_key(n) for n in ("OSDH", "SOHR", "Syrian Observatory for Human Rights",
                                    "Observatoire syrien des droits de l'homme", "the Syrian Observatory", "OSDH director Rami Abdel Rahmane")}
    assert sohr == {"sohr"}
    assert source_key("ministère de l'Intérieur") == source_key("Ministry of the Interior") == source_key("Interior Ministry") == "ministry:interior"
    assert source_key("Ministry of Defense") == source_key("ministère de la Défense") == source_key("Defence Ministry") == "ministry:defense"
    assert source_key("Ministry of Defense") != source_key("ministère de l'Intérieur")
    assert source_key("Pentagon") == source_key("Department of Defense") == source_key("ministère américain de la Défense") == "pentagon"
    assert source_key("Pentagon") != source_key("Ministry of Defense")
    assert source_key("an American official") == source_key("US officials")
    assert source_key("Innenministerium") == source_key("Ministerio del Interior") == "ministry:interior"
    assert source_key("") == "" and entity_key("") == ""
