"""The pair scorer on hand-made EN/FR/ES/DE claims (not the sample articles)."""

from __future__ import annotations

from match_helpers import claim, flood_en, flood_es

from factdesk.core.matching import PairContext, compare_claims, compare_features
from factdesk.core.matching.features import build_features, parse_resolved, quantity_interval
from factdesk.core.matching.lexicon import lexicon


def test_lexicon_maps_across_languages():
    lex = lexicon()
    en = set(lex.map_text("The warehouse of light weapons was destroyed by precision munitions", "en").concepts)
    fr = set(lex.map_text("L'entrepôt d'armes légères a été détruit par des munitions de précision", "fr").concepts)
    es = set(lex.map_text("El almacén de armas ligeras fue destruido por municiones de precisión", "es").concepts)
    de = set(lex.map_text("Das Lager für leichte Waffen wurde durch Präzisionsmunition zerstört", "de").concepts)
    core = {"warehouse", "weapons", "light", "damage"}
    for got in (en, fr, es, de):
        assert core <= got, got


def test_date_parsing_and_qualifier_rule():
    assert parse_resolved("2023-05-10/11") == parse_resolved("2023-05-10/2023-05-11")
    lo, hi, gran = parse_resolved("2023-05")
    assert hi - lo == 30 and gran == "month"
    assert quantity_interval(17, "at_least")[:2] == (17, float("inf"))
    assert quantity_interval(20, "about")[:2] == (17.0, 23.0)


EN_FLOOD = flood_en("a1", "A")
ES_FLOOD = flood_es("b1", "B")


def test_same_fact_across_languages_is_a_match():
    s = compare_claims(EN_FLOOD, ES_FLOOD)
    assert s is not None and s.kind == "match", s
    assert s.score >= 0.6
    assert any("killed" in r for r in s.reasons)


def test_french_german_match():
    fr = claim(
        "f1", "F", "Le séisme de magnitude 6,8 a fait plus de 2000 morts au Maroc, selon le ministère de l'Intérieur.", "fr",
        ("e", "Maroc", "morocco", "place"), ("q", "2000", 2000, "more_than", "killed"),
        ("a", "le ministère de l'Intérieur", "ministry:interior"),
    )
    de = claim(
        "g1", "G", "Das Erdbeben der Stärke 6,8 in Marokko hat nach Angaben des Innenministeriums mehr als 2000 Tote gefordert.", "de",
        ("e", "Marokko", "morocco", "place"), ("q", "2000", 2000, "more_than", "killed"),
        ("a", "des Innenministeriums", "ministry:interior"),
    )
    s = compare_claims(fr, de)
    assert s is not None and s.kind == "match", s


def test_same_number_different_thing_is_never_a_match():
    killed = claim(
        "k1", "A", "At least 18 militiamen were killed in the airstrikes on eastern Syria, the monitor said.", "en",
        ("e", "Syria", "syria", "place"), ("q", "18", 18, "at_least", "killed"),
    )
    wounded = claim(
        "w1", "B", "Les frappes aériennes sur l'est de la Syrie ont fait 18 blessés, selon l'observatoire.", "fr",
        ("e", "Syrie", "syria", "place"), ("q", "18", 18, "exactly", "wounded"),
    )
    s = compare_claims(killed, wounded)
    assert s is None or s.kind != "match"


def test_killed_vs_wounded_with_toll_is_a_quantity_contradiction():
    a = claim(
        "k2", "A", "At least 18 fighters were killed in the strikes on eastern Syria, the monitor said.", "en",
        ("e", "Syria", "syria", "place"), ("q", "18", 18, "at_least", "fighters"),
    )
    b = claim(
        "k3", "B", "Los bombardeos en el este de Siria dejaron 10 muertos y 18 heridos.", "es",
        ("e", "Siria", "syria", "place"), ("q", "10", 10, "exactly", "killed"), ("q", "18", 18, "exactly", "wounded"),
    )
    s = compare_claims(a, b)
    assert s is not None and s.kind == "contradiction" and s.ctype == "quantity", s
    assert any("18" in r and "10" in r for r in s.reasons)


def _toll(cid: str, art: str, text: str, sub: str, value: int, qualifier: str, when: tuple[str, str]) -> object:
    return claim(
        cid, art, text, "en", ("e", "Mali", "mali", "place"), ("q", sub, value, qualifier, "killed"), ("d", when[0], when[1]),
    )


def test_qualifier_rule_at_least_vs_more_than():
    a = _toll("t1", "A", "An attack on an army camp in central Mali on Monday, March 6 killed at least 17 soldiers.", "17", 17, "at_least", ("Monday, March 6", "2023-03-06"))
    b = _toll("t2", "B", "More than 20 soldiers were killed in the attack on the army camp in central Mali on March 6.", "20", 20, "more_than", ("March 6", "2023-03-06"))
    s = compare_claims(a, b)
    assert s is not None and s.kind == "match", s
    assert any("caution" in r for r in s.reasons)
    exact = _toll("t3", "C", "An attack on an army camp in central Mali on Monday, March 6 killed 17 soldiers.", "17", 17, "exactly", ("Monday, March 6", "2023-03-06"))
    s2 = compare_claims(exact, b)
    assert s2 is not None and s2.kind == "contradiction" and s2.ctype == "quantity", s2


def test_different_events_months_apart_never_contradict():
    feb = _toll("m1", "A", "An attack on an army camp in central Mali on February 3 killed 17 soldiers.", "17", 17, "exactly", ("February 3", "2023-02-03"))
    jun = _toll("m2", "B", "An attack on an army camp in central Mali on June 12 killed 40 soldiers.", "40", 40, "exactly", ("June 12", "2023-06-12"))
    s = compare_claims(feb, jun)
    assert s is None or s.kind != "contradiction"
    # years apart, same day: still different happenings
    old = _toll("m3", "C", "An attack on an army camp in central Mali on February 3 killed 40 soldiers.", "40", 40, "exactly", ("February 3", "2019-02-03"))
    s = compare_claims(feb, old)
    assert s is None or s.kind != "contradiction"


def test_inherited_event_dates_separate_undated_claims():
    a = claim("u1", "A", "The bombing killed 12 civilians in the town of Idlib.", "en", ("e", "Idlib", "idlib", "place"), ("q", "12", 12, "exactly", "civilians"))
    b = claim("u2", "B", "Le bombardement a tué 30 civils dans la ville d'Idlib.", "fr", ("e", "Idlib", "idlib", "place"), ("q", "30", 30, "exactly", "civilians"))
    fa, fb = build_features(a, article_order=0), build_features(b, article_order=1)
    same_event = PairContext(event_of={"u1": "e1", "u2": "e1"}, inherited={"u1": (738000, 738000), "u2": (738000, 738000)})
    s = compare_features(fa, fb, same_event)
    assert s is not None and s.kind == "contradiction" and s.event == "e1"
    apart = PairContext(event_of={"u1": "e1", "u2": "e2"}, inherited={"u1": (738000, 738000), "u2": (738200, 738200)})
    s = compare_features(fa, fb, apart)
    assert s is None or s.kind != "contradiction"


def test_attribution_conflict():
    a = claim(
        "p1", "A",
        "“The depot was hit twice and is completely destroyed,” an official at the Ministry of Defence told Reuters.",
        "en",
        ("quote", "The depot was hit twice and is completely destroyed"),
        ("a", "an official at the Ministry of Defence", "ministry:defense"), ("a", "Reuters", "reuters"),
    )
    b = claim(
        "p2", "B",
        "« Le dépôt a été touché deux fois et il est complètement détruit », a déclaré à Reuters un responsable du ministère de l'Intérieur.",
        "fr",
        ("quote", "Le dépôt a été touché deux fois et il est complètement détruit"),
        ("a", "un responsable du ministère de l'Intérieur", "ministry:interior"), ("a", "Reuters", "reuters"),
    )
    s = compare_claims(a, b)
    assert s is not None and s.kind == "contradiction" and s.ctype == "attribution", s
    assert "credited to" in s.reasons[0]
    # the same quote from the same source through two agencies is not a conflict
    c = claim(
        "p3", "C",
        "“The depot was hit twice and is completely destroyed,” an official at the Ministry of Defence told AFP.",
        "en",
        ("quote", "The depot was hit twice and is completely destroyed"),
        ("a", "an official at the Ministry of Defence", "ministry:defense"), ("a", "AFP", "afp"),
    )
    s = compare_claims(a, c)
    assert s is not None and s.kind == "match", s


def test_date_conflict_inside_one_article():
    lede = claim(
        "d1", "A", "Die Armee hat in der Nacht vom 4. auf den 5. März Luftangriffe auf Stellungen der Miliz im Norden Malis geflogen.",
        "de",
        ("d", "in der Nacht vom 4. auf den 5. März", "2023-03-04/05", "night-range"), ("e", "Malis", "mali", "place"),
        ordinal=0,
    )
    body = claim(
        "d2", "A", "In der Nacht vom 4. auf den 5. April flog die Armee Luftangriffe auf Stellungen der Miliz im Norden Malis.",
        "de",
        ("d", "In der Nacht vom 4. auf den 5. April", "2023-04-04/05", "night-range"), ("e", "Malis", "mali", "place"),
        ordinal=5,
    )
    s = compare_claims(lede, body, published_a="2023-04-06", published_b="2023-04-06")
    assert s is not None and s.kind == "contradiction" and s.ctype == "date", s
    text = " ".join(s.reasons)
    assert "same day, different month" in text and "2023-04" in text


def test_numbers_alone_never_link():
    a = claim("n1", "A", "The company said 250 jobs would go.", "en", ("q", "250", 250, "exactly", "people"))
    b = claim("n2", "B", "Unas 250 personas asistieron al concierto en Sevilla.", "es", ("q", "250", 250, "about", "people"))
    assert compare_claims(a, b) is None


def test_part_of_whole_counts_pair_up():
    """'21 of the 29 drones' in both claims: 21 is not compared with 29."""
    a = claim("p1", "A", "Ukraine's air force said it shot down 21 of the 29 drones Russia launched at Odesa.", "en",
              ("e", "Odesa", "odesa", "place"), ("q", "21", 21, "exactly", "drones"), ("q", "29", 29, "exactly", "drones"))
    b = claim("p2", "B", "L'armée de l'air affirme avoir abattu 21 des 29 drones lancés par la Russie sur Odessa.", "fr",
              ("e", "Odessa", "odesa", "place"), ("q", "21", 21, "exactly", "drones"), ("q", "29", 29, "exactly", "drones"))
    s = compare_claims(a, b)
    assert s is not None and s.kind == "match", s
    c = claim("p3", "C", "Die Luftwaffe erklärte, 25 von 29 Drohnen über Odessa abgeschossen zu haben.", "de",
              ("e", "Odessa", "odesa", "place"), ("q", "25", 25, "exactly", "drones"), ("q", "29", 29, "exactly", "drones"))
    s = compare_claims(a, c)
    assert s is None or s.kind != "match", s


def test_background_toll_never_contradicts_an_undated_claim():
    """A toll recalled from months earlier, against a claim whose article gives no date at all."""
    undated = claim("b1", "A", "Sette persone sono state uccise nell'attacco di droni russi contro Odessa.", "it",
                    ("e", "Odessa", "odesa", "place"), ("q", "Sette", 7, "exactly", "killed"))
    march = claim("b2", "B", "In March, a Russian missile strike on Odesa killed 20 people.", "en",
                  ("d", "In March", "2025-03"), ("e", "Odesa", "odesa", "place"), ("q", "20", 20, "exactly", "killed"))
    s = compare_claims(undated, march, published_a=None, published_b="2025-06-10")
    assert s is None or s.kind != "contradiction", s
    # the same toll stated as today's news still conflicts
    today = claim("b3", "C", "A Russian drone attack on Odesa killed 20 people.", "en",
                  ("e", "Odesa", "odesa", "place"), ("q", "20", 20, "exactly", "killed"))
    s = compare_claims(undated, today, published_a=None, published_b="2025-06-10")
    assert s is not None and s.kind == "contradiction", s


def test_same_share_is_evidence_but_different_shares_are_not_a_conflict():
    a = claim("s1", "A", "A participação foi de 64,4 %, a mais alta desde 1995.", "pt", ("q", "64,4", 64.4, "exactly", "percent"))
    b = claim("s2", "B", "La participación alcanzó el 64,4 %, la más alta desde 1995.", "es", ("q", "64,4", 64.4, "exactly", "percent"))
    s = compare_claims(a, b)
    assert s is not None and s.kind == "match", s
    c = claim("s3", "C", "La participación alcanzó el 51,2 %, la más alta desde 1995.", "es", ("q", "51,2", 51.2, "exactly", "percent"))
    s = compare_claims(a, c)
    assert s is None or s.kind != "contradiction", s


# -- indicator figures, "about" intervals, one happening on two days ------------------------------

def _pair(a, b, pub_a="2025-03-10", pub_b="2025-03-10", ctx=None):
    fa = build_features(a, published=pub_a, article_order=0)
    fb = build_features(b, published=pub_b, article_order=1)
    return compare_features(fa, fb, ctx)


def _event_ctx(*cids):
    return PairContext(event_of={c: "ev1" for c in cids})


def test_same_indicator_different_share_is_a_quantity_contradiction():
    a = claim("i1", "A", "Unemployment in Norland rose to 5.8% in February, the statistics office said.", "en",
              ("e", "Norland", "norland", "place"), ("q", "5.8", 5.8, None, "percent"), ("d", "February", "2025-02"))
    b = claim("i2", "B", "Le chômage en Norland a atteint 6,3 % en février.", "fr",
              ("e", "Norland", "norland", "place"), ("q", "6,3", 6.3, None, "percent"), ("d", "février", "2025-02"))
    s = _pair(a, b)
    assert s is not None and s.kind == "contradiction" and s.ctype == "quantity", s


def test_same_indicator_within_rounding_agrees():
    a = claim("i3", "A", "Unemployment in Norland rose to 5.8% in February.", "en",
              ("e", "Norland", "norland", "place"), ("q", "5.8", 5.8, None, "percent"), ("d", "February", "2025-02"))
    b = claim("i4", "B", "Le chômage en Norland a atteint 5,83 % en février.", "fr",
              ("e", "Norland", "norland", "place"), ("q", "5,83", 5.83, None, "percent"), ("d", "février", "2025-02"))
    s = _pair(a, b)
    assert s is None or s.kind == "match", s


def test_share_of_another_period_or_indicator_never_conflicts():
    a = claim("i5", "A", "Unemployment in Norland rose to 5.8% in February.", "en",
              ("e", "Norland", "norland", "place"), ("q", "5.8", 5.8, None, "percent"), ("d", "February", "2025-02"))
    other_month = claim("i6", "B", "Le chômage en Norland était de 7,1 % en juin.", "fr",
                        ("e", "Norland", "norland", "place"), ("q", "7,1", 7.1, None, "percent"), ("d", "juin", "2024-06"))
    s = _pair(a, other_month)
    assert s is None or s.kind != "contradiction", s
    growth = claim("i7", "C", "Norland's economy grew 5.8% in February.", "en",
                   ("e", "Norland", "norland", "place"), ("q", "5.8", 5.8, None, "percent"), ("d", "February", "2025-02"))
    s = _pair(a, growth)
    assert s is None or s.kind != "match", s


def test_share_for_another_party_is_not_compared():
    a = claim("v1", "A", "The Green Party won 12.4% of the vote.", "en",
              ("e", "Green Party", "green party", "org"), ("q", "12.4", 12.4, None, "percent"))
    b = claim("v2", "B", "Le Parti social a obtenu 18,2 % des voix.", "fr",
              ("e", "Parti social", "parti social", "org"), ("q", "18,2", 18.2, None, "percent"))
    s = _pair(a, b, ctx=_event_ctx("v1", "v2"))
    assert s is None or s.kind != "contradiction", s


def test_about_allows_ten_percent_only():
    a = claim("ab1", "A", "About 120 passengers were on the train near Lindau.", "en",
              ("e", "Lindau", "lindau", "place"), ("q", "120", 120, "about", "people"))
    b = claim("ab2", "B", "Environ 150 passagers se trouvaient dans le train près de Lindau.", "fr",
              ("e", "Lindau", "lindau", "place"), ("q", "150", 150, "about", "people"))
    s = _pair(a, b, ctx=_event_ctx("ab1", "ab2"))
    assert s is not None and s.kind == "contradiction" and s.ctype == "quantity", s
    c = claim("ab3", "C", "Environ 128 passagers se trouvaient dans le train près de Lindau.", "fr",
              ("e", "Lindau", "lindau", "place"), ("q", "128", 128, "about", "people"))
    s = _pair(a, c, ctx=_event_ctx("ab1", "ab3"))
    assert s is None or s.kind != "contradiction", s


def test_one_happening_on_two_days_is_a_date_contradiction():
    a = claim("h1", "A", "The ferry left the port of Varna on Saturday evening.", "en",
              ("e", "Varna", "varna", "place"), ("d", "Saturday", "2025-09-13"))
    b = claim("h2", "B", "Il traghetto era partito domenica sera dal porto di Varna.", "it",
              ("e", "Varna", "varna", "place"), ("d", "domenica", "2025-09-14"))
    s = _pair(a, b, pub_a="2025-09-16", pub_b="2025-09-16", ctx=_event_ctx("h1", "h2"))
    assert s is not None and s.kind == "contradiction" and s.ctype == "date", s
    # without a shared event (background dates of another happening) it is not
    s = _pair(a, b, pub_a="2025-09-16", pub_b="2025-09-16")
    assert s is None or s.ctype != "date", s


def test_two_happenings_of_one_kind_in_one_article_are_not_a_date_contradiction():
    # an article tells the attack and, days later, the reprisal: two happenings, not one misdated
    reprisal = claim("r1", "A", "Norland launched air strikes on Tarsa on Friday, February 7.", "en",
                     ("e", "Norland", "norland", "place"), ("e", "Tarsa", "tarsa", "place"), ("d", "Friday, February 7", "2025-02-07"))
    attack = claim("r2", "A", "The drone attack on a Norland base near Tarsa on Sunday, February 2, killed four soldiers.", "en",
                   ("e", "Norland", "norland", "place"), ("e", "Tarsa", "tarsa", "place"), ("d", "Sunday, February 2", "2025-02-02"),
                   ("q", "four", 4, None, "killed"), ordinal=1)
    s = _pair(reprisal, attack, pub_a="2025-02-08", pub_b="2025-02-08", ctx=_event_ctx("r1", "r2"))
    assert s is None or s.ctype != "date", s


def test_specific_count_in_one_event_conflicts_despite_different_wording():
    # trapped miners counted by two outlets in two languages, worded nothing alike: the counted
    # thing and the shared event are the evidence
    a = claim("t1", "A", "Nine workers are still stuck underground, the operator said on Friday.", "en",
              ("q", "Nine", 9, None, "trapped"))
    b = claim("t2", "B", "Ocho mineros permanecen atrapados en el pozo.", "es", ("q", "Ocho", 8, None, "trapped"))
    s = _pair(a, b, ctx=_event_ctx("t1", "t2"))
    assert s is not None and s.kind == "contradiction" and s.ctype == "quantity", s
    # without a shared event it is not
    s = _pair(a, b)
    assert s is None or s.kind != "contradiction", s


def test_year_only_history_never_conflicts_with_this_event():
    old = claim("y1", "A", "In 2011, 29 miners were trapped at the Pike River mine near Greymouth.", "en",
                ("e", "Greymouth", "greymouth", "place"), ("q", "29", 29, None, "trapped"), ("d", "2011", "2011", "year"))
    now = claim("y2", "A", "Six miners remain trapped near Greymouth on Tuesday.", "en",
                ("e", "Greymouth", "greymouth", "place"), ("q", "Six", 6, None, "trapped"), ("d", "Tuesday", "2025-03-04"),
                ordinal=1)
    s = _pair(old, now, pub_a="2025-03-05", pub_b="2025-03-05", ctx=_event_ctx("y1", "y2"))
    assert s is None or s.kind != "contradiction", s


def test_counts_for_opposite_sides_of_a_vote_are_not_compared():
    yes = claim("p1", "A", "Only five provinces approved the reform.", "en", ("q", "five", 5, None, "places"))
    no = claim("p2", "B", "Dieciocho provincias rechazaron la reforma.", "es", ("q", "Dieciocho", 18, None, "places"))
    s = _pair(yes, no, ctx=_event_ctx("p1", "p2"))
    assert s is None or s.kind != "contradiction", s
    no2 = claim("p3", "C", "Sedici province hanno respinto la riforma.", "it", ("q", "Sedici", 16, None, "places"))
    s = _pair(no, no2, ctx=_event_ctx("p2", "p3"))
    assert s is not None and s.kind == "contradiction", s
    yes_share = claim("p4", "D", "In Lorr county the yes side won with 54.3%.", "en", ("q", "54.3", 54.3, None, "percent"))
    no_share = claim("p5", "E", "The reform was rejected by 51.6% of the vote.", "en", ("q", "51.6", 51.6, None, "percent"))
    s = _pair(yes_share, no_share, ctx=_event_ctx("p4", "p5"))
    assert s is None or s.kind != "contradiction", s


def test_wind_speeds_of_one_storm_conflict():
    a = claim("w1", "A", "The cyclone hit the coast with sustained winds of 210 kilometres per hour.", "en",
              ("q", "210", 210, None, "distance"))
    b = claim("w2", "B", "Les vents soutenus atteignaient 180 km/h.", "fr", ("q", "180", 180, None, "distance"))
    s = _pair(a, b, ctx=_event_ctx("w1", "w2"))
    assert s is not None and s.kind == "contradiction" and s.ctype == "quantity", s
    # a distance is still agree-only
    c = claim("w3", "C", "The storm passed 180 km from the coast.", "en", ("q", "180", 180, None, "distance"))
    s = _pair(a, c, ctx=_event_ctx("w1", "w3"))
    assert s is None or s.kind != "contradiction", s


def test_landfall_on_two_days_is_a_date_contradiction():
    a = claim("l1", "A", "The typhoon made landfall in Aurora province on Sunday afternoon.", "en",
              ("e", "Aurora", "aurora", "place"), ("d", "Sunday", "2025-10-19"))
    b = claim("l2", "B", "Il a touché terre samedi soir dans la province d'Aurora.", "fr",
              ("e", "Aurora", "aurora", "place"), ("d", "samedi soir", "2025-10-18"))
    s = _pair(a, b, pub_a="2025-10-20", pub_b="2025-10-20", ctx=_event_ctx("l1", "l2"))
    assert s is not None and s.kind == "contradiction" and s.ctype == "date", s
