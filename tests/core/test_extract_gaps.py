"""Role-before-name speakers, compound numbers, times of day, jobs and survivors (all six languages)."""

from __future__ import annotations

import pytest

from extract_helpers import spans

# (lang, sentence, expected source key's person text)
ROLE_NAME = [
    ("en", '"The bridge will reopen in May," said the transport minister, Helena Sousa.', "Helena Sousa"),
    ("en", '"We have enough crews," said the fire chief, Mark Delaney, on Tuesday.', "Mark Delaney"),
    ("en", "Helena Sousa, the transport minister, said the bridge would reopen.", "Helena Sousa"),
    ("en", "The harbour commander Piet Dekker said four boats were lost.", "Piet Dekker"),
    ("fr", "« Le pont rouvrira en mai », a déclaré la ministre des Transports, Hélène Sauvage.", "Hélène Sauvage"),
    ("de", "„Wir halten am Standort fest“, sagte der Finanzvorstand, Klaus Ritter.", "Klaus Ritter"),
    ("de", "„Die Lage ist stabil“, sagte die Einsatzleiterin, Petra Vogel.", "Petra Vogel"),
    ("es", "«No habrá cierres», dijo el director financiero, Tomás Ibarra.", "Tomás Ibarra"),
    ("es", "«El puente abrirá en mayo», dijo el primer ministro, Andrés Roldán.", "Andrés Roldán"),
    ("it", "«Il ponte riaprirà a maggio», ha detto il ministro dell'Interno, Carlo Benedetti.", "Carlo Benedetti"),
    ("pt", "«A ponte reabre em maio», disse o comandante, Nuno Ferreira.", "Nuno Ferreira"),
]


@pytest.mark.parametrize("lang,text,person", ROLE_NAME)
def test_role_then_name_credits_the_person(lang, text, person):
    from factdesk.core.extract import names

    atts = spans(text, lang, None, "attribution")
    assert atts, text
    assert atts[0].source == person, [a.to_dict() for a in atts]
    assert atts[0].key == names.source_key(person, lang)
    quotes = [q for q in spans(text, lang, None, "quote") if q.kind == "speech"]
    for q in quotes:
        assert q.speaker == person


def test_role_then_name_same_key_both_orders():
    a = spans('"We hold," said the prime minister, Rosa Lindqvist.', "en", None, "attribution")[0]
    b = spans("Rosa Lindqvist, the prime minister, said they would hold.", "en", None, "attribution")[0]
    assert a.key == b.key


@pytest.mark.parametrize("lang,text", [
    ("en", "According to the police, Paris saw no incidents."),
    ("en", '"It is over," said the ministry, adding that Hamas had agreed.'),
])
def test_role_comma_without_a_name_clause(lang, text):
    atts = spans(text, lang, None, "attribution")
    assert all(a.source not in ("Paris", "Hamas") for a in atts), [a.to_dict() for a in atts]


# (lang, sentence, span text, value, kind, qualifier)
NUMBERS = [
    ("en", "The judge handed him nine and a half years.", "nine and a half", 9.5, "duration", None),
    ("en", "Repairs will cost one and a half million dollars.", "one and a half million", 1_500_000, "money", "USD"),
    ("en", "Half a million people lost power.", "Half a million", 500_000, "people", None),
    ("en", "Dozens of people were hurt in the crush.", "Dozens", 12, "wounded", "more_than"),
    ("fr", "Il a écopé de neuf ans et demi de prison.", "neuf ans et demi", 9.5, "duration", None),
    ("fr", "L'amende atteint 3,5 millions d'euros.", "3,5 millions", 3_500_000, "money", "EUR"),
    ("fr", "Un demi-million de foyers sont privés de courant.", "Un demi-million", 500_000, "other", None),
    ("es", "Fue condenado a nueve años y medio de prisión.", "nueve años y medio", 9.5, "duration", None),
    ("es", "Medio millón de euros se perdieron.", "Medio millón", 500_000, "money", "EUR"),
    ("de", "Er muss für neun Jahre und sechs Monate in Haft.", "neun Jahre und sechs Monate", 9.5, "duration", None),
    ("de", "Der Schaden beträgt 3,5 Millionen Euro.", "3,5 Millionen", 3_500_000, "money", "EUR"),
    ("it", "È stato condannato a 9 anni e 6 mesi.", "9 anni e 6 mesi", 9.5, "duration", None),
    ("it", "Mezzo milione di euro è stato sequestrato.", "Mezzo milione", 500_000, "money", "EUR"),
    ("pt", "Foi condenado a nove anos e meio de prisão.", "nove anos e meio", 9.5, "duration", None),
]


@pytest.mark.parametrize("lang,text,span_text,value,kind,extra", NUMBERS)
def test_compound_numbers(lang, text, span_text, value, kind, extra):
    got = [s for s in spans(text, lang, None, "quantity") if s.text == span_text]
    assert got, [s.to_dict() for s in spans(text, lang, None, "quantity")]
    s = got[0]
    assert (s.value, s.kind) == (value, kind), s.to_dict()
    if kind == "money":
        assert s.unit == extra
    elif extra:
        assert s.qualifier == extra


def test_months_part_is_not_a_second_quantity():
    qs = spans("Er muss für neun Jahre und sechs Monate in Haft.", "de", None, "quantity")
    assert len(qs) == 1


KINDS = [
    ("en", "The carmaker will cut 1,800 jobs in Ohio.", "1,800", "jobs"),
    ("en", "Coastguards said 31 survivors were brought ashore.", "31", "rescued"),
    ("en", "Divers said 31 people were rescued from the hull.", "31", "rescued"),
    ("en", "Nine villages were evacuated as the flames spread.", "Nine", "places"),
    ("en", "Divers recovered 14 bodies from the river.", "14", "killed"),
    ("fr", "Le groupe va supprimer 1 800 emplois.", "1 800", "jobs"),
    ("fr", "Les secours ont recensé 31 rescapés.", "31", "rescued"),
    ("fr", "Neuf communes ont été évacuées.", "Neuf", "places"),
    ("fr", "Les plongeurs ont retrouvé 14 corps.", "14", "killed"),
    ("es", "La empresa eliminará unos 1.800 empleos.", "1.800", "jobs"),
    ("es", "Hay 31 supervivientes según los bomberos.", "31", "rescued"),
    ("es", "Nueve pueblos fueron evacuados.", "Nueve", "places"),
    ("es", "Los buzos recuperaron 14 cadáveres.", "14", "killed"),
    ("de", "Der Konzern streicht 1800 Stellen.", "1800", "jobs"),
    ("de", "Die Retter fanden 31 Überlebende.", "31", "rescued"),
    ("de", "Taucher bargen 14 Leichen aus dem Fluss.", "14", "killed"),
    ("it", "L'azienda taglierà 1.800 posti di lavoro.", "1.800", "jobs"),
    ("it", "I soccorritori hanno trovato 31 sopravvissuti.", "31", "rescued"),
    ("it", "I sommozzatori hanno recuperato 14 corpi.", "14", "killed"),
    ("pt", "A empresa vai cortar 1.800 postos de trabalho.", "1.800", "jobs"),
    ("pt", "Foram encontrados 31 sobreviventes.", "31", "rescued"),
    ("pt", "Nove aldeias foram evacuadas.", "Nove", "places"),
    ("pt", "Os mergulhadores recuperaram 14 corpos.", "14", "killed"),
]


@pytest.mark.parametrize("lang,text,span_text,kind", KINDS)
def test_counted_kinds(lang, text, span_text, kind):
    got = [s for s in spans(text, lang, None, "quantity") if s.text == span_text]
    assert got and got[0].kind == kind, [s.to_dict() for s in spans(text, lang, None, "quantity")]


def test_new_kinds_are_in_the_closed_list():
    from factdesk.core.extract import numbers

    for k in ("jobs", "rescued", "places"):
        assert k in numbers.KINDS and k in numbers.__doc__


# (lang, sentence, span text, resolved) — published Thursday 2025-09-11
TIMES_OF_DAY = [
    ("en", "The ferry ran aground on Tuesday evening.", "on Tuesday evening", "2025-09-09"),
    ("en", "The blaze started in the early hours of Wednesday.", "in the early hours of Wednesday", "2025-09-10"),
    ("en", "Crews worked overnight into Sunday.", "overnight into Sunday", "2025-09-06/2025-09-07"),
    ("fr", "Le ferry s'est échoué mardi soir.", "mardi soir", "2025-09-09"),
    ("fr", "L'accident a eu lieu dans la nuit de vendredi à samedi.", "dans la nuit de vendredi à samedi", "2025-09-05/2025-09-06"),
    ("es", "El ferry encalló el martes por la noche.", "el martes por la noche", "2025-09-09"),
    ("es", "El fuego empezó la madrugada del miércoles.", "la madrugada del miércoles", "2025-09-10"),
    ("de", "Die Fähre lief am Dienstagabend auf Grund.", "am Dienstagabend", "2025-09-09"),
    ("de", "Der Brand brach in der Nacht zum Sonntag aus.", "in der Nacht zum Sonntag", "2025-09-06/2025-09-07"),
    ("it", "Il traghetto si è incagliato martedì sera.", "martedì sera", "2025-09-09"),
    ("it", "L'incidente è avvenuto nella notte tra venerdì e sabato.", "nella notte tra venerdì e sabato", "2025-09-05/2025-09-06"),
    ("pt", "O ferry encalhou na terça-feira à noite.", "terça-feira à noite", "2025-09-09"),
    ("pt", "O incêndio começou na madrugada de quarta-feira.", "na madrugada de quarta-feira", "2025-09-10"),
]


@pytest.mark.parametrize("lang,text,span_text,resolved", TIMES_OF_DAY)
def test_times_of_day(lang, text, span_text, resolved):
    got = [s for s in spans(text, lang, "2025-09-11", "date") if s.text == span_text]
    assert got, [s.to_dict() for s in spans(text, lang, "2025-09-11", "date")]
    assert got[0].resolved == resolved, got[0].to_dict()


# (lang, sentence, value, kind): trapped and found-alive people, workers as people, signatures,
# cantons and provinces, a year before a comma and another count
ACCIDENT_AND_VOTE_KINDS = [
    ("en", "Eleven miners remain trapped after the cave-in.", 11, "trapped"),
    ("fr", "Huit ouvriers sont toujours bloqués dans la galerie.", 8, "trapped"),
    ("es", "Doce trabajadores siguen atrapados en el túnel.", 12, "trapped"),
    ("de", "Neun Bergleute sind weiterhin eingeschlossen.", 9, "trapped"),
    ("pt", "Sete operários continuam presos no subsolo.", 7, "trapped"),
    ("it", "Cinque minatori sono ancora intrappolati.", 5, "trapped"),
    ("en", "Firefighters pulled 14 workers out alive.", 14, "rescued"),
    ("de", "Die Initiative wurde mit 105.000 Unterschriften eingereicht.", 105000, "votes"),
    ("it", "La proposta è stata depositata con 98.000 firme.", 98000, "votes"),
    ("de", "Elf Kantone lehnten die Vorlage ab.", 11, "places"),
    ("it", "Solo sei cantoni hanno approvato la proposta.", 6, "places"),
    ("it", "Oltre 20.000 persone hanno lasciato le loro case.", 20000, "displaced"),
    ("es", "En 2010, 33 mineros quedaron atrapados en la mina.", 33, "trapped"),
]


@pytest.mark.parametrize("lang,text,value,kind", ACCIDENT_AND_VOTE_KINDS)
def test_accident_and_vote_kinds(lang, text, value, kind):
    qs = spans(text, lang, None, "quantity")
    assert [(q.value, q.kind) for q in qs] == [(value, kind)], [(q.text, q.value, q.kind) for q in qs]


def test_year_before_a_comma_stays_a_date():
    ds = spans("In 2010, 33 miners were trapped for 69 days.", "en", None, "date")
    assert [d.text for d in ds] == ["2010"]


def test_italian_winds_are_not_twenty():
    qs = spans("Il tifone ha colpito la costa con venti di 150 chilometri orari.", "it", None, "quantity")
    assert [q.value for q in qs] == [150], [(q.text, q.value) for q in qs]
