"""Weekdays no reference day resolves ("late on Friday" in an undated article) still tell two
sources disagree on the day of one happening. Texts written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factdesk.core.extract import extract
from factdesk.core.extract.dates import DateCand, parse_weekday_key, weekday_key
from match_helpers import compare_in_event

PUB = "2025-06-13"  # a Friday


def _date_spans(text: str, lang: str, published: str | None):
    return [s for c in extract("a", text, lang, published).claims for s in c.spans if s.type == "date"]


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("The fire broke out late on Friday at the Lindqvist paper mill in Kotka.", "en", "friday"),
        ("Le feu s'est déclaré jeudi soir à l'usine Lindqvist de Kotka.", "fr", "thursday"),
        ("Die Schüsse fielen am späten Montagabend vor dem Rathaus von Linz.", "de", "monday"),
        ("Le poste a été attaqué dans la nuit de samedi à dimanche près de Kayes.", "fr", "saturday/sunday"),
    ],
)
def test_an_unresolved_weekday_keeps_its_name(text, lang, key):
    spans = _date_spans(text, lang, None)
    assert [(s.resolved, s.key) for s in spans] == [(None, key)]


def test_a_resolved_weekday_keeps_its_name_too():
    spans = _date_spans("The fire broke out late on Thursday at the Lindqvist paper mill in Kotka.", "en", PUB)
    assert [(s.resolved, s.key) for s in spans] == [("2025-06-12", "thursday")]


def test_a_weekday_stated_with_the_wrong_month_shows_the_slip():
    # 14 October 2025 is a Tuesday, 14 September 2025 a Sunday: "martedì 14 settembre" is a slip
    got = compare_in_event(
        "Il crollo del viadotto di Brenna è avvenuto martedì 14 settembre, poco dopo le 18.", "it", "2025-10-15",
        "Au moins sept personnes sont mortes dans l'effondrement du viaduc de Brenna, mardi 14 octobre.", "fr",
        "2025-10-15",
    )
    assert got is not None and got.kind == "contradiction" and got.ctype == "date", got
    assert any("the weekday stated, Tuesday, fits 2025-10-14" in r for r in got.reasons), got.reasons


def test_a_weekday_that_fits_its_own_date_shows_no_slip():
    # two months' meetings on the 14th, each weekday right: nothing tells one of them is wrong
    got = compare_in_event(
        "Il consiglio comunale di Brenna si è riunito martedì 14 ottobre per il bilancio.", "it", "2025-10-15",
        "Le conseil municipal de Brenna s'est réuni dimanche 14 septembre pour le budget.", "fr", "2025-10-15",
    )
    assert got is None or got.kind != "contradiction" or not any("weekday stated" in r for r in got.reasons), got


@given(st.integers(0, 6), st.one_of(st.none(), st.integers(0, 6)), st.sampled_from(["weekday", "night"]))
def test_weekday_keys_round_trip(wd, wd2, kind):
    key = weekday_key(DateCand(0, 1, kind, wd=wd, wd2=wd2))
    days, night = parse_weekday_key(key)
    assert days[0] == wd and night == (kind == "night")
    if night:
        assert len(days) == 2 and days[1] != wd


@pytest.mark.parametrize("key", [None, "", "2025-06-12", "friday/", "fri", "thursday/friday/saturday"])
def test_other_keys_are_no_weekdays(key):
    assert parse_weekday_key(key) is None


def test_a_bare_weekday_against_a_resolved_day_of_another_weekday_conflicts():
    # Thursday evening (2025-06-12) in the dated article, Friday in the undated one
    got = compare_in_event(
        "Le feu s'est déclaré jeudi soir dans un entrepôt de l'usine Lindqvist, dans le port de Kotka.", "fr", PUB,
        "The fire broke out late on Friday in a warehouse of the Lindqvist mill in the port of Kotka.", "en", None,
    )
    assert got is not None and got.kind == "contradiction" and got.ctype == "date", got
    assert any("weekdays differ" in r and "Thursday" in r for r in got.reasons), got.reasons


def test_a_bare_weekday_matching_the_resolved_day_is_no_conflict():
    got = compare_in_event(
        "Le feu s'est déclaré jeudi soir dans un entrepôt de l'usine Lindqvist, dans le port de Kotka.", "fr", PUB,
        "The fire broke out late on Thursday in a warehouse of the Lindqvist mill in the port of Kotka.", "en", None,
    )
    assert got is not None and got.kind == "match", got


def test_two_bare_weekdays_that_differ_conflict():
    got = compare_in_event(
        "Gunmen attacked the army post at Kayes on Friday night, killing nine soldiers.", "en", None,
        "Des hommes armés ont attaqué le poste de l'armée à Kayes samedi soir, tuant neuf soldats.", "fr", None,
    )
    assert got is not None and got.kind == "contradiction" and got.ctype == "date", got


def test_a_night_covers_the_day_after_it():
    # "the night of Friday to Saturday" and "Saturday" may be the same time (the early hours)
    got = compare_in_event(
        "Gunmen attacked the army post at Kayes on Saturday, killing nine soldiers.", "en", None,
        "Des hommes armés ont attaqué le poste de l'armée à Kayes dans la nuit de vendredi à samedi, tuant neuf soldats.",
        "fr", None,
    )
    assert got is None or got.kind != "contradiction", got


def test_two_nights_beginning_on_different_evenings_conflict():
    got = compare_in_event(
        "Gunmen attacked the army post at Kayes in the night of Friday to Saturday, killing nine soldiers.", "en", None,
        "Des hommes armés ont attaqué le poste de l'armée à Kayes dans la nuit de samedi à dimanche, tuant neuf soldats.",
        "fr", None,
    )
    assert got is not None and got.kind == "contradiction" and got.ctype == "date", got


def test_weekdays_of_two_happenings_are_no_conflict():
    # an election on Sunday and a protest on Tuesday: nothing ties the two days to one happening
    got = compare_in_event(
        "Voters in Moldova went to the polls on Sunday in a tense parliamentary election.", "en", None,
        "Des milliers de manifestants ont défilé mardi à Chisinau contre la hausse des prix.", "fr", None,
    )
    assert got is None or got.kind != "contradiction", got


@pytest.mark.parametrize(
    ("text_a", "lang_a", "text_b", "lang_b"),
    [
        ("Mount Kelan erupted early on Sunday, sending ash over the valley.", "en",
         "El volcán Kelan entró en erupción en la madrugada del sábado, según el instituto.", "es"),
        ("Le Boeing de la Baltair a raté son atterrissage mardi soir à Riga.", "fr",
         "The Baltair Boeing overran the runway on landing in Riga on Monday evening.", "en"),
    ],
)
def test_new_happenings_date_one_event(text_a, lang_a, text_b, lang_b):
    # an eruption and a landing are happenings: two days for one of them in one event disagree
    got = compare_in_event(text_a, lang_a, PUB, text_b, lang_b, PUB)
    assert got is not None and got.kind == "contradiction" and got.ctype == "date", got
