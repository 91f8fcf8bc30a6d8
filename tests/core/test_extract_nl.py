"""Dutch: the language file ``nl.json`` with the shared extraction and matching code.
Texts written for these tests."""

from __future__ import annotations

import pytest

from factdesk.core.extract import extract, split_sentences
from factdesk.core.extract import langdata
from factdesk.core.matching import build_features, compare_claims
from factdesk.core.matching.compare import crowd_side, indicator

NL = [
    # quantities: sentence, span, value, kind, qualifier
    ("q", "Bij de aanval kwamen ten minste 18 mensen om het leven.", "18", 18, "killed", "at_least"),
    ("q", "Het leger telde achttien doden in het dorp.", "achttien", 18, "killed", None),
    ("q", "Er werden meer dan 125 raketten afgevuurd op het noorden van het land.", "125", 125, "rockets", "more_than"),
    ("q", "De schade aan de haven wordt geschat op 3,5 miljoen euro.", "3,5 miljoen", 3500000, "money", None),
    ("q", "Bijna 40 passagiers raakten gewond toen de bus kantelde.", "40", 40, "wounded", "about"),
    ("q", "Zo'n 300 vluchten werden maandag geschrapt.", "300", 300, "aircraft", "about"),
    ("q", "Ongeveer 2.000 bewoners moesten hun huis verlaten.", "2.000", 2000, "displaced", "about"),
    ("q", "De politie heeft vijfentwintig verdachten aangehouden.", "vijfentwintig", 25, "arrests", None),
    ("q", "Circa 12.000 liter diesel liep in het water.", "12.000", 12000, "volume", "about"),
    ("q", "Tot 500 militairen worden naar de grens gestuurd.", "500", 500, "soldiers", "up_to"),
    ("q", "Het dodental is opgelopen tot 37.", "37", 37, "other", "exactly"),
    ("q", "In de nacht vielen tientallen drones aan.", "tientallen", 10, "drones", "more_than"),
    ("q", "De 65-jarige bestuurder overleed ter plaatse.", "65-jarige", 65, "age", None),
    ("q", "De man is 65 jaar oud.", "65", 65, "age", None),
    ("q", "Hij kreeg zeven jaar en zes maanden cel.", "zeven jaar en zes maanden", 7.5, "duration", None),
    ("nq", "Vlucht 714 landde veilig op de luchthaven.", "714"),
    # dates: sentence, publication, span, resolved
    ("d", "De aanval vond plaats op vrijdag 2 februari.", "2024-02-06", "op vrijdag 2 februari", "2024-02-02"),
    ("d", "De verkiezingen werden op 2 februari 2024 gehouden.", None, "op 2 februari 2024", "2024-02-02"),
    ("d", "Afgelopen vrijdag werden twee verdachten opgepakt.", "2024-02-06", "Afgelopen vrijdag", "2024-02-02"),
    ("d", "Het kabinet neemt uiterlijk donderdag een besluit.", "2024-02-06", "donderdag", "2024-02-08"),
    ("d", "Gisteren kwam de Veiligheidsraad bijeen.", "2024-02-06", "Gisteren", "2024-02-05"),
    ("d", "Vorige week werden de grenzen gesloten.", "2024-02-06", "Vorige week", "2024-01-29/2024-02-04"),
    ("d", "De oude brug stortte in mei in.", "2024-06-10", "in mei", "2024-05"),
    ("d", "Begin maart wordt het rapport verwacht.", "2024-05-10", "Begin maart", "2024-03-01/2024-03-10"),
    ("d", "In de nacht van zaterdag op zondag vielen de raketten.", "2024-02-06",
     "In de nacht van zaterdag op zondag", "2024-02-03/2024-02-04"),
    # attributions and quotes
    ("a", "Volgens het ministerie van Defensie zijn drie militairen gewond geraakt.", "ministry:defense"),
    ("a", "Bij de beving kwamen 14 mensen om, meldde het ministerie van Volksgezondheid.", "ministry:health"),
    ("a", "Het dodental staat op 37, aldus de Verenigde Naties.", "un"),
    ("quote", "„We zullen hierop antwoorden op een moment dat wij kiezen”, zei minister Ruben Brekelmans.",
     "Ruben Brekelmans"),
    ("quote", "„Niemand van ons heeft iets gehoord”, zegt Peter van der Berg, een van de bewoners.",
     "Peter van der Berg"),
    # entities
    ("e", "Drie Amerikaanse militairen kwamen om in Jordanië.", "Amerikaanse", "us"),
    ("e", "De Verenigde Staten en Duitsland sturen meer luchtafweer naar Oekraïne.", "Verenigde Staten", "us"),
    ("e", "De Verenigde Staten en Duitsland sturen meer luchtafweer naar Oekraïne.", "Duitsland", "germany"),
    ("e", "De Britse premier sprak met de Turkse president.", "Turkse", "turkey"),
    ("e", "De NAVO en de Europese Unie veroordeelden de aanval.", "NAVO", "nato"),
    ("e", "De NAVO en de Europese Unie veroordeelden de aanval.", "Europese Unie", "eu"),
    ("q", "Bij de beving zijn zeker 41 mensen omgekomen.", "41", 41, "killed", "at_least"),
    ("ne", "Meer dan 300 mensen demonstreerden.", "Meer"),
    ("ne", "Tientallen mensen raakten gewond.", "Tientallen"),
    ("split", "Dhr. Jansen bleef thuis. Het regende die dag 30 mm.", 2),
]


@pytest.mark.parametrize("case", NL, ids=[f"{c[0]}-{i}" for i, c in enumerate(NL)])
def test_dutch_case(case, check):
    check(case, "nl")


def test_dutch_is_a_language_with_data():
    assert "nl" in langdata.available_languages()
    text = ("Bij een drone-aanval op een basis in het noorden van het land zijn zondag drie militairen om het leven "
            "gekomen. Dat heeft het ministerie van Defensie bekendgemaakt.")
    assert langdata.detect_language(text) == "nl"
    res = extract("x", text, None, "2024-01-29")
    assert res.language == "nl"
    q = res.claims[0].spans_of("quantity")[0]
    assert (q.value, q.kind) == (3, "killed")
    # the Dutch function words do not take other languages' texts
    assert langdata.detect_language("Die Polizei hat in der Nacht zum Sonntag mehrere Personen festgenommen.") == "de"
    assert langdata.detect_language("Three soldiers were killed in the attack on the base, the ministry said.") == "en"
    assert langdata.detect_language("Les forces ont frappé plus de 85 cibles en Irak et en Syrie, selon le Pentagone.") == "fr"


def test_agency_and_furniture_lines_are_boilerplate():
    text = ("Raketaanval op haven van Odesa\n"
            "(ANP)\n"
            "Bij een raketaanval op de haven van Odesa zijn vrijdag vier mensen omgekomen.\n"
            "Lees ook: Oekraïne vraagt om meer luchtafweer\n"
            "Bron: ANP\n")
    kinds = {s.text: s.kind for s in split_sentences(text, "nl")}
    assert kinds["(ANP)"] == "boilerplate"
    assert kinds["Bron: ANP"] == "boilerplate"
    assert kinds["Lees ook: Oekraïne vraagt om meer luchtafweer"] == "boilerplate"
    assert kinds["Bij een raketaanval op de haven van Odesa zijn vrijdag vier mensen omgekomen."] == "text"
    claims = extract("x", text, "nl", "2024-02-06").claims
    assert not any("ANP" in c.text for c in claims)


def test_pronoun_after_the_verb_takes_the_earlier_speaker():
    text = ("Minister Caspar Veldkamp bezocht maandag Kiev. "
            "„Dit is een aanval op ons allemaal en daar zwijgen we niet over”, zei hij.")
    quotes = [s for c in extract("x", text, "nl", "2024-02-06").claims for s in c.spans_of("quote")]
    assert quotes and quotes[0].speaker == "Caspar Veldkamp"


def _claim(text: str, lang: str, published: str):
    return extract("art-" + lang, text, lang, published).claims[0]


def _toll(claim) -> tuple[float, str, str | None]:
    q = claim.spans_of("quantity")[0]
    return q.value, q.kind, q.qualifier


def test_dutch_and_english_claims_of_the_same_fact_are_linked():
    nl = _claim("Bij een drone-aanval op een Amerikaanse basis in Jordanië zijn zondag drie Amerikaanse militairen "
                "om het leven gekomen.", "nl", "2024-01-29")
    assert _toll(nl) == (3, "killed", None)
    en = _claim("Three US soldiers were killed in a drone attack on a base in Jordan on Sunday, officials said.",
                "en", "2024-01-29")
    got = compare_claims(nl, en, published_a="2024-01-29", published_b="2024-01-29")
    assert got is not None and got.kind == "match", got
    assert any("killed: 3 in both" in r for r in got.reasons), got.reasons


def test_dutch_and_french_claims_of_the_same_toll_are_linked():
    nl = _claim("Bij de aanslag op de markt in Kaboel kwamen vrijdag 18 mensen om het leven, meldt de politie.",
                "nl", "2024-03-02")
    assert _toll(nl) == (18, "killed", None)
    fr = _claim("L'attentat contre le marché de Kaboul a fait 18 morts vendredi, selon la police.", "fr", "2024-03-02")
    got = compare_claims(nl, fr, published_a="2024-03-02", published_b="2024-03-02")
    assert got is not None and got.kind == "match", got
    assert any("killed: 18 in both" in r for r in got.reasons), got.reasons


def test_dutch_and_english_tolls_of_the_same_attack_contradict():
    nl = _claim("Bij de aanslag op de markt in Kaboel kwamen vrijdag 18 mensen om het leven, meldt de politie.",
                "nl", "2024-03-02")
    assert _toll(nl) == (18, "killed", None)
    en = _claim("Ten people were killed in the bombing at the market in Kabul on Friday, police said.",
                "en", "2024-03-02")
    got = compare_claims(nl, en, published_a="2024-03-02", published_b="2024-03-02")
    assert got is not None and got.kind == "contradiction" and got.ctype == "quantity", got
    assert any("18" in r and "10" in r for r in got.reasons), got.reasons


def _features(text: str):
    return build_features(_claim(text, "nl", "2025-03-14"), published="2025-03-14")


def test_dutch_crowd_figures_are_credited_to_their_counters():
    f = _features("In Utrecht demonstreerden 12.000 mensen volgens de politie, 40.000 volgens de vakbonden.")
    assert {q.value: crowd_side(f, q) for q in f.quantities} == {12000: "authorities", 40000: "organisers"}


def test_dutch_part_of_a_toll_and_a_wind_speed():
    f = _features("Bij de aanval vielen 18 doden, van wie vijf kinderen.")
    assert [(q.value, q.outcome, q.part) for q in f.quantities] == [(18, "killed", False), (5, "killed", True)]
    f = _features("De storm bereikte windsnelheden van 150 kilometer per uur.")
    assert [indicator(f, q) for q in f.quantities] == ["wind_speed"]
