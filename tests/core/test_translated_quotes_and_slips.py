"""A quote translated into another language, figures both claims state, reprisals, German
short dates and a month slip between articles that fall in two events. Texts written for these
tests."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factdesk.core.extract import extract
from factdesk.core.extract.dates import find_dates
from factdesk.core.matching.anchors import _told_days
from factdesk.core.matching.compare import _cognate_dice
from match_helpers import event_verdict

SEP_29 = "2025-09-29"


def verdict(text_a: str, lang_a: str, text_b: str, lang_b: str, published: str = SEP_29):
    """:func:`event_verdict`, published on 29 September 2025 unless told."""
    return event_verdict(text_a, lang_a, text_b, lang_b, published)


def test_cognates_pair_the_words_of_a_translated_quote():
    # "concessions"/"concesiones", "territorial"/"territoriales", "vienna"/"viena"; "now" has none
    got = _cognate_dice("concessions now territorial vienna", "ahora concesiones territoriales viena")
    assert got == pytest.approx(0.75)
    # words that merely begin alike are not cognates: "government" / "governor"
    assert _cognate_dice("government said", "governor dijo") == 0.0


@given(st.lists(st.text("abcdefgh", min_size=1, max_size=9), min_size=1, max_size=8),
       st.lists(st.text("abcdefgh", min_size=1, max_size=9), min_size=1, max_size=8))
def test_cognate_similarity_is_a_share(xs, ys):
    a, b = " ".join(xs), " ".join(ys)
    got = _cognate_dice(a, b)
    assert 0.0 <= got <= 1.0
    assert _cognate_dice(a, a) == 1.0


@pytest.mark.parametrize(("text_a", "lang_a", "text_b", "lang_b"), [
    ('"There will be no territorial concessions, not now and not in Lisbon," Ardavan Keshi said.', "en",
     '"No habrá concesiones territoriales, ni ahora ni en Lisboa", afirmó el portavoz Pável Strnad.', "es"),
    ('"We are closer to peace than at any moment in the past four years," minister Andrej Kovalin told reporters.', "en",
     "« Nous sommes plus proches de la paix qu'à aucun moment depuis quatre ans », a affirmé la présidente Mirela Sandu.", "fr"),
])
def test_a_translated_quote_credited_to_two_people_is_an_attribution_conflict(text_a, lang_a, text_b, lang_b):
    kind, got = verdict(text_a, lang_a, text_b, lang_b)
    assert kind == ("contradiction", "attribution"), got


def test_a_translated_quote_by_the_same_person_is_a_link():
    kind, got = verdict(
        '"There will be no territorial concessions, not now and not in Lisbon," Pável Strnad said.', "en",
        '"No habrá concesiones territoriales, ni ahora ni en Lisboa", afirmó Pável Strnad.', "es",
    )
    assert kind == ("match", None), got


def test_figures_both_claims_state_are_not_set_against_each_other():
    # "six crew" goes unclassified, "sei membri" counts people: 168 against 6 is a cross-pairing
    on_board = "The aircraft carried 168 passengers and six crew, the airport operator said."
    kind, got = verdict(on_board, "en", "A bordo c'erano 168 passeggeri e sei membri dell'equipaggio.", "it")
    assert kind == ("match", None), got
    # a count that differs still does
    kind, got = verdict(on_board, "en", "A bordo c'erano 172 passeggeri e sei membri dell'equipaggio.", "it")
    assert kind == ("contradiction", "quantity"), got


def test_a_reprisal_and_the_attack_it_answers_are_two_dates():
    strikes = ("Les États-Unis ont mené jeudi soir une série de frappes aériennes contre des milices dans l'est "
               "de la Syrie, en représailles à une attaque de drone contre la base d'Al-Tanf.")
    attack = "The raids followed Tuesday's drone attack on the Al-Tanf base in Syria, in which nine US soldiers were hurt."
    kind, got = verdict(strikes, "fr", attack, "en", "2025-03-15")
    assert kind is None or kind[0] != "contradiction", got
    # the strikes given two days still disagree
    other = "The United States carried out air strikes late on Friday against militias in eastern Syria, near the Al-Tanf base."
    kind, got = verdict(strikes, "fr", other, "en", "2025-03-15")
    assert kind == ("contradiction", "date"), got


@pytest.mark.parametrize(("text", "want"), [
    ("Bei der Wahl am Sonntag (28.9.) wurde die Opposition stärkste Kraft.", [(9, 28)]),
    ("Die Sitzung ist für den 3.11. angesetzt.", [(11, 3)]),
    ("Die Inflation lag zuletzt bei 2,8 Prozent.", []),
    ("Version 3.45.1 wurde veröffentlicht.", []),
    ("Am 31.2. war nichts los.", []),  # no 31 February
])
def test_german_short_dates(text, want):
    got = [(c.m, c.d) for c in find_dates(text, "de") if c.kind == "daymonth"]
    assert got == want


def test_short_dotted_dates_are_german_only():
    # in English "rose to 28.8." ends a sentence on a decimal
    assert [c for c in find_dates("Inflation rose to 28.8.", "en") if c.kind == "daymonth"] == []


def test_a_weekday_wrong_for_its_date_points_to_the_days_it_fits():
    from datetime import date

    # 21 July 2024 is a Sunday; "sabato 21 luglio" fits the 21st of months where it is a Saturday
    days = _told_days(date(2024, 7, 21).toordinal(), 5)
    assert "2025-06-21" in days and "2024-09-21" in days
    assert all(date.fromisoformat(d).weekday() == 5 and d.endswith("-21") for d in days)


def test_a_month_slip_is_found_across_two_events():
    # the Italian article dates the crush a month late, so its claims fall in an event of their own;
    # the weekday it states is the other articles' day, which brings the two claims together
    from factdesk.core.pipeline import import_paths
    from factdesk.core.store import open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "a").mkdir()
        (root / "a" / "calca_it.txt").write_text(
            "date 2025-06\n\nCalca al festival di Rovena: 12 morti\n\n"
            "La tragedia è avvenuta sabato 21 luglio, poco dopo le 23, mentre il cantante saliva sul palco principale "
            "del festival di Rovena.\n", encoding="utf-8")
        (root / "a" / "bousculade_fr.txt").write_text(
            "Publié le 22/06/2025\n\nBousculade meurtrière au festival de Rovena\n\n"
            "Le drame s'est produit samedi 21 juin, vers 23h10, au moment où la tête d'affiche montait sur la scène "
            "principale du festival de Rovena.\n", encoding="utf-8")
        ws = open_workspace(root / "ws")
        try:
            import_paths(ws, [root / "a"], jobs=1)
            kinds = [(s["kind"], s.get("ctype")) for s in ws.suggestions()]
        finally:
            ws.close()
    assert ("contradiction", "date") in kinds, kinds


def test_a_weekday_before_its_day_states_that_days_weekday():
    # 28 August 2025 is a Thursday: "am Sonntag (28.8.)" states a Sunday, which fits 28 September
    kind, got = verdict(
        "Bei der Parlamentswahl in Velmarien am Sonntag (28.8.) wurde die Bürgerunion stärkste Kraft.", "de",
        "The Civic Union came first in Velmaria's parliamentary election, held on Sunday, 28 September.", "en",
    )
    assert kind == ("contradiction", "date"), got
    assert any("fits 2025-09-28" in r for r in got.reasons), got.reasons


@pytest.mark.parametrize(("text", "lang"), [
    ("Damit erhält sie 54 der 150 Sitze im Parlament.", "de"),
    ("De Burgerunie krijgt 54 van de 150 zetels.", "nl"),
    ("The Civic Union will have 54 of the 150 seats.", "en"),
])
def test_a_share_of_a_whole_counts_what_the_whole_counts(text, lang):
    spans = [s for c in extract("a", text, lang, SEP_29).claims for s in c.spans if s.type == "quantity"]
    assert [(s.value, s.kind) for s in spans] == [(54.0, "seats"), (150.0, "seats")]


SDP_41 = "The Social Democrats of Mira Delic won 24.6% of the vote and 41 seats in the election."


@pytest.mark.parametrize(("text_fr", "want"), [
    ("Les Verts-Gauche de Jana Horvat obtiennent 8,3 % des voix et 13 sièges lors des élections.", None),
    # one party's seats given twice still disagree
    ("Les sociaux-démocrates de Mira Delic obtiennent 24,6 % des voix et 44 sièges lors des élections.",
     ("contradiction", "quantity")),
])
def test_two_parties_seats_are_not_one_figure(text_fr, want):
    kind, got = verdict(SDP_41, "en", text_fr, "fr")
    assert kind == want or (want is None and kind != ("contradiction", "quantity")), got


def test_a_change_beside_the_same_count_is_no_other_count():
    # "41 seats" on both sides; "a loss of eleven seats" is what changed, not a rival figure
    kind, got = verdict(
        "The Social Democrats of Mira Delic came second with 41 seats, a loss of eleven seats.", "en",
        "Die Sozialdemokraten von Mira Delic erhielten 41 Mandate.", "de",
    )
    assert kind == ("match", None), got
