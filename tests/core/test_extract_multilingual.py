"""Italian, language without a data file, and cross-language details found on wire copy."""

from __future__ import annotations

import pytest

IT = [
    ("q", "Sono almeno nove i morti dell'alluvione, secondo la Protezione civile.", "nove", 9, "killed", "at_least"),
    ("q", "Oltre 12.000 persone sono state evacuate dalle loro case.", "12.000", 12000, "displaced", "more_than"),
    ("q", "Il governo ha stanziato 20 milioni di euro.", "20 milioni", 20_000_000, "money", None),
    ("q", "Sette persone sono state uccise e 21 ferite nell'attacco.", "21", 21, "wounded", None),
    ("q", "Il partito ha ottenuto il 34,5 % dei voti.", "34,5", 34.5, "percent", None),
    ("d", "Il fiume ha rotto gli argini lunedì notte.", "2025-05-20", "lunedì notte", "2025-05-19"),
    ("d", "Nel maggio 2023 un'altra alluvione aveva causato 17 morti.", "2025-05-20", "maggio 2023", "2023-05"),
    ("a", "Tre persone sono morte, secondo il ministero della Salute.", "ministry:health"),
]
CROSS = [
    # a count opening the sentence
    ("de", ("q", "21 Menschen wurden verletzt, teilte der Gouverneur mit.", "21", 21, "wounded", None)),
    ("en", ("q", "47 buildings collapsed in the town.", "47", 47, "buildings", None)),
    # a part of a whole counts the whole's thing
    ("en", ("q", "The air force said it shot down 21 of the 29 drones.", "21", 21, "drones", None)),
    ("fr", ("q", "L'armée affirme avoir abattu 21 des 29 drones lancés.", "21", 21, "drones", None)),
    ("de", ("q", "Die Luftwaffe erklärte, 21 von 29 Drohnen abgeschossen zu haben.", "21", 21, "drones", None)),
    # clock times are not counts
    ("de", ("nq", "Das Beben erschütterte die Provinz am Dienstag gegen 4.17 Uhr Ortszeit.", "4.17")),
    ("es", ("nq", "El sismo se produjo a las 04.17 hora local.", "04.17")),
    # a number counting something else does not take a later outcome word
    ("es", ("q", "Dos terremotos causaron más de 53.000 muertos en Turquía.", "53.000", 53000, "killed", "more_than")),
    # seats under their national names; missing people in French
    ("pt", ("q", "O PS obteve 23,4 % e 58 deputados.", "58", 58, "seats", None)),
    ("es", ("q", "El Partido Socialista cayó al 23,4 % y 58 diputados.", "58", 58, "seats", None)),
    ("fr", ("q", "Neuf personnes sont mortes et trois sont portées disparues.", "trois", 3, "missing", None)),
    # future and 'until' weekdays point forward
    ("en", ("d", "President Erdogan is expected to visit the region on Thursday.", "2025-03-12", "on Thursday", "2025-03-13")),
    ("es", ("d", "Las clases estarán suspendidas hasta el lunes.", "2025-03-12", "el lunes", "2025-03-17")),
    ("de", ("d", "Präsident Erdoğan will am Donnerstag in die Region reisen.", "2025-03-12", "am Donnerstag", "2025-03-13")),
    ("en", ("d", "The quake struck Malatya province on Tuesday.", "2025-03-12", "on Tuesday", "2025-03-11")),
    # German compound titles and ministries
    ("de", ("a", "„Niemand wird zurückgelassen“, sagte Gesundheitsminister Kemal Memişoğlu.", "kml msgl")),
    ("de", ("a", "Mindestens 31 Menschen starben, nach Angaben des Gesundheitsministeriums.", "ministry:health")),
]


@pytest.mark.parametrize("case", IT)
def test_italian_case(case, check):
    check(case, "it")


@pytest.mark.parametrize("lang,case", CROSS)
def test_cross_language_case(lang, case, check):
    check(case, lang)


def test_role_before_a_name_is_stripped():
    from factdesk.core.extract.names import entity_key, source_key

    assert source_key("Civil Protection Minister Nello Musumeci") == entity_key("Nello Musumeci")
    assert source_key("Socialist leader Pedro Nuno Santos") == entity_key("Pedro Nuno Santos")
    assert entity_key("Odessa") == entity_key("Odesa")
    assert entity_key("Lisboa") == entity_key("Lisbon") == entity_key("Lissabon")


def test_low_quote_closed_by_straight_quote_stays_one_sentence():
    from factdesk.core.extract import split_sentences

    text = "„Wir durchsuchen die Trümmer Straße für Straße. Niemand wird zurückgelassen\", sagte der Minister."
    sents = [s for s in split_sentences(text, "de") if s.kind == "text"]
    assert len(sents) == 1, [s.text for s in sents]


@pytest.mark.parametrize("text", [
    # Dutch: no data file; digits, ISO dates and detection still work
    "Aardbeving in Turkije\n\nBij een aardbeving in het oosten van Turkije zijn zeker 31 mensen om het leven gekomen, "
    "meldt het ministerie. Op 2025-03-11 raakten meer dan 200 mensen gewond in de provincie Malatya.",
    # no publication date, no date anywhere
    "Sette persone sono state uccise e 21 ferite nell'attacco notturno di droni russi contro Odessa.",
])
def test_no_data_file_or_no_date_does_not_crash(text):
    from factdesk.core.extract import extract

    for lang in (None, "nl", "und"):
        res = extract("x", text, lang, None)
        assert res.claims
        values = {s.value for c in res.claims for s in c.spans_of("quantity")}
        assert values & {31.0, 7.0, 21.0}


def test_dutch_is_detected_and_iso_dates_resolve():
    from factdesk.core.extract import extract
    from factdesk.core.langid import detect_language

    text = ("Bij een aardbeving in het oosten van Turkije zijn zeker 31 mensen om het leven gekomen, meldt het "
            "ministerie. Op 2025-03-11 raakten meer dan 200 mensen gewond in de provincie.")
    assert detect_language(text) == "nl"
    res = extract("x", text, "nl", None)
    assert "2025-03-11" in {s.resolved for c in res.claims for s in c.spans_of("date")}
