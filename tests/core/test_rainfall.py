"""How much rain or snow fell: a depth next to rain or snow is an amount that compares across
languages, over the same span of time. Texts written for these tests."""

from __future__ import annotations

import pytest
from match_helpers import event_verdict, first_features

from factdesk.core.matching.compare import compare_quantities

PUB = "2026-10-14"


@pytest.mark.parametrize(
    "text, lang, want",
    [
        ("Nel fine settimana a Valdorso sono caduti 230 millimetri di pioggia in due giorni.", "it", ("rain fallen", "230 mm")),
        ("Il est tombé 230 mm de pluie en deux jours à Valdorso.", "fr", ("rain fallen", "230 mm")),
        ("Rainfall at Valdorso reached 9 inches in two days, the weather service said.", "en", ("rain fallen", "228.6 mm")),
        ("En Valdorso se registraron 230 milímetros de lluvia en dos días.", "es", ("rain fallen", "230 mm")),
        ("In Valdorso fielen binnen zwei Tagen 230 Millimeter Regen.", "de", ("rain fallen", "230 mm")),
        ("Up to 40 centimetres of snow fell on the passes above Valdorso overnight.", "en", ("snow fallen", "up to 40 cm")),
    ],
)
def test_a_depth_of_rain_or_snow_is_what_fell(text, lang, want):
    f = first_features(text, lang, PUB)
    assert [(q.measure, q.describe()) for q in f.quantities if q.kind == "distance"] == [want]


@pytest.mark.parametrize(
    "text, lang",
    [
        # a distance next to rain is no rainfall
        ("Heavy rain cut the road 12 kilometres north of Valdorso on Sunday.", "en"),
        # a depth of metres is a flood's, not the rain's
        ("The rain pushed the river 4 metres above its banks in Valdorso in two days.", "en"),
    ],
)
def test_other_distances_near_rain_are_not_rainfall(text, lang):
    f = first_features(text, lang, PUB)
    assert all(q.measure != "rain fallen" for q in f.quantities)


def test_different_rainfall_over_the_same_days_is_a_contradiction():
    got, s = event_verdict(
        "Nel fine settimana a Valdorso sono caduti 230 millimetri di pioggia in due giorni, secondo il servizio meteo.",
        "it",
        "Il est tombé 320 mm de pluie en deux jours à Valdorso, selon le service météorologique.",
        "fr",
        PUB,
    )
    assert got == ("contradiction", "quantity"), s and s.reasons
    assert "rain fallen: 230 mm vs 320 mm" in s.reasons


@pytest.mark.parametrize(
    "other",
    [
        "Il est tombé 230 mm de pluie en deux jours à Valdorso, selon le service météorologique.",
        # rain over another span of time
        "Il est tombé 320 mm de pluie en quatre jours à Valdorso, selon le service météorologique.",
    ],
)
def test_the_same_rainfall_or_rain_over_another_span_is_no_contradiction(other):
    got, s = event_verdict(
        "Nel fine settimana a Valdorso sono caduti 230 millimetri di pioggia in due giorni, secondo il servizio meteo.",
        "it", other, "fr", PUB,
    )
    assert got is None or got[0] != "contradiction", s.reasons


def test_the_same_rainfall_with_and_without_its_span_agrees():
    fa = first_features("Plus de 60 millimètres de pluie sont tombés sur Valdorso en quelques heures.", "fr", PUB)
    fb = first_features("Su Valdorso sono caduti più di 60 millimetri di pioggia in tre ore.", "it", PUB, order=1)
    fc = first_features("Su Valdorso sono caduti più di 90 millimetri di pioggia in tre ore.", "it", PUB, order=2)
    same, other = compare_quantities(fa, fb), compare_quantities(fa, fc)
    assert [(a.measure, b.measure) for a, b in same.agree] == [("rain fallen", "rain fallen")]
    assert not same.conflict and not other.agree and not other.conflict
