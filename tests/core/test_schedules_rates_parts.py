"""Weekdays announced by a present-tense verb of a scheduled happening, counts per period, counts
introduced as a share of a larger one ("among the cancelled flights are 64"), and amounts of a
happening ("50,000 litres leaked"). Texts written for these tests."""

from __future__ import annotations

import pytest

from factdesk.core.extract import extract
from factdesk.core.matching import compare_claims
from match_helpers import on_day

PUB = "2025-05-07"  # a Wednesday


def _dates(text: str, lang: str, published: str = PUB) -> list[tuple[str, str | None]]:
    claims = extract("art-" + lang, text, lang, published).claims
    return [(s.text, s.resolved) for c in claims for s in c.spans_of("date")]


def _resolved(text: str, lang: str, published: str = PUB) -> list[str | None]:
    return [r for _, r in _dates(text, lang, published)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the verb before the weekday
        ("en", "The nurses' strike begins on Thursday at all public hospitals in the region.", "2025-05-08"),
        ("de", "Der Warnstreik der Busfahrer beginnt am Freitag um vier Uhr früh.", "2025-05-09"),
        ("fr", "Le procès des six prévenus s'ouvre lundi devant la cour d'assises de Lyon.", "2025-05-12"),
        ("es", "La huelga de los controladores comienza el sábado y durará tres días.", "2025-05-10"),
        ("it", "Lo sciopero dei treni scatta venerdì sera in tutta la Lombardia.", "2025-05-09"),
        ("pt", "A greve dos professores começa na segunda-feira em todo o país.", "2025-05-12"),
        ("nl", "De staking van het grondpersoneel begint donderdag om middernacht.", "2025-05-08"),
        # the verb after it (German verb-second order, French inversion)
        ("de", "Am Donnerstag beginnt in Hamburg der Prozess gegen die drei Angeklagten.", "2025-05-08"),
        # the reference weekday itself is that day
        ("en", "The summit opens on Wednesday in Geneva with a speech by the secretary-general.", "2025-05-07"),
        # after a future or "until" cue too, and "this Wednesday" is today
        ("pt", "Até esta quarta-feira, as equipas recolheram três toneladas de lixo na praia.", "2025-05-07"),
        ("en", "The minister is expected to visit the flooded town on Wednesday.", "2025-05-07"),
        ("en", "The minister is expected to visit the flooded town on Friday.", "2025-05-09"),
    ],
)
def test_weekday_announced_by_a_scheduling_verb_is_that_day_or_the_next(lang, text, expected):
    assert expected in _resolved(text, lang), _dates(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # past tenses tell past days: the most recent such day
        ("en", "The nurses' strike began on Thursday at all public hospitals in the region.", "2025-05-01"),
        ("de", "Der Warnstreik der Busfahrer begann am Freitag um vier Uhr früh.", "2025-05-02"),
        ("fr", "Le procès des six prévenus s'est ouvert lundi devant la cour d'assises de Lyon.", "2025-05-05"),
        ("es", "La huelga de los controladores comenzó el sábado y duró tres días.", "2025-05-03"),
        ("nl", "De staking van het grondpersoneel begon donderdag om middernacht.", "2025-05-01"),
        # a scheduling verb in another clause does not reach the weekday
        ("en", "Police arrested two men on Monday, and the trial begins next month.", "2025-05-05"),
    ],
)
def test_weekday_without_an_announcing_verb_in_its_clause_is_the_last_such_day(lang, text, expected):
    assert expected in _resolved(text, lang), _dates(text, lang)


def test_night_announced_by_a_scheduling_verb_follows_the_reference():
    got = _resolved("Der Streik endet in der Nacht zum Samstag um Mitternacht.", "de")
    assert "2025-05-09/2025-05-10" in got, got
    got = _resolved("Der Streik endete in der Nacht zum Samstag um Mitternacht.", "de")
    assert "2025-05-02/2025-05-03" in got, got


_claim, _compare = on_day(PUB)


TOTAL = "The airline cancelled about 800 flights at Frankfurt airport on Friday because of the pilots' strike."


def test_a_rate_is_never_the_same_figure_as_a_total():
    control = _compare(TOTAL, "The airline cancelled about 600 flights at Frankfurt airport on Friday because of the pilots' strike.")
    assert control is not None and control.kind == "contradiction", control
    got = _compare(TOTAL, "The airline normally operates about 600 flights a day at Frankfurt airport.")
    assert got is None or got.kind != "contradiction", got
    got = _compare(TOTAL, "La aerolínea opera unos 600 vuelos diarios en el aeropuerto de Fráncfort.", "es")
    assert got is None or got.kind != "contradiction", got


def test_two_rates_of_one_thing_still_conflict():
    a = "The airline operates about 900 flights a day at Frankfurt airport, the company said."
    b = "The airline operates about 600 flights a day at Frankfurt airport, the company said."
    got = _compare(a, b)
    assert got is not None and got.kind == "contradiction", got


def test_a_count_introduced_as_among_a_larger_group_is_a_share_of_it():
    control = _compare(TOTAL, "The airline cancelled 64 flights at Frankfurt airport on Friday because of the pilots' strike.")
    assert control is not None and control.kind == "contradiction", control
    got = _compare(TOTAL, "Among the cancelled flights are 64 flights to and from Spain, the airline said at Frankfurt airport on Friday.")
    assert got is None or got.kind != "contradiction", got
    got = _compare(TOTAL, "Entre los vuelos cancelados el viernes en el aeropuerto de Fráncfort figuran 64 vuelos con España.", "es")
    assert got is None or got.kind != "contradiction", got


SPILL = "About 12,000 litres of diesel leaked from the tanker into the harbour of Valencia on Monday."


def test_amounts_of_one_happening_conflict_but_other_amounts_do_not():
    got = _compare(SPILL, "Unos 20.000 litros de gasóleo se vertieron desde el petrolero en el puerto de Valencia el lunes.", "es")
    assert got is not None and got.kind == "contradiction", got
    assert any("volume spilled" in r for r in got.reasons), got.reasons
    # a capacity is not the amount spilled
    got = _compare(SPILL, "The tanker can carry about 80,000 litres of diesel into the harbour of Valencia.")
    assert got is None or got.kind != "contradiction", got


def test_tonnes_of_dead_fish_conflict():
    a = "Workers collected about two tonnes of dead fish from the Ebro river near Zaragoza on Monday."
    b = "Workers collected about eight tonnes of dead fish from the Ebro river near Zaragoza on Monday."
    got = _compare(a, b)
    assert got is not None and got.kind == "contradiction", got


def test_a_start_is_the_first_day_a_claim_gives():
    from factdesk.core.matching.compare import PairContext

    a = extract("art-de", "Der Streik der Fluglotsen beginnt am Donnerstag um Mitternacht und endet am Freitagabend.", "de", PUB).claims[0]
    b = extract("art-es", "La huelga de los controladores aéreos comenzará el viernes y durará 24 horas.", "es", PUB).claims[0]
    c = extract("art-it", "Lo sciopero dei controllori di volo inizia giovedì e durerà 24 ore.", "it", PUB).claims[0]
    ctx = PairContext(event_of={a.id: "e1", b.id: "e1", c.id: "e1"})
    got = compare_claims(a, b, published_a=PUB, published_b=PUB, ctx=ctx)
    assert got is not None and got.kind == "contradiction" and got.ctype == "date", got
    # the same first day: no contradiction, whatever else the claims say about the end
    got = compare_claims(a, c, published_a=PUB, published_b=PUB, ctx=ctx)
    assert got is None or got.kind != "contradiction", got


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Extreme heat hit the south of the country on Tuesday."),
        ("fr", "Une vague de chaleur touche le sud du pays depuis mardi."),
        ("es", "El episodio de calor extremo afecta al sur del país desde el martes."),
        ("pt", "O episódio de calor extremo afeta o sul do país desde terça-feira."),
        ("de", "Extreme Hitze erfasst seit Dienstag den Süden des Landes."),
        ("it", "Il caldo estremo colpisce il sud del paese da martedì."),
    ],
)
def test_heat_waves_are_one_concept_in_every_language(lang, text):
    from factdesk.core.matching.lexicon import lexicon

    assert "drought" in lexicon().map_text(text, lang).concepts


def test_event_places_are_shown_by_their_usual_name_once():
    from collections import Counter

    from factdesk.core.matching.events import EventState

    ev = EventState(
        id="e1", lo=739300, hi=739301,
        places=Counter({"germany": 3, "~germany": 2, "middle_east": 2, "frnkfrt": 1}),
        names={"germany": "Alemania", "~germany": "allemande", "frnkfrt": "Fráncfort"},
    ).to_event()
    assert ev.places == ["Germany", "Middle East", "Fráncfort"], ev.places
    assert "Germany, Middle East, Fráncfort" in ev.label, ev.label


@pytest.mark.parametrize(
    ("forecast", "lang"),
    [
        ("Officials warned that the death toll from the landslide in Chiavenna could rise to 40.", "en"),
        ("Les autorités craignent que le bilan du glissement de terrain à Chiavenna pourrait dépasser 40 morts.", "fr"),
        ("Le autorità temono che il bilancio della frana di Chiavenna potrebbe salire a 40 morti.", "it"),
        ("Las autoridades temen que el balance del deslizamiento en Chiavenna podría superar los 40 muertos.", "es"),
    ],
)
def test_a_forecast_is_never_set_against_a_count_made(forecast, lang):
    made = "Twelve people were killed in the landslide in Chiavenna, officials said."
    control = _compare(made, "Forty people were killed in the landslide in Chiavenna, officials said.")
    assert control is not None and control.kind == "contradiction", control
    got = _compare(made, forecast, lang)
    assert got is None or got.kind != "contradiction", got


def test_nights_beginning_on_different_evenings_are_different_dates():
    from factdesk.core.matching.compare import PairContext, sameness

    en = extract("art-en", "Gunmen attacked the village of Kaya overnight into Sunday, killing 12 people.", "en", PUB).claims[0]
    same_night = extract("art-fr1", "Des hommes armés ont attaqué le village de Kaya dans la nuit de samedi à dimanche, tuant 12 personnes.", "fr", PUB).claims[0]
    next_night = extract("art-fr2", "Des hommes armés ont attaqué le village de Kaya dans la nuit de dimanche à lundi, tuant 12 personnes.", "fr", PUB).claims[0]
    ctx = PairContext(event_of={en.id: "e1", same_night.id: "e1", next_night.id: "e1"})
    assert sameness(build(en), build(same_night)).date_overlap
    assert not sameness(build(en), build(next_night)).date_overlap
    got = compare_claims(en, next_night, published_a=PUB, published_b=PUB, ctx=ctx)
    assert got is not None and got.kind == "contradiction" and got.ctype == "date", got
    got = compare_claims(en, same_night, published_a=PUB, published_b=PUB, ctx=ctx)
    assert got is not None and got.kind == "match", got


def build(claim):
    from factdesk.core.matching.features import build_features

    return build_features(claim, published=PUB)
