"""Crowd counts credited to opposing counters, and scheduled happenings given two dates."""

from __future__ import annotations

from factdesk.core.extract import extract
from factdesk.core.matching import build_features, compare_claims
from factdesk.core.matching.compare import crowd_side

PUB = "2025-03-14"


def _claim(lang: str, text: str, aid: str, pub: str = PUB):
    res = extract(aid, text, lang, pub)
    assert res.claims, text
    return res.claims[0]


def _pair(a, b, pub_a: str = PUB, pub_b: str = PUB):
    return compare_claims(a, b, published_a=pub_a, published_b=pub_b)


def test_crowd_sides_are_read_per_figure():
    c = _claim("fr", "À Lyon, 12 000 manifestants ont défilé selon la préfecture, 40 000 selon les syndicats.", "x")
    f = build_features(c, published=PUB)
    sides = {q.value: crowd_side(f, q) for q in f.quantities}
    assert sides == {12000: "authorities", 40000: "organisers"}, sides
    c = _claim("en", "In Lyon, police counted 12,000 marchers, while organisers said 40,000 people protested.", "y")
    f = build_features(c, published=PUB)
    assert {q.value: crowd_side(f, q) for q in f.quantities} == {12000: "authorities", 40000: "organisers"}
    c = _claim("es", "En Lyon, los sindicatos contaron 40.000 manifestantes.", "z")
    f = build_features(c, published=PUB)
    assert [crowd_side(f, q) for q in f.quantities] == ["organisers"]


def test_police_vs_unions_each_with_its_source_is_no_contradiction():
    police = _claim("en", "In Lyon, police counted 12,000 protesters at the pension march.", "a")
    unions = _claim("es", "En Lyon, los sindicatos contaron 40.000 manifestantes en la marcha contra la reforma de las pensiones.", "b")
    s = _pair(police, unions)
    assert s is None or s.kind != "contradiction", s
    assert s is None or s.kind != "match", s
    de = _claim("de", "In Lyon zählten die Veranstalter 40.000 Demonstranten beim Protest gegen die Rentenreform.", "c")
    s = _pair(police, de)
    assert s is None or s.kind != "contradiction", s


def test_bare_figure_against_another_figure_is_a_contradiction():
    bare = _claim("en", "In Lyon, 40,000 protesters marched against the pension reform on Thursday.", "a")
    police = _claim("fr", "À Lyon, 12 000 manifestants ont défilé jeudi contre la réforme des retraites selon la préfecture.", "b")
    s = _pair(bare, police)
    assert s is not None and s.kind == "contradiction" and s.ctype == "quantity", s


def test_same_counter_two_figures_is_a_contradiction():
    a = _claim("en", "In Lyon, police counted 12,000 protesters against the pension reform on Thursday.", "a")
    b = _claim("fr", "À Lyon, 18 000 manifestants ont défilé jeudi contre la réforme des retraites selon la police.", "b")
    s = _pair(a, b)
    assert s is not None and s.kind == "contradiction" and s.ctype == "quantity", s


def test_dual_source_sentence_matches_each_side():
    dual = _claim("fr", "À Lyon, 12 000 manifestants ont défilé selon la préfecture, 40 000 selon les syndicats.", "a")
    unions = _claim("es", "En Lyon, los sindicatos contaron 40.000 manifestantes.", "b")
    s = _pair(dual, unions)
    assert s is None or s.kind != "contradiction", s


def test_announced_meeting_two_dates_is_a_date_contradiction():
    a = _claim("en", "The next meeting of the Nordbank board is scheduled for April 9.", "a", "2025-03-14")
    b = _claim("fr", "La prochaine réunion du conseil de la Nordbank est prévue le 2 avril.", "b", "2025-03-14")
    s = _pair(a, b)
    assert s is not None and s.kind == "contradiction" and s.ctype == "date", s
    # looser wording: the announced-happening rule, not the near-identical-statement one
    a = _claim("en", "Nordbank said its next board meeting would take place on April 9 in Oslo.", "a", "2025-03-14")
    b = _claim("fr", "La prochaine réunion du conseil de la Nordbank aura lieu le 2 avril.", "b", "2025-03-14")
    s = _pair(a, b)
    assert s is not None and s.ctype == "date" and "announced for two dates" in s.reasons, s


def test_announced_meetings_of_different_organisations_stay_apart():
    a = _claim("en", "The next meeting of the Nordbank board is scheduled for April 9.", "a", "2025-03-14")
    b = _claim("en", "The next meeting of the Westfalia Fund board is scheduled for April 2.", "b", "2025-03-14")
    s = _pair(a, b)
    assert s is None or s.ctype != "date", s


def test_announced_meetings_months_apart_stay_apart():
    a = _claim("en", "The Nordbank board will meet on April 9 to approve the annual accounts.", "a", "2025-03-14")
    b = _claim("fr", "Le conseil de la Nordbank se réunira le 2 juillet pour fixer le dividende.", "b", "2025-06-20")
    s = _pair(a, b, "2025-03-14", "2025-06-20")
    assert s is None or s.ctype != "date", s


def test_upcoming_day_month_stays_in_the_year():
    from extract_helpers import spans

    got = [s for s in spans("The next policy meeting is scheduled for June 5.", "en", "2025-04-17", "date")]
    assert got and got[0].resolved == "2025-06-05", [s.to_dict() for s in got]
    got = [s for s in spans("La prochaine réunion est prévue le 5 juin.", "fr", "2025-04-17", "date")]
    assert got and got[0].resolved == "2025-06-05", [s.to_dict() for s in got]
    got = [s for s in spans("The flood peaked on June 5.", "en", "2025-04-17", "date")]
    assert got and got[0].resolved == "2024-06-05"
