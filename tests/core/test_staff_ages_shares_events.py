"""Staff counted as people when something happened to them, appositive ages, shares named after the
number ("eight of the victims", "two more"), a difference that is a named share, and events kept
apart when only a country ties them. Texts written for these tests."""

from __future__ import annotations

import pytest

from factdesk.core.extract import extract
from factdesk.core.matching import compare_claims
from match_helpers import extracted, on_day

PUB = "2025-06-12"


def _kinds(text: str, lang: str) -> list[tuple[float, str]]:
    claims = extract("art-" + lang, text, lang, PUB).claims
    return [(s.value, s.kind) for c in claims for s in c.spans_of("quantity")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Two employees died in the blaze at the sawmill.", (2, "killed")),
        ("fr", "Trois salariés ont trouvé la mort dans l'explosion de la raffinerie.", (3, "killed")),
        ("de", "Zwei Mitarbeiter kamen bei der Explosion ums Leben.", (2, "killed")),
        ("en", "Four staff were injured when the roof collapsed.", (4, "wounded")),
        # staff and jobs without anything happening to them stay jobs
        ("en", "The carmaker will cut 2,000 jobs by next year.", (2000, "jobs")),
        ("en", "The rescue deal saved 2,000 jobs at the steelworks.", (2000, "jobs")),
        ("fr", "L'usine emploie 900 salariés.", (900, "jobs")),
        # employing people is a headcount of staff
        ("en", "The sawmill employs 900 people in the valley.", (900, "jobs")),
        ("fr", "La raffinerie emploie 900 personnes.", (900, "jobs")),
        ("de", "Das Werk beschäftigt 900 Menschen.", (900, "jobs")),
        ("fr", "La commune compte 3 000 habitants.", (3000, "people")),
    ],
)
def test_staff_and_headcounts(lang, text, expected):
    assert expected in _kinds(text, lang), _kinds(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "A local teacher, 34, was among the dead.", (34, "age")),
        ("en", "A local teacher, thirty-four, was among the dead.", (34, "age")),
        ("fr", "Le chauffeur, 61 ans, a été grièvement blessé.", (61, "age")),
        ("es", "El conductor, de 61 años, resultó herido.", (61, "age")),
        # a name's age may end the sentence, with its unit
        ("fr", "« Nous irons jusqu'au bout », a promis le directeur de la mine, Pavel Orsak, 58 ans.", (58, "age")),
        ("es", "Así lo confirmó su abogado, Julián Ferro, 47 años.", (47, "age")),
        ("fr", "Il a purgé sa peine, 12 ans.", (12, "duration")),
        # a count after a comma is no age
        ("en", "Of the dead, 12 were civilians.", (12, "killed")),
        ("fr", "24 000 manifestants selon la police, 100 000 selon les syndicats.", (100000, "people")),
    ],
)
def test_appositive_ages(lang, text, expected):
    assert expected in _kinds(text, lang), _kinds(text, lang)


_claim, _compare = on_day(PUB)


TOLL = "Twelve people were killed when the bus crashed near Ronda on Tuesday, police said."


def test_a_share_named_after_the_number_is_no_total():
    control = _compare(TOLL, "Eight people were killed when the bus crashed near Ronda on Tuesday, police said.")
    assert control is not None and control.kind == "contradiction", control
    for text, lang in (
        ("Eight of the victims of the bus crash near Ronda on Tuesday were British, police said.", "en"),
        ("Huit des victimes de l'accident de bus près de Ronda mardi étaient britanniques, selon la police.", "fr"),
        ("Police said on Tuesday that two more people were killed when the bus crashed near Ronda.", "en"),
    ):
        got = _compare(TOLL, text, lang)
        assert got is None or got.kind != "contradiction", (text, got)


def test_two_equal_shares_agree():
    a = "Thirty people were injured near Ronda on Tuesday, and nine of them are in a serious condition."
    b = "Nueve de los heridos del accidente cerca de Ronda el martes están en estado grave."
    got = _compare(a, b, "es")
    assert got is not None and any("9 in both" in r for r in got.reasons), got


def test_a_difference_that_is_a_named_share_is_no_contradiction():
    whole = "The bus was carrying 40 people, including the two drivers, when it crashed near Ronda on Tuesday."
    control = _compare(whole, "The bus was carrying 30 passengers when it crashed near Ronda on Tuesday.")
    assert control is not None and control.kind == "contradiction", control
    got = _compare(whole, "The bus was carrying 38 passengers when it crashed near Ronda on Tuesday.")
    assert got is None or got.kind != "contradiction", got


def _events(tmp_path, articles: dict[str, str]) -> list[set[str]]:
    from match_helpers import import_articles

    return import_articles(tmp_path, articles)[0]


def test_a_country_alone_does_not_tie_two_kinds_of_happening_in_two_towns(tmp_path):
    events = _events(tmp_path, {
        "crash.txt": "Bus crash in Spain\npublished: 2025-06-10\n\nA bus carrying French tourists overturned near "
                     "Ronda, in Andalusia, on Tuesday, killing nine people. The passengers came from Lyon, France.\n",
        "floods.txt": "Crues dans le Gard\npublished: 2025-06-11\n\nDe violents orages ont provoqué des inondations "
                      "mardi à Alès, dans le sud de la France, faisant trois morts.\n",
    })
    together = [e for e in events if {"crash.txt", "floods.txt"} <= e]
    assert not together, events


def test_a_place_named_more_or_less_fully_ties_one_event(tmp_path):
    events = _events(tmp_path, {
        "brand.txt": "Großbrand in Duisburg\npublished: 2025-06-11\n\nBei einem Großbrand im Duisburger Stadtteil "
                     "Hochfeld sind am Dienstagabend zwei Arbeiter ums Leben gekommen.\n",
        "fire.txt": "Fire in Duisburg\npublished: 2025-06-11\n\nTwo workers died when fire swept through a warehouse in "
                    "Hochfeld on Tuesday evening, the fire brigade said.\n",
    })
    assert any({"brand.txt", "fire.txt"} <= e for e in events), events


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The warehouse, covering about 6,000 square metres, burned down.", (6000, "area")),
        ("de", "Die Lagerhalle mit rund 6.000 Quadratmetern brannte nieder.", (6000, "area")),
        ("fr", "L'entrepôt de 6 000 mètres carrés a entièrement brûlé.", (6000, "area")),
        ("en", "The tower is 300 metres tall.", (300, "distance")),
        ("fr", "La grève durera 48 heures.", (48, "duration")),
    ],
)
def test_areas_and_durations(lang, text, expected):
    assert expected in _kinds(text, lang), _kinds(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le car s'est renversé vers 23 heures près de Ronda."),
        ("fr", "Le feu a été maîtrisé à 6 h près de l'usine."),
        ("es", "El autobús volcó hacia las 4 horas cerca de Ronda."),
        ("de", "Der Brand brach gegen 22 Uhr in der Halle aus."),
    ],
)
def test_a_time_of_day_is_no_quantity(lang, text):
    assert _kinds(text, lang) == [], _kinds(text, lang)


def test_a_quote_credited_to_two_named_people_by_surname_or_full_name():
    a = "« Nous n'avons jamais vu la rivière monter aussi vite », a déclaré à l'AFP le commandant Paul Verdier, des pompiers d'Alès."
    b = "« Nous n'avons jamais vu la rivière monter aussi vite », a déclaré la maire d'Alès, Claire Mounier, devant la mairie."
    got = compare_claims(_claim(a, "fr"), _claim(b, "fr"), published_a=PUB, published_b=PUB)
    assert got is not None and got.kind == "contradiction" and got.ctype == "attribution", got


def _in_one_event(a: str, lang_a: str, b: str, lang_b: str):
    from factdesk.core.matching.compare import PairContext

    ca, cb = extracted(a, lang_a, PUB), extracted(b, lang_b, PUB)
    # common words weigh little, as in a workspace where every article speaks of rescues
    ctx = PairContext(idf=lambda anchor: 0.1, event_of={ca.id: "e1", cb.id: "e1"})
    return compare_claims(ca, cb, published_a=PUB, published_b=PUB, ctx=ctx)


def test_two_counts_of_one_group_in_one_event_conflict():
    got = _in_one_event("Some 250 firefighters were deployed overnight, the prefecture said.", "en",
                        "Plus de 400 sapeurs-pompiers ont été mobilisés dans la nuit.", "fr")
    assert got is not None and got.kind == "contradiction", got
    # people in general: too little in common to be one figure
    got = _in_one_event("Some 250 people were deployed overnight, the prefecture said.", "en",
                        "Plus de 400 personnes ont été mobilisées dans la nuit.", "fr")
    assert got is None or got.kind != "contradiction", got
    # a share of the group introduced by "among them were"
    got = _in_one_event("Some 42 patients were moved to other hospitals overnight.", "en",
                        "Among them were six patients from intensive care.", "en")
    assert got is None or got.kind != "contradiction", got
