"""Which day belongs to which happening: days announced ahead, the day of a statement or an arrest
against the day of the happening itself, and the day two claims give one happening when they
agree on another."""

from __future__ import annotations

import pytest
from extract_helpers import spans
from match_helpers import event_verdict, first_features

from factdesk.core.matching.events import article_seeds
from factdesk.core.matching.lexicon import lexicon


def _resolved(text: str, lang: str, published: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.resolved) for s in spans(text, lang, published, "date")]


@pytest.mark.parametrize(
    "text, lang, published, want",
    [
        # "for" right before the day announces it
        ("The president dissolved parliament and set a snap election for July 12.", "en", "2026-05-21",
         ("July 12", "2026-07-12")),
        ("The vote is set for Sunday, July 12.", "en", "2026-05-21", ("Sunday, July 12", "2026-07-12")),
        # a weekday that fits this year's day ahead, and not last year's
        ("La présidente a fixé des élections législatives anticipées au dimanche 5 juillet.", "fr", "2026-05-21",
         ("dimanche 5 juillet", "2026-07-05")),
        # told in the past, without a cue: last year's
        ("The flood peaked on June 5.", "en", "2026-04-17", ("on June 5", "2025-06-05")),
        ("He was jailed for fraud on June 5.", "en", "2026-04-17", ("on June 5", "2025-06-05")),
        # "mardi 11 mars" in an article of 12 February: February and March share their weekdays, so
        # the weekday cannot tell a day ahead from a slip for 11 February; it is not moved ahead
        ("Le cyclone a touché terre le mardi 11 mars.", "fr", "2025-02-12", ("le mardi 11 mars", "2024-03-11")),
    ],
)
def test_days_after_the_article(text, lang, published, want):
    assert want in _resolved(text, lang, published)


def test_an_article_is_about_what_happened_before_what_it_announces():
    text = (
        "Brennhart announced on Tuesday that it would close its plant in Monteruccio.\n\n"
        "The union called a strike at all of the group's plants for Friday, June 19.\n"
    )
    feats = [first_features(line, "en", "2026-06-09") for line in text.split("\n\n")]
    seeds, main = article_seeds(feats, "2026-06-09")
    assert len(seeds) == 2 and main is seeds[0], [(s.lo, s.hi) for s in seeds]


@pytest.mark.parametrize(
    "text, lang, concept",
    [
        ("The FLMC union called a strike at all of the plants for Friday.", "en", "labor_strike"),
        ("Unions called a general strike.", "en", "labor_strike"),
        ("Le feu s'est déclaré jeudi soir dans un hangar.", "fr", "begin"),
        ("Decisiva la scelta del partito, che aveva lasciato la coalizione martedì.", "it", "withdraw"),
        ("Die Bauernpartei verließ die Koalition am Montag.", "de", "withdraw"),
        ("Les deux boîtes noires ont été retrouvées samedi matin.", "fr", "flight_recorder"),
        ("Both black boxes were recovered on Friday morning.", "en", "flight_recorder"),
        ("As caixas-negras foram recuperadas na sexta-feira.", "pt", "flight_recorder"),
        ("Beide Flugschreiber wurden am Freitag geborgen.", "de", "flight_recorder"),
    ],
)
def test_happenings_named(text, lang, concept):
    assert concept in lexicon().map_text(text, lang).concepts


def test_a_military_strike_is_no_walkout():
    concepts = lexicon().map_text("US forces carried out a strike on a militia base.", "en").concepts
    assert "strike" in concepts and "labor_strike" not in concepts


def test_a_strike_called_for_two_days_is_a_contradiction():
    got, sug = event_verdict(
        "The FLMC union called a strike at all of Brennhart's plants for Friday, June 19.", "en",
        "Die Gewerkschaft FLMC rief für Donnerstag, den 18. Juni, zu einem Streik in allen Brennhart-Werken auf.", "de",
        "2026-06-09")
    assert got == ("contradiction", "date"), sug


def test_the_day_a_statement_was_made_is_not_the_day_of_the_strike():
    got, _ = event_verdict(
        "La aerolínea Mainflug ha cancelado unos 800 vuelos por la huelga de pilotos, según ha informado"
        " este miércoles la compañía.", "es",
        "I piloti della compagnia aerea Mainflug incroceranno le braccia per 48 ore: lo sciopero inizierà"
        " giovedì alle 00:01.", "it", "2025-03-19")
    assert got != ("contradiction", "date")


def test_the_day_of_an_arrest_is_not_the_day_of_the_fire():
    got, _ = event_verdict(
        "L'incendie de forêt s'est déclaré mardi après-midi près de Valdemar.", "fr",
        "Police arrested a 43-year-old man on Wednesday on suspicion of starting the forest fire near Valdemar.", "en",
        "2026-08-06")
    assert got != ("contradiction", "date")


def test_one_day_agreed_and_another_given_to_the_election_differently():
    en = "President Hren on Thursday dissolved parliament and set a snap election for July 12."
    got, sug = event_verdict(
        en, "en",
        "Jeudi, la présidente Hren a dissous le Parlement et fixé des élections législatives anticipées au dimanche"
        " 5 juillet.", "fr", "2026-05-21")
    assert got == ("contradiction", "date"), sug
    assert any("2026-07-12" in r and "2026-07-05" in r for r in sug.reasons), sug.reasons
    # the same days told alike are one fact
    got, _ = event_verdict(en, "en", "Jeudi, la présidente Hren a dissous le Parlement et fixé des élections"
                           " législatives anticipées au dimanche 12 juillet.", "fr", "2026-05-21")
    assert got == ("match", None)


def test_a_party_leaving_the_coalition_on_two_days_is_a_contradiction():
    got, sug = event_verdict(
        "The Agrarian Union, led by Petar Lukic, left the coalition on Monday in a dispute over the pension reform.",
        "en",
        "Decisiva la scelta dell'Unione agraria di Petar Lukić, che aveva lasciato la coalizione martedì in"
        " polemica con la riforma delle pensioni.", "it", "2026-05-21")
    assert got == ("contradiction", "date"), sug


@pytest.mark.parametrize(
    "head",
    [
        "samedi 15 mars 2025 – Moyen-Orient",  # a header line with the page's section
        "15 mars 2025 11:42 Mis à jour il y a 5 heures",  # a publication line
    ],
)
def test_a_date_in_the_page_header_is_the_day_the_article_was_written(head):
    from factdesk.core.extract import extract

    text = (f"LE MESSAGER\n\n{head}\n\nWashington frappe des milices en Syrie\n\n"
            "L'attaque de mardi contre la base d'Al-Omar avait fait sept blessés parmi les militaires américains.\n")
    got = extract("a", text, "fr", None)
    assert got.reference == "2025-03-15"
    days = [(s.text, s.resolved) for c in got.claims for s in c.spans if s.type == "date"]
    assert ("mardi", "2025-03-11") in days, days  # the Tuesday before, not the one after


def test_a_day_stated_in_the_report_may_be_days_before_it_was_written():
    from factdesk.core.extract import extract

    text = ("Le cyclone Belvina a touché terre le mardi 11 février 2025 près d'Ambalora, faisant au moins"
            " quatorze morts selon les autorités.\n\nMercredi matin, les secours fouillaient encore les décombres"
            " de la ville portuaire.\n")
    days = [(s.text, s.resolved) for c in extract("a", text, "fr", None).claims for s in c.spans if s.type == "date"]
    assert ("Mercredi matin", "2025-02-12") in days, days


@pytest.mark.parametrize(
    "text, lang, value, part",
    [
        ("Vingt et une des victimes ont été tuées dans la capitale, selon le centre.", "fr", 21, True),
        ("Il y avait vingt et un blessés.", "fr", 21, False),
        ("Treinta y uno de los heridos siguen hospitalizados.", "es", 31, True),
        ("Vinte e um mortos foram contados.", "pt", 21, False),
        # the first batch of a count is a part of it
        ("The first 60 prisoners from each side were exchanged on Thursday.", "en", 60, True),
        ("Les 60 premiers prisonniers ont été échangés jeudi.", "fr", 60, True),
        ("Die ersten 60 Gefangenen wurden am Donnerstag ausgetauscht.", "de", 60, True),
        ("60 prisoners were exchanged on Thursday.", "en", 60, False),
    ],
)
def test_compound_number_words_and_first_batches(text, lang, value, part):
    f = first_features(text, lang, "2026-06-14")
    assert [(q.value, q.part) for q in f.quantities][:1] == [(value, part)]


def test_trois_et_une_autre_is_two_counts():
    f = first_features("Trois soldats et une civile ont été tués.", "fr", "2026-06-14")
    assert f.quantities[0].value == 3


def test_one_person_given_two_ages_when_the_name_is_of_no_known_kind():
    got, sug = event_verdict(
        "Le commandant de bord, Marco Tavares, 48 ans, était un pilote expérimenté, selon la compagnie.", "fr",
        "AeroValmonte has named the captain as Marco Tavares, 52, who had more than 14,000 flight hours on the"
        " Dornell D-90.", "en", "2026-09-11")
    assert got == ("contradiction", "quantity"), sug
    assert "age of Tavares: 48 vs 52" in sug.reasons


def test_an_agreement_signed_on_two_days_is_a_contradiction():
    got, sug = event_verdict(
        "The agreement, signed on Sunday in Brelinn under Kestrian mediation, provides for a monitoring mission.",
        "en",
        "Le Taskara et l'Ulvénie ont signé lundi à Brelinn un accord de cessez-le-feu prévoyant une mission de"
        " surveillance.", "fr", "2026-10-20")
    assert got == ("contradiction", "date"), sug
    assert "same happening: signing" in sug.reasons


def test_the_same_unrounded_toll_ties_two_claims_of_one_event():
    fr = ("Un avion de la compagnie Valair avec 71 personnes à bord s'est écrasé jeudi soir près de l'aéroport,"
          " faisant au moins 58 morts, selon un bilan de la compagnie.")
    got, sug = event_verdict(fr, "fr", "O acidente fez 58 mortos.", "pt", "2026-09-11")
    assert got == ("match", None), sug
    # a round figure shared is weaker evidence: the same sentence with 60 dead ties less
    _, round_sug = event_verdict(fr.replace("58", "60"), "fr", "O acidente fez 60 mortos.", "pt", "2026-09-11")
    assert round_sug is None or round_sug.score < sug.score - 0.03


@pytest.mark.parametrize(
    "text, codes",
    [
        ("Flight AV 731, a Dornell D-90 regional jet, crashed.", {"flight:AV731"}),
        ("L'appareil assurait le vol AV 713 en provenance de Sierra Alta.", {"flight:AV713"}),
        ("Der Flug LH 454 landete sicher.", {"flight:LH454"}),
        ("MH17 was shot down over eastern Ukraine.", {"flight:MH17"}),
        ("The Airbus A321 of flight 4U9525 hit the mountain.", {"flight:4U9525"}),
        ("Der Zug ICE 578 entgleiste bei Kassel.", {"train:ICE578"}),
        # aircraft and drone types are no flights
        ("F-16 jets and MQ-9 drones struck the depot, and an A320 was diverted.", set()),
    ],
)
def test_flight_and_train_numbers(text, codes):
    from factdesk.core.matching.features import identifier_codes

    assert identifier_codes(text) == codes


def test_one_flight_given_two_numbers_in_one_event_is_a_contradiction():
    fr = "L'appareil, un biréacteur régional Dornell D-90 assurant le vol AV 713, s'est écrasé à l'approche de Porto Céleste."
    got, sug = event_verdict(fr, "fr", "Flight AV 731, a Dornell D-90 regional jet, crashed on approach to Porto Celeste.",
                             "en", "2026-09-11")
    assert got == ("contradiction", "identifier"), sug
    assert "flight numbers differ: AV713 vs AV731" in sug.reasons
    got, sug = event_verdict(fr.replace("713", "731"), "fr",
                             "Flight AV 731, a Dornell D-90 regional jet, crashed on approach to Porto Celeste.", "en",
                             "2026-09-11")
    assert got == ("match", None) and "same flight AV731" in sug.reasons
    # two airlines' flights are two flights
    got, _ = event_verdict(fr, "fr", "Flight LX 731, a Dornell D-90 regional jet, was diverted from Porto Celeste.",
                           "en", "2026-09-11")
    assert got != ("contradiction", "identifier")


@pytest.mark.parametrize(
    "text, times",
    [
        ("un couvre-feu à Velgrade de 22 heures à 6 heures, jusqu'à nouvel ordre", ["22:00", "06:00"]),
        ("residents must stay indoors from 8pm to 6am", ["20:00", "06:00"]),
        ("el toque de queda rige entre las 22.00 y las 6.00 horas", ["22:00", "06:00"]),
        ("The truce will take effect at noon local time (1000 GMT) on Tuesday", ["12:00"]),
        ("Le cessez-le-feu entrera en vigueur à minuit", ["00:00"]),
        ("The blast came shortly after 9.15am local time", ["09:15"]),
        ("the bus left at 6.05 a.m.", ["06:05"]),
        ("Die Aktie schloss bei 3.50 am Montag", []),  # a price; "am" is German for "on"
        ("un retard de 3 heures", []),  # a duration
        ("Der Umsatz stieg von 22.50 auf 30.10 Euro.", []),  # prices
    ],
)
def test_clock_times_in_order(text, times):
    from factdesk.core.extract.clock import clock_list

    assert clock_list(text) == times


def test_a_curfew_or_a_ceasefire_starting_at_two_times_is_a_contradiction():
    fr = "Le ministre de l'Intérieur a décrété dimanche un couvre-feu à Velgrade de 22 heures à 6 heures."
    got, sug = event_verdict(fr, "fr", "Under the curfew, residents of Velgrad must stay indoors from 8pm to 6am.",
                             "en", "2026-06-15")
    assert got == ("contradiction", "time"), sug
    assert "times differ: 22:00 vs 20:00" in sug.reasons
    got, _ = event_verdict(fr, "fr", "Under the curfew, residents of Velgrad must stay indoors from 10pm to 6am.",
                           "en", "2026-06-15")
    assert got == ("match", None)
    got, sug = event_verdict("Le cessez-le-feu entrera en vigueur à minuit, précise le texte de l'accord.", "fr",
                             "The truce will take effect at noon local time on Tuesday, according to the agreement.",
                             "en", "2026-10-19")
    assert got == ("contradiction", "time"), sug
    # a time in a named zone is not set against a local one
    got, _ = event_verdict("Le cessez-le-feu entrera en vigueur à midi, précise le texte de l'accord.", "fr",
                           "The truce will take effect at 1000 GMT on Tuesday, according to the agreement.",
                           "en", "2026-10-19")
    assert got != ("contradiction", "time")


def test_one_explosion_at_two_times_is_a_contradiction_but_a_second_one_is_not():
    en = "The explosion at the Kelvora refinery happened shortly after 9.15am local time, firefighters said."
    got, sug = event_verdict(en, "en", "L'explosion s'est produite vers 10h15 à la raffinerie de Kelvora, selon les pompiers.",
                             "fr", "2026-08-04")
    assert got == ("contradiction", "time"), sug
    assert "times differ: 09:15 vs 10:15" in sug.reasons
    got, _ = event_verdict(en, "en", "L'explosion s'est produite vers 9h15 à la raffinerie de Kelvora, selon les pompiers.",
                           "fr", "2026-08-04")
    assert got != ("contradiction", "time")
    # a second explosion has its own time
    got, _ = event_verdict(en, "en", "Une deuxième explosion a secoué la raffinerie de Kelvora vers 10h15, selon les pompiers.",
                           "fr", "2026-08-04")
    assert got != ("contradiction", "time")


@pytest.mark.parametrize(
    "text, lang, place",
    [
        ("Taskara and Ulvenia signed a ceasefire agreement in the Kestrian capital Brelinn on Monday.", "en", "brln"),
        ("Le Taskara et l'Ulvénie ont signé lundi à Brelinn un accord de cessez-le-feu.", "fr", "brln"),
        ("Die am Montag in der kestrischen Stadt Sarvenna unterzeichnete Vereinbarung trat am Dienstag in Kraft.",
         "de", "stdt srvn"),
        ("El acuerdo fue firmado el lunes en Brelinn bajo mediación kestria.", "es", "brln"),
    ],
)
def test_where_an_agreement_was_signed(text, lang, place):
    assert first_features(text, lang, "2026-10-20").venue == ("past", place)


def test_an_agreement_signed_in_two_places_is_a_contradiction():
    got, sug = event_verdict(
        "Die am Montag in der kestrischen Stadt Sarvenna unterzeichnete Vereinbarung trat am Dienstag in Kraft.", "de",
        "Taskara and Ulvenia signed a ceasefire agreement in the Kestrian capital Brelinn on Monday.", "en", "2026-10-20")
    assert got == ("contradiction", "place"), sug


def test_a_date_inherited_from_the_event_does_not_part_two_claims_of_it():
    from datetime import date

    from factdesk.core.extract import extract
    from factdesk.core.matching import PairContext, compare_claims

    a = extract("a", "Ein Gericht in Puerto Albar hat am 18. Oktober den früheren Minister Ramiro Escalante wegen"
                     " Bestechlichkeit zu sieben Jahren Haft verurteilt.", "de", "2025-10-19").claims[0]
    b = extract("b", "Caso Aguaclara: condenan a nueve años de prisión al exministro Ramiro Escalante", "es",
                "2025-10-14").claims[0]
    day = date(2025, 10, 14).toordinal()
    one_event = PairContext(event_of={a.id: "e", b.id: "e"}, inherited={b.id: (day, day)})
    got = compare_claims(a, b, published_a="2025-10-19", published_b="2025-10-14", ctx=one_event)
    assert got is not None and (got.kind, got.ctype) == ("contradiction", "quantity"), got
    # two events: the dates part them
    two_events = PairContext(event_of={a.id: "e", b.id: "f"}, inherited={b.id: (day, day)})
    got = compare_claims(a, b, published_a="2025-10-19", published_b="2025-10-14", ctx=two_events)
    assert got is None or got.kind != "contradiction"
