"""Countries, seas, conflict regions and capitals share one place key across the seven languages.

The sentences are written for these tests. Each check runs the entity finder the way the pipeline
does (``find_entities`` on the tokens of a sentence in its language) and looks at the keys found.
"""

from __future__ import annotations

import json

import pytest

from factdesk.core.extract import langdata, names
from factdesk.core.extract.entities import find_entities
from factdesk.core.extract.numbers import tokenize


def _ents(text: str, lang: str):
    return find_entities(text, tokenize(text), langdata.get(lang))


def _keys(text: str, lang: str) -> set[str]:
    return {e.key for e in _ents(text, lang)}


# (a) a country, sea or city named in several languages -----------------------------------------

SAME_PLACE = [
    ("niger", [
        ("en", "Gunmen attacked a military convoy in Niger on Tuesday."),
        ("fr", "Des hommes armés ont attaqué un convoi militaire au Niger mardi."),
        ("es", "Hombres armados atacaron un convoy militar en Níger el martes."),
        ("de", "Bewaffnete haben am Dienstag in Niger einen Militärkonvoi angegriffen."),
        ("it", "Uomini armati hanno attaccato un convoglio militare in Niger martedì."),
        ("pt", "Homens armados atacaram um comboio militar no Níger na terça-feira."),
        ("nl", "Gewapende mannen vielen dinsdag een militair konvooi aan in Niger."),
    ]),
    ("burkina-faso", [
        ("en", "The junta in Burkina Faso extended the state of emergency."),
        ("fr", "La junte du Burkina Faso a prolongé l'état d'urgence."),
        ("es", "La junta de Burkina Faso prorrogó el estado de emergencia."),
    ]),
    ("chad", [
        ("fr", "Le Tchad a fermé sa frontière orientale jeudi."),
        ("de", "Der Tschad hat am Donnerstag seine Ostgrenze geschlossen."),
        ("it", "Il Ciad ha chiuso giovedì il confine orientale."),
        ("nl", "Tsjaad heeft donderdag de oostgrens gesloten."),
        ("en", "The Republic of Chad closed its eastern border on Thursday."),
    ]),
    ("somalia", [
        ("en", "Floods displaced thousands of families in Somalia."),
        ("fr", "Des inondations ont déplacé des milliers de familles en Somalie."),
        ("nl", "Overstromingen hebben in Somalië duizenden gezinnen verdreven."),
        ("pt", "As cheias deslocaram milhares de famílias na Somália."),
    ]),
    ("dr-congo", [
        ("en", "Rebels advanced in eastern DR Congo last week."),
        ("fr", "Les rebelles ont progressé dans l'est de la RDC la semaine dernière."),
        ("es", "Los rebeldes avanzaron en el este de la República Democrática del Congo."),
        ("de", "Rebellen sind im Osten der Demokratischen Republik Kongo vorgerückt."),
    ]),
    ("czech-republic", [
        ("en", "The Czech Republic ordered new howitzers."),
        ("fr", "La République tchèque a commandé de nouveaux obusiers."),
        ("de", "Tschechien hat neue Haubitzen bestellt."),
    ]),
    ("kuwait", [
        ("en", "Kuwait raised its oil output."),
        ("fr", "Le Koweït a augmenté sa production de pétrole."),
        ("nl", "Koeweit heeft de olieproductie verhoogd."),
    ]),
    ("red-sea", [
        ("en", "A cargo ship was struck in the Red Sea overnight."),
        ("fr", "Un cargo a été touché en mer Rouge dans la nuit."),
        ("es", "Un carguero fue alcanzado en el mar Rojo durante la noche."),
        ("de", "Ein Frachter wurde in der Nacht im Roten Meer getroffen."),
        ("it", "Un mercantile è stato colpito nel mar Rosso durante la notte."),
        ("pt", "Um cargueiro foi atingido no mar Vermelho durante a noite."),
        ("nl", "Een vrachtschip werd 's nachts in de Rode Zee geraakt."),
    ]),
    ("strait-of-hormuz", [
        ("en", "Tanker traffic through the Strait of Hormuz slowed."),
        ("fr", "Le trafic des pétroliers dans le détroit d'Ormuz a ralenti."),
        ("es", "El tráfico de petroleros por el estrecho de Ormuz se redujo."),
        ("de", "Der Tankerverkehr durch die Straße von Hormus ging zurück."),
    ]),
    ("gulf-of-aden", [
        ("en", "A patrol boat was sent to the Gulf of Aden."),
        ("fr", "Un patrouilleur a été envoyé dans le golfe d'Aden."),
        ("it", "Un pattugliatore è stato inviato nel golfo di Aden."),
    ]),
    ("mogadishu", [
        ("en", "A car bomb exploded in Mogadishu on Sunday."),
        ("fr", "Une voiture piégée a explosé à Mogadiscio dimanche."),
        ("de", "In Mogadischu explodierte am Sonntag eine Autobombe."),
        ("it", "Un'autobomba è esplosa domenica a Mogadiscio."),
    ]),
    ("ndjamena", [
        ("en", "Talks resumed in N'Djamena on Friday."),
        ("fr", "Les discussions ont repris vendredi à N'Djaména."),
    ]),
    ("golan-heights", [
        ("en", "Shells landed in the Golan Heights."),
        ("fr", "Des obus sont tombés sur le plateau du Golan."),
        ("de", "Granaten schlugen auf den Golanhöhen ein."),
    ]),
    ("nagorno-karabakh", [
        ("en", "Refugees left Nagorno-Karabakh in September."),
        ("fr", "Des réfugiés ont quitté le Haut-Karabakh en septembre."),
        ("de", "Flüchtlinge verließen im September Bergkarabach."),
    ]),
]


@pytest.mark.parametrize(("key", "sentences"), SAME_PLACE, ids=[k for k, _ in SAME_PLACE])
def test_a_place_named_in_several_languages_has_one_key(key, sentences):
    for lang, text in sentences:
        assert key in _keys(text, lang), (lang, text, [(e.name, e.key) for e in _ents(text, lang)])


def test_the_two_congos_and_the_two_sudans_stay_apart():
    assert "congo-brazzaville" in _keys("Flights to Congo-Brazzaville resumed.", "en")
    assert "congo-brazzaville" in _keys("Les vols vers la République du Congo ont repris.", "fr")
    drc = _keys("La République démocratique du Congo a fermé ses frontières.", "fr")
    assert "dr-congo" in drc and "congo-brazzaville" not in drc
    drc_en = _keys("Aid reached the Democratic Republic of the Congo on Monday.", "en")
    assert "dr-congo" in drc_en and "congo-brazzaville" not in drc_en
    south = _keys("Des combats ont éclaté au Soudan du Sud.", "fr")
    assert "south-sudan" in south and "sudan" not in south
    assert "south-sudan" in _keys("Fighting broke out in South Sudan.", "en")
    assert "sudan" in _keys("Fighting broke out in Sudan.", "en")


# (b) nationality adjectives -------------------------------------------------------------------

NATIONALITIES = [
    ("fr", "Les soldats nigériens ont repoussé l'attaque.", "nigériens", "niger"),
    ("en", "Malian troops entered the town at dawn.", "Malian", "mali"),
    ("nl", "De Somalische regering sprak van een aanslag.", "Somalische", "somalia"),
    ("de", "Die somalische Armee meldete Verluste.", "somalische", "somalia"),
    ("es", "Las tropas chadianas cruzaron el río.", "chadianas", "chad"),
    ("it", "I soldati keniani sono rientrati alla base.", "keniani", "kenya"),
    ("pt", "Os soldados moçambicanos foram destacados para o norte.", "moçambicanos", "mozambique"),
    ("fr", "Une délégation burkinabè est arrivée à Niamey.", "burkinabè", "burkina-faso"),
    ("de", "Ein tschechischer Minister besuchte die Ukraine.", "tschechischer", "czech-republic"),
    ("en", "Kuwaiti officials denied the report.", "Kuwaiti", "kuwait"),
]


@pytest.mark.parametrize(("lang", "text", "word", "key"), NATIONALITIES, ids=[n[2] for n in NATIONALITIES])
def test_a_nationality_adjective_names_its_country(lang, text, word, key):
    got = [(e.name, e.key) for e in _ents(text, lang)]
    assert (word, key) in got, got


def test_inflected_nationality_forms():
    for word, key in [("tchadienne", "chad"), ("nigériennes", "niger"), ("ougandais", "uganda"),
                      ("somaliennes", "somalia"), ("eritreische", "eritrea"), ("congolese", "dr-congo"),
                      ("senegalesi", "senegal"), ("estonianos", "estonia"), ("Oezbeekse", "uzbekistan")]:
        assert names.nationality_key(word) == key, word


def test_a_country_and_its_nationality_share_the_key():
    # "Niger" in an English sentence and "nigériens" in a French one
    assert "niger" in _keys("Soldiers were killed in Niger.", "en")
    assert "niger" in _keys("Des militaires nigériens ont été tués.", "fr")
    # an existing country named by an adjective of the existing table keeps the alias key
    assert names.nationality_key("géorgien") == names.aliases().lookup("Géorgie")[0] == "georgia-country"


# (c) existing keys are untouched ---------------------------------------------------------------

def test_existing_keys_still_work():
    assert "iraq" in _keys("Drones struck a base in Iraq.", "en")
    assert "iraq" in _keys("Des drones ont frappé une base en Irak.", "fr")
    assert "syria" in _keys("Die Angriffe in Syrien gingen weiter.", "de")
    assert "us" in _keys("American officials declined to comment.", "en")
    assert "black-sea" in _keys("Un navire a coulé en mer Noire.", "fr")
    assert "jordan" in _keys("Three soldiers were killed in Jordan.", "en")


def test_alias_data_is_consistent():
    """Every alias name finds its own entry; every nationality names an alias key."""
    data = json.loads((langdata.DATA_DIR / "aliases.json").read_text(encoding="utf-8"))
    al = names.aliases()
    keys = [e["key"] for e in data["entries"]]
    assert len(keys) == len(set(keys))
    for e in data["entries"]:
        for n in e["names"]:
            if not names.light(n):
                continue  # "UN": all of it is an article once folded
            hit = al.lookup(n)
            assert hit is not None and hit[0] == e["key"], (e["key"], n, hit)
    known = set(keys) | {"arabs"}
    for lg in langdata.all_langs():
        for adj, key in lg.nationalities.items():
            assert key in known, (lg.code, adj, key)


# (d) names that are also first names, surnames or common words ---------------------------------

def test_a_person_named_chad_is_no_country():
    ents = _ents("Chad Smith, a farmer from Ohio, said the harvest was late.", "en")
    assert "chad" not in {e.key for e in ents}
    assert any(e.name == "Chad Smith" and e.kind == "person" for e in ents), [(e.name, e.kind) for e in ents]


def test_surnames_and_common_words_are_no_places():
    ents = _ents("Prime Minister Anthony Albanese met Carla Bruni on Tuesday.", "en")
    assert not {"albania", "brunei"} & {e.key for e in ents}
    assert {"Anthony Albanese", "Carla Bruni"} <= {e.name for e in ents}
    assert "riyadh" not in _keys("Read the full statement from the ministry.", "en")
    assert "english-channel" not in _keys("Manche Experten halten den Plan für verfrüht.", "de")
    assert "chad" not in _keys("Schade, dass die Sitzung ausfiel.", "de")


def test_longer_names_beat_the_country_inside_them():
    delta = _keys("Oil spills polluted the Niger Delta again.", "en")
    assert "niger-delta" in delta and "niger" not in delta
    lake = _keys("The shores of Lake Chad are shrinking.", "en")
    assert "lake-chad" in lake
    pkk = _keys("Fighters of the Kurdistan Workers' Party laid down their arms.", "en")
    assert "pkk" in pkk and "kurdistan-region" not in pkk
    assert "papua-new-guinea" in _keys("An earthquake struck Papua New Guinea.", "en")
    assert "guinea" not in _keys("An earthquake struck Papua New Guinea.", "en")
