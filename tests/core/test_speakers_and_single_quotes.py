"""Who a quote is credited to, speech in single quotes, and scores that do not depend on the order
of a set."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from match_helpers import event_verdict, first_features

from factdesk.core.extract import attribution, langdata
from factdesk.core.extract.quotes import find_quotes
from factdesk.core.matching import compare
from factdesk.core.matching.compare import _names_in, _overlap


def _speakers(text: str, lang: str) -> list[tuple[str, str | None]]:
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    return [(c.source, c.person) for c in attribution.find_attributions(text, langdata.get(lang), quotes)
            if c.role == "source" and not c.pronoun]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # an age set off by commas between the name and the verb
        ('"We will reopen the line by Friday," Corvale Rail chief executive Anna Brückner, 58, told reporters.',
         "en", "Anna Brückner"),
        ("« Nous rouvrirons la ligne vendredi », Anna Brückner, 58 ans, a-t-elle dit.", "fr", None),
        # the body first, then the role, then the person: the person speaks
        ("Ostwind Logistics spokeswoman Mira Hallberg said the depot would stay shut.", "en", "Mira Hallberg"),
        # a name with a lower-case link
        ("« Aucun argent n'a changé de mains », a déclaré l'émir Faisal bin Rashid dans un communiqué.",
         "fr", "Faisal bin Rashid"),
        # a full name, then "van" and a place: the mayor of the place
        ("'De stad wordt al jaren in de steek gelaten', zei burgemeester Anouk Peeters van Meerdam.",
         "nl", "Anouk Peeters"),
        # the place of the role before the holder
        ("„Wir geben niemanden auf“, sagte der Bürgermeister von Vellano, Piet Sander.", "de", "Piet Sander"),
        ('"Nobody will be left behind," said the mayor of Port Selden, Grace Okafor.', "en", "Grace Okafor"),
        ("« Personne ne sera oublié », a déclaré le maire de Port-Selden, Grace Okafor.", "fr", "Grace Okafor"),
        # Italian regional offices are titles
        ("«Non lasceremo sola la valle», ha detto l'assessora regionale ai Trasporti, Chiara Bellandi.",
         "it", "Chiara Bellandi"),
    ],
)
def test_the_person_who_speaks_is_the_source(text, lang, speaker):
    got = _speakers(text, lang)
    if speaker is None:
        assert all(s != "journalistes" for s, _ in got), got
        return
    assert (speaker, speaker) in got or any(p == speaker for _, p in got), got


def test_a_known_body_before_its_spokesman_keeps_the_credit():
    got = _speakers("Pentagon spokesman John Kirby said the strikes were over.", "en")
    assert got == [("Pentagon", "John Kirby")]


@pytest.mark.parametrize(
    "text, quote",
    [
        ("'De stad is jarenlang gebruikt en nu laten ze haar vallen', zei de burgemeester.",
         "'De stad is jarenlang gebruikt en nu laten ze haar vallen'"),
        ("‘We will not stop until every last man is out,’ the chief executive said.",
         "‘We will not stop until every last man is out,’"),
        ("The workers' union called it 'a betrayal of the whole valley' on Monday.",
         "'a betrayal of the whole valley'"),
    ],
)
def test_speech_in_single_quotes_is_a_quote(text, quote):
    got = [text[q.start:q.end] for q in find_quotes(text)]
    assert got == [quote]


@pytest.mark.parametrize(
    "text",
    [
        "L'armée a dit qu'il n'y aurait pas d'autre frappe aujourd'hui.",
        "The workers' union and the drivers' association met on Monday.",
        "Het bleef 's avonds en 's nachts onrustig in 't centrum van de stad.",
        "Officials called the plan 'unacceptable' on Monday.",  # a scare quote is left alone
        "It's the 'best' deal, the union's leaders' view is clear.",
    ],
)
def test_apostrophes_are_no_quotes(text):
    assert find_quotes(text) == []


@given(st.text(alphabet=st.sampled_from(list("ab '’‘\".,«»")), max_size=40))
def test_single_quotes_are_spans_inside_the_text(text):
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.words >= 1


def test_a_name_is_found_as_whole_words():
    assert _names_in("said", "khalid al-mansouri, said in a statement") is True  # the word "said"
    assert not _names_in("said", "khalid al-mansouri, saidi in a statement")
    assert not _names_in("sai", "khalid said")
    assert _names_in("carlos mendes", "le maire, carlos mendes.")


def test_a_name_read_inside_a_verb_is_no_mention_of_the_speaker():
    # "Saïd" folds to "said": the English claim does not name him
    got, _ = event_verdict(
        '"This was a purely humanitarian mediation, and no money changed hands," Velmora\'s foreign'
        " minister, Karim Dastani, said in a statement.", "en",
        "« Il s'agissait d'une médiation purement humanitaire, et aucun argent n'a changé de mains »,"
        " a déclaré l'émir Saïd ben Hamad dans un communiqué.", "fr", "2026-04-08")
    assert got == ("contradiction", "attribution")


EN = '"We will not rest until every family has a roof over its head again," Vantara Foundation director Lara Benedetti told reporters.'
ES = "«No descansaremos hasta que cada familia vuelva a tener un techo sobre su cabeza», afirmó el alcalde de Porto Vello, Carlos Mendes."


def test_a_translated_quote_credited_to_two_people_in_one_event_is_a_contradiction():
    got, sug = event_verdict(EN, "en", ES, "es", "2026-04-08")
    assert got == ("contradiction", "attribution")
    assert "credited to Lara Benedetti vs Carlos Mendes" in sug.reasons


def test_the_same_quotes_outside_an_event_need_more_in_common():
    fa = first_features(EN, "en", "2026-04-08")
    fb = first_features(ES, "es", "2026-04-08", 1)
    same = compare._sameness(fa, fb, None)
    assert compare.EVENT_QUOTE_SIM <= same.quote < compare.ATTRIBUTION_QUOTE
    assert same.core < compare.ATTRIBUTION_MIN
    got = compare.compare_deferred(fa, fb, None)
    assert got is None or got[0].kind != "contradiction"


def test_overlap_does_not_depend_on_the_order_of_the_keys():
    weights = {"a": 0.1, "b": 0.2, "c": 0.3, "d": 0.7}
    forward = dict(weights)
    backward = dict(reversed(list(weights.items())))
    # summed plainly (before Python 3.12), 0.1 + 0.2 + 0.3 and 0.3 + 0.2 + 0.1 differ in the last bit
    other = {"a": 0.1, "b": 0.2, "c": 0.3, "e": 1.0}
    one = _overlap(forward, math.fsum(forward.values()), other, math.fsum(other.values()), 0.0)[0]
    two = _overlap(backward, math.fsum(backward.values()), other, math.fsum(other.values()), 0.0)[0]
    assert one == two


@pytest.mark.parametrize(
    "text, lang, of",
    [
        ("Le dépôt abritait environ 25 tonnes de chlore dans trois cuves.", "fr", "chlore"),
        ("In dem Lager befanden sich rund 25 Tonnen Chlor.", "de", "chlor"),
        ("The hostages spent 212 days in captivity.", "en", "captivity"),
        ("Les otages ont passé 212 jours de captivité.", "fr", "captivite"),
        ("The fire burned 5 km from the town.", "en", None),  # a common word
        ("Some 25 tonnes were seized.", "en", None),
    ],
)
def test_a_measure_knows_what_it_measures(text, lang, of):
    f = first_features(text, lang, "2026-05-02")
    assert [q.of for q in f.quantities if q.kind in ("mass", "duration", "distance")] == [of]


def test_the_same_measure_of_the_same_thing_ties_two_claims_of_one_event():
    fr = "Le dépôt abritait environ 25 tonnes de chlore, un gaz toxique, dans trois cuves."
    _, same_thing = event_verdict(fr, "fr", "In dem Lager befanden sich rund 25 Tonnen Chlor in drei Behältern.", "de", "2026-05-02")
    _, other_thing = event_verdict(fr, "fr", "In dem Lager befanden sich rund 25 Tonnen Diesel in drei Behältern.", "de", "2026-05-02")
    assert same_thing.kind == other_thing.kind == "match"
    assert same_thing.score >= other_thing.score + 0.05


def test_a_sentence_telling_the_minute_something_happened_is_a_claim():
    from factdesk.core.extract import extract

    text = "The explosion occurred at about 9:15 p.m. near the old harbour.\n\nUpdated 9:15 p.m.\n"
    assert [c.text for c in extract("a", text, "en", "2026-05-02").claims] == [
        "The explosion occurred at about 9:15 p.m. near the old harbour."
    ]


def test_the_same_happening_at_the_same_minute_is_one_fact():
    en = "The explosion occurred at about 9:15 p.m. near the old harbour."
    got, sug = event_verdict(en, "en", "L'explosion s'est produite vers 21h15, alors que le quartier était animé.",
                             "fr", "2026-05-02")
    assert got == ("match", None) and "same time 21:15" in sug.reasons
    # the same minute for something else that happened then is not enough
    got, _ = event_verdict(en, "en", "Les secours sont arrivés vers 21h15, alors que le quartier était animé.",
                           "fr", "2026-05-02")
    assert got is None


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # verbs of speech that only say so right after a quote
        ("« Ce gouvernement a perdu sa majorité », a lancé le chef des Verts, Anna Morel, sous les applaudissements.",
         "fr", "Anna Morel"),
        ('"We will win this," Voskova shouted.', "en", "Voskova"),
        # a relative clause between the speaker and the verb
        ('"This government has lost its majority," Voskova, who leads the Social Democrats, said before the vote.',
         "en", "Voskova"),
        ("« Ce gouvernement a perdu sa majorité », Loukitch, qui dirige l'Union agrarienne, a déclaré.", "fr", "Loukitch"),
    ],
)
def test_speakers_after_a_quote(text, lang, speaker):
    assert speaker in [s for s, _ in _speakers(text, lang)], _speakers(text, lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("L'armée a lancé une offensive contre la milice dans le nord.", "fr"),
        ("Aujourd'hui l'État a lancé un plan de soutien aux agriculteurs.", "fr"),
        ("The crowd shouted slogans against the government.", "en"),
    ],
)
def test_those_verbs_say_nothing_without_a_quote(text, lang):
    assert _speakers(text, lang) == []


def test_one_figure_of_one_event_credited_to_two_ministries_is_a_contradiction():
    got, sug = event_verdict(
        "Selon le ministère arvadien de l'Intérieur, 14 cibles ont été frappées, dont des dépôts d'armes.", "fr",
        "Arvadia's Defence Ministry said in a statement that its forces had struck 14 targets belonging to the"
        " militia, including weapons depots.", "en", "2026-03-06")
    assert got == ("contradiction", "attribution"), sug
    # two figures that differ are a quantity matter, and one ministry is no disagreement
    got, _ = event_verdict(
        "Selon le ministère arvadien de la Défense, 14 cibles ont été frappées, dont des dépôts d'armes.", "fr",
        "Arvadia's Defence Ministry said in a statement that its forces had struck 14 targets belonging to the"
        " militia, including weapons depots.", "en", "2026-03-06")
    assert got == ("match", None)


@pytest.mark.parametrize(
    "text, lang, speaker, conduit",
    [
        ("« La sécurité des patients passe avant tout », a déclaré à l'AFP le ministre fédéral de la Santé,"
         " Marc Delvaux, qui s'est rendu mardi soir sur le site.", "fr", "Marc Delvaux", "AFP"),
        ("«Das Volk hat klar entschieden», sagte der Präsident des Mieterverbands, Andrea Keller.", "de",
         "Andrea Keller", None),
        ("«È troppo presto per dirlo», ha dichiarato il presidente dell'Enac in una nota diffusa mercoledì.", "it",
         "Enac", None),
    ],
)
def test_speakers_with_a_conduit_a_genitive_or_an_elided_preposition(text, lang, speaker, conduit):
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    got = attribution.find_attributions(text, langdata.get(lang), quotes)
    assert speaker in [c.source for c in got if c.role == "source"], [(c.source, c.role) for c in got]
    assert [c.source for c in got if c.role == "conduit"] == ([conduit] if conduit else [])


def test_a_name_after_an_elided_italian_preposition_is_a_name():
    from factdesk.core.extract import extract

    claim = extract("a", "Il volo è stato sospeso su richiesta dell'Enac e dell'Onu, secondo la compagnia.",
                    "it", "2025-05-07").claims[0]
    assert {s.text for s in claim.spans if s.type == "entity"} >= {"Enac", "Onu"}


def test_a_short_quote_kept_whole_in_one_event_credited_to_two_people():
    import dataclasses

    en = '"Without us, nobody can govern this country," Homeland Alliance leader Bojan Rastić said after the vote.'
    fr = "« Sans nous, personne ne pourra gouverner ce pays », a lancé Milena Juritch, numéro deux du parti, après le vote."
    fa, fb = first_features(en, "en", "2026-09-01"), first_features(fr, "fr", "2026-09-01", 1)
    same = compare._sameness(fa, fb, None)
    assert same.quote >= compare.SHORT_QUOTE_SIM and same.quote_size == 3
    qv = compare.compare_quantities(fa, fb)
    # as much in common as the two claims had where this was found: below what a short quote needs
    # outside one event, enough within one
    middle = dataclasses.replace(same, core=(compare.EVENT_SHORT_QUOTE_MIN + compare.ATTRIBUTION_MIN) / 2)
    got = compare._attribution_conflict(fa, fb, middle, qv, False, True)
    assert got is not None and "credited to Bojan Rastić vs Milena Juritch" in got[1]
    assert compare._attribution_conflict(fa, fb, middle, qv, False, False) is None
    low = dataclasses.replace(same, core=compare.EVENT_SHORT_QUOTE_MIN - 0.05)
    assert compare._attribution_conflict(fa, fb, low, qv, False, True) is None


def test_a_dimension_of_one_thing_given_twice_is_a_contradiction():
    fr = "La galerie où travaillaient les mineurs se trouve à 580 mètres de profondeur."
    got, sug = event_verdict(fr, "fr", "Die Eingeschlossenen befinden sich in einem Stollen in rund 720 Metern Tiefe.",
                             "de", "2026-03-12")
    assert got == ("contradiction", "quantity"), sug
    assert "distance: 0.58 km vs about 0.72 km" in sug.reasons
    got, _ = event_verdict(fr, "fr", "De mannen zaten in een gang op 580 meter diepte.", "nl", "2026-03-12")
    assert got == ("match", None)
    # a length of something else is no depth
    got, _ = event_verdict(fr, "fr", "Les secours ont dû creuser un tunnel de 720 mètres de longueur.", "fr", "2026-03-12")
    assert got != ("contradiction", "quantity")
