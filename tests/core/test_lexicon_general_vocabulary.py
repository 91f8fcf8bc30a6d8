"""Common words of news prose (open, late, door, return, nobody, never …) map to language-neutral
concepts of type ``general``: a paraphrase in everyday words is recognised across languages, while
claims that share nothing but common words stay apart. Texts written for these tests."""

from __future__ import annotations

import pytest

from factdesk.core.extract import extract
from factdesk.core.matching import build_features
from factdesk.core.matching.anchors import claim_anchors
from factdesk.core.matching.compare import quote_similarity, sameness
from factdesk.core.matching.lexicon import lexicon
from match_helpers import claim, compare_in_event

MAR_3 = "2025-03-03"

SAME_SENTENCE = [
    ("en", "The children returned home late at night."),
    ("fr", "Les enfants sont rentrés chez eux tard dans la nuit."),
    ("es", "Los niños regresaron a casa tarde por la noche."),
    ("de", "Die Kinder sind spät in der Nacht nach Hause zurückgekehrt."),
    ("pt", "As crianças voltaram para casa tarde da noite."),
    ("it", "I bambini sono tornati a casa tardi nella notte."),
    ("nl", "De kinderen zijn laat in de nacht naar huis teruggekeerd."),
]


@pytest.mark.parametrize(("lang", "text"), SAME_SENTENCE)
def test_one_everyday_sentence_maps_to_the_same_concepts_in_each_language(lang, text):
    got = set(lexicon().map_text(text, lang).concepts)
    assert {"civilians", "return", "homes", "late", "night"} <= got, (lang, text, sorted(got))


def test_general_words_are_a_type_of_their_own_weighing_less_than_news_concepts():
    lex = lexicon()
    for concept in ("open", "late", "door", "return", "nobody", "never", "country", "send"):
        assert lex.types[concept] == "general", concept
        assert concept in lex.general_concepts
    assert lex.weight("open") < lex.weight("killed")
    assert lex.weight("open") < lex.weight("soldiers")


NEGATION_AND_MODALS = {
    "en": ("not", "could", "must", "should"),
    "fr": ("pas", "peut", "doit", "pourrait"),
    "es": ("no", "puede", "debe", "podría"),
    "de": ("nicht", "kann", "muss", "könnte"),
    "pt": ("não", "pode", "deve", "poderia"),
    "it": ("non", "può", "deve", "potrebbe"),
    "nl": ("niet", "kan", "moet", "zou"),
}
NEVER_NOBODY_NOTHING = {
    "en": ("never", "nobody", "nothing"),
    "fr": ("jamais", "personne ne", "rien"),
    "es": ("nunca", "nadie", "nada"),
    "de": ("nie", "niemand", "nichts"),
    "pt": ("nunca", "ninguém", "nada"),
    "it": ("mai", "nessuno", "niente"),
    "nl": ("nooit", "niemand", "niets"),
}


@pytest.mark.parametrize("lang", sorted(NEGATION_AND_MODALS))
def test_negation_and_modal_words_stay_unmapped_but_never_nobody_nothing_map(lang):
    lex = lexicon()
    # "not", "could": function words, left out on both sides alike (a concept on one side only
    # would be a difference made by the lexicon, not by the claims)
    for word in NEGATION_AND_MODALS[lang]:
        assert lex.map_text(word, lang).concepts == [], (lang, word)
    never, nobody, nothing = NEVER_NOBODY_NOTHING[lang]
    assert lex.map_text(never, lang).concepts == ["never"]
    assert lex.map_text(nobody, lang).concepts == ["nobody"]
    assert lex.map_text(nothing, lang).concepts == ["nothing"]


@pytest.mark.parametrize(("lang", "text", "concept"), [
    # short or ambiguous words are left out where they mostly mean something else
    ("fr", "Il a été blessé.", "season"),  # "été" is "summer" and "been"
    ("pt", "Seria um erro.", "serious"),  # "seria" is "would be"
    ("es", "Trabajan bajo la supervisión de la ONU.", "low"),  # "bajo" is "under"
    ("it", "Il comune di Lecco ha chiuso la strada.", "together"),  # "comune" is a municipality
    ("nl", "Meer dan tien mensen.", "lake"),  # "meer" is "more"
    ("de", "Es gibt keine Toten.", "give"),  # "es gibt" is "there is"
    ("en", "He left in order to vote.", "order"),
    ("fr", "Le permis de conduire lui a été retiré.", "allow"),
])
def test_a_common_word_does_not_catch_its_homonym(lang, text, concept):
    assert concept not in lexicon().map_text(text, lang).concepts, text


@pytest.mark.parametrize(("lang", "text", "concepts"), [
    # a phrase of common words keeps what its words meant before
    ("fr", "Ils se sont mis à l'abri.", {"safe", "shelter"}),
    ("nl", "Twee mensen raakten zwaar gewond.", {"serious", "wounded"}),
    ("de", "Drei Menschen sind ums Leben gekommen.", {"killed"}),
    ("pt", "O porta-voz falou.", {"spokesperson", "speak"}),
])
def test_a_phrase_of_common_words_keeps_the_older_concepts(lang, text, concepts):
    assert concepts <= set(lexicon().map_text(text, lang).concepts), text


def test_a_paraphrase_in_everyday_words_shares_its_concepts_across_languages():
    en = claim("p1", "A", "On Monday the gates of the stadium were opened far too late.", "en")
    fr = claim("p2", "B", "Lundi, les portes du stade ont été ouvertes beaucoup trop tard.", "fr")
    de = claim("p3", "C", "Am Montag wurden die Tore des Stadions viel zu spät geöffnet.", "de")
    fa, ff, fd = build_features(en), build_features(fr), build_features(de)
    for other in (ff, fd):
        assert {"door", "open", "late", "too"} <= set(sameness(fa, other).shared_concepts), other.text


@pytest.mark.parametrize(("text_b", "lang_b"), [
    ("Lundi, les portes du stade de Lindau ont été ouvertes beaucoup trop tard, a indiqué la police.", "fr"),
    ("Am Montag wurden die Tore des Stadions in Lindau viel zu spät geöffnet, teilte die Polizei mit.", "de"),
])
def test_a_paraphrase_in_everyday_words_is_a_match(text_b, lang_b):
    text_a = "On Monday the gates of the stadium in Lindau were opened far too late, police said."
    got = compare_in_event(text_a, "en", MAR_3, text_b, lang_b, MAR_3)
    assert got is not None and got.kind == "match", got
    assert any("door" in r and "open" in r for r in got.reasons), got.reasons


def test_a_quote_in_everyday_words_is_one_statement_across_languages():
    en = '"Nobody stayed at home in the storm," Mayor Lena Hart said on Sunday.'
    # the same words credited to someone else: the same statement, two sources
    got = compare_in_event(en, "en", MAR_3, "„Niemand ist im Sturm zu Hause geblieben“, sagte Polizeichef Jan Weber am Sonntag.",
                           "de", MAR_3)
    assert got is not None and (got.kind, got.ctype) == ("contradiction", "attribution"), got
    # credited to the same person: one statement reported twice
    got = compare_in_event(en, "en", MAR_3, "„Niemand ist im Sturm zu Hause geblieben“, sagte Bürgermeisterin Lena Hart am Sonntag.",
                           "de", MAR_3)
    assert got is not None and got.kind == "match", got


def test_quote_tokens_of_a_translation_are_the_same_concepts():
    a = build_features(claim("q1", "A", '"Nobody stayed at home in the storm," she said.', "en",
                             ("quote", '"Nobody stayed at home in the storm,"')))
    b = build_features(claim("q2", "B", "« Personne n'est resté à la maison pendant la tempête », a-t-elle dit.", "fr",
                             ("quote", "« Personne n'est resté à la maison pendant la tempête »")))
    sim, size = quote_similarity(a, b)
    assert size >= 3 and sim >= 0.7, (a.quotes, b.quotes, sim)


@pytest.mark.parametrize(("text_b", "lang_b"), [
    ("Les portes du nouveau musée ont ouvert lundi dans le sud du pays.", "fr"),
    ("Un nuevo hospital abrió sus puertas el lunes en el sur del país.", "es"),
])
def test_claims_sharing_only_common_words_are_not_linked(text_b, lang_b):
    # "new", "open", "door" and the day in common, but a school in the north of a city against
    # a museum (a hospital) in the south of the country
    text_a = "A new school opened its doors in the north of the city on Monday."
    got = compare_in_event(text_a, "en", MAR_3, text_b, lang_b, MAR_3)
    assert got is None or got.kind != "match", got


def test_common_words_alone_make_no_concept_overlap():
    a = build_features(claim("c1", "A", "A new school opened its doors.", "en"))
    b = build_features(claim("c2", "B", "Les portes du nouveau musée ont ouvert.", "fr"))
    same = sameness(a, b)
    assert {"door", "new", "open"} <= set(same.shared_concepts)
    assert same.con == 0.0


def test_a_common_word_on_one_side_only_does_not_lower_the_concept_overlap():
    a = build_features(claim("s1", "A", "Two soldiers were killed in the attack.", "en"))
    b = build_features(claim("s2", "B", "Deux soldats ont été tués dans l'attaque.", "fr"))
    c = build_features(claim("s3", "C", "Deux soldats ont été tués très vite dans l'attaque.", "fr"))
    assert "fast" in c.concepts and "fast" not in a.concepts
    assert sameness(a, c).con == pytest.approx(sameness(a, b).con)


def test_the_fuzzy_wording_sees_common_words_as_words():
    f = build_features(claim("w1", "A", "The gates were opened too late.", "en"))
    assert {"door", "open", "late"} <= f.concepts
    words = f.norm.split()
    assert "opened" in words and "gates" in words
    assert "~open" not in words and "~door" not in words


def test_common_words_choose_candidates_only_from_inside_a_quote():
    plain = build_features(claim("a1", "A", "The gates were opened too late.", "en"))
    assert "c:open" not in claim_anchors(plain) and "c:door" not in claim_anchors(plain)
    quoted = build_features(claim("a2", "A", '"The gates were opened too late," she said.', "en",
                                  ("quote", '"The gates were opened too late,"')))
    assert {"c:open", "c:door", "c:late"} <= set(claim_anchors(quoted))


@pytest.mark.parametrize(("text", "name"), [
    ("Thomas Mann sagte am Montag in Berlin, die Lage sei ernst.", "Thomas Mann"),
    ("Cathy Lange erklärte am Dienstag, das Werk bleibe geschlossen.", "Cathy Lange"),
    ("Markus Frei sagte, die Tür sei offen gewesen.", "Markus Frei"),
    ("Hans Hoch, Chef der Polizei, bestätigte den Tod.", "Hans Hoch"),
])
def test_a_german_surname_that_is_also_a_common_word_stays_a_person(text, name):
    claims = extract("g", text, "de", MAR_3).claims
    kinds = {s.text: s.kind for c in claims for s in c.spans if s.type == "entity"}
    assert kinds.get(name) == "person", kinds
