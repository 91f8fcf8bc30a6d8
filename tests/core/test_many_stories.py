"""A workspace of many stories: claims of one event still meet when the words they share are too
common in the workspace to choose candidates, ministries and agencies tie no two stories, and later
or partial counts are no disagreement."""

from __future__ import annotations

import pytest
from match_helpers import import_articles

from factdesk.core.extract import extract
from factdesk.core.matching import PairContext, compare_claims

BLAST_EN = (
    "Blast at Lirovo fertiliser plant\n\n5 November 2025\n\n"
    "LIROVO, Nov 5 (EW) - An explosion tore through the Sivex fertiliser plant in Lirovo on Wednesday.\n\n"
    "The regional health department said 60 people were injured, many of them workers on the night shift.\n"
)
BLAST_DE = (
    "Explosion in Lirovo\n\n05.11.2025\n\n"
    "LIROVO (mk) - In dem Düngemittelwerk von Sivex in Lirovo hat sich am Mittwoch eine Explosion ereignet.\n\n"
    "Rund 40 Menschen wurden verletzt, die meisten von ihnen Arbeiter der Nachtschicht.\n"
)


def test_claims_of_one_event_meet_however_common_their_words(tmp_path, monkeypatch):
    from factdesk.core.matching import engine

    # as in a workspace of many stories: no word, name or concept is rare enough to choose
    # candidates, only what the claims count
    monkeypatch.setattr(engine, "max_df_for", lambda n: 0)
    events, cons = import_articles(tmp_path, {"blast_en.txt": BLAST_EN, "blast_de.txt": BLAST_DE})
    assert {"blast_en.txt", "blast_de.txt"} in events
    assert any({a, b} == {"blast_en.txt", "blast_de.txt"} and t == "quantity" for a, b, t, _ in cons), cons


def test_without_their_event_the_same_claims_do_not_meet(tmp_path, monkeypatch):
    from factdesk.core.matching import engine

    monkeypatch.setattr(engine, "max_df_for", lambda n: 0)
    monkeypatch.setattr(engine, "_add_event_candidates", lambda *a: None)
    _, cons = import_articles(tmp_path, {"blast_en.txt": BLAST_EN, "blast_de.txt": BLAST_DE})
    assert not any(t == "quantity" for _, _, t, _ in cons)


def test_a_ministry_or_an_agency_ties_no_two_stories(tmp_path):
    quake = ("Quake in Malatya\n\n12 March 2025\n\nMALATYA, March 12 (EFE) - A magnitude 6.1 earthquake struck Malatya province on"
             " Wednesday, the health ministry said.\n\nAt least 31 people were killed in Malatya, the health"
             " ministry said.\n")
    hack = ("Hackers hit Antwerp hospitals\n\n12 March 2025\n\nANTWERP, March 12 (EFE) - Hackers crippled the computer systems of"
            " the AZ Scheldevallei hospital group in Deurne on Wednesday, the health ministry said.\n\nThe hospital"
            " group postponed 400 operations in Deurne, the health ministry said.\n")
    events, _ = import_articles(tmp_path, {"quake.txt": quake, "hack.txt": hack})
    assert all(len(ev) == 1 for ev in events), events


def _pair(text_a: str, lang_a: str, pub_a: str, text_b: str, lang_b: str, pub_b: str):
    a = extract("a", text_a, lang_a, pub_a).claims[0]
    b = extract("b", text_b, lang_b, pub_b).claims[0]
    got = compare_claims(a, b, published_a=pub_a, published_b=pub_b, ctx=PairContext(event_of={a.id: "e", b.id: "e"}))
    return None if got is None else (got.kind, got.ctype)


@pytest.mark.parametrize(
    "later, lang",
    [
        ("Nach dem Anschlag auf einen Armeeposten in Tell Sabra ist die Zahl der getöteten Soldaten auf 18 gestiegen.", "de"),
        ("The army said the number of soldiers killed in Tell Sabra had risen to 18.", "en"),
        ("Selon un nouveau bilan de l'armée, 18 soldats ont été tués à Tell Sabra.", "fr"),
    ],
)
def test_a_count_risen_since_is_no_disagreement(later, lang):
    earlier = "In a statement, the army said 14 soldiers had been killed in Tell Sabra."
    assert _pair(earlier, "en", "2026-03-03", later, lang, "2026-03-04") != ("contradiction", "quantity")
    # told on one day, the two counts disagree
    assert _pair(earlier, "en", "2026-03-04", later, lang, "2026-03-04") == ("contradiction", "quantity")


def test_the_missing_are_found():
    monday = "Four people have died and six are missing in the floods, according to the civil protection."
    thursday = ("Sept personnes sont mortes et une est toujours portée disparue après les inondations, selon un"
                " nouveau bilan de la protection civile.")
    assert _pair(monday, "en", "2026-04-13", thursday, "fr", "2026-04-16") != ("contradiction", "quantity")


def test_co_defendants_are_the_others():
    assert _pair("The court convicted five of the eight defendants, including the former minister.", "en",
                 "2026-05-21",
                 "Four of his seven co-defendants were convicted, including two former ministry officials.", "en",
                 "2026-05-21") != ("contradiction", "quantity")


def test_rain_in_a_day_is_not_rain_in_three_days():
    assert _pair("In Monteforte, 186mm of rain fell in just 24 hours, the weather service said.", "en",
                 "2026-04-14",
                 "Il est tombé 412 millimètres de pluie en trois jours à la station de Monteforte.", "fr",
                 "2026-04-14") != ("contradiction", "quantity")


def test_an_unrounded_count_alone_chooses_candidates(tmp_path, monkeypatch):
    from factdesk.core.matching import engine

    monkeypatch.setattr(engine, "max_df_for", lambda n: 0)
    monkeypatch.setattr(engine, "_add_event_candidates", lambda *a: None)
    en = BLAST_EN.replace("60 people were injured", "58 people were injured")
    de = BLAST_DE.replace("Rund 40 Menschen", "58 Menschen")
    from factdesk.core.pipeline import import_paths
    from factdesk.core.store import open_workspace

    src = tmp_path / "articles"
    src.mkdir()
    (src / "blast_en.txt").write_text(en, encoding="utf-8")
    (src / "blast_de.txt").write_text(de, encoding="utf-8")
    ws = open_workspace(tmp_path / "ws")
    try:
        import_paths(ws, [src], jobs=1)
        pairs = [{s["left"]["text"], s["right"]["text"]} for s in ws.suggestions() if s["kind"] == "match"]
    finally:
        ws.close()
    assert any(any("58 people were injured" in t for t in p) and any("58 Menschen" in t for t in p) for p in pairs), pairs
