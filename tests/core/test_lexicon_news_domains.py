"""The lexicon's general news vocabulary: one fact told in two or three languages maps to the same
concepts (justice, health, transport, weather, politics, economy, society, security), and a prefix
term does not catch an unrelated word. The sentences are made up for these tests."""

from __future__ import annotations

import pytest

from factdesk.core.matching.lexicon import lexicon

SAME_FACT = [
    # justice and crime
    ({"lawyer", "charged", "suspect"}, [
        ("en", "The suspect's lawyer said his client had been charged on Friday."),
        ("fr", "L'avocat du suspect a déclaré que son client avait été inculpé vendredi."),
        ("de", "Der Anwalt des Verdächtigen sagte, sein Mandant sei am Freitag angeklagt worden."),
    ]),
    ({"murder", "stabbing"}, [
        ("en", "The murder was committed with a knife in a quiet street."),
        ("es", "El asesinato se cometió con un cuchillo en una calle tranquila."),
        ("it", "L'omicidio è stato commesso con un coltello in una strada tranquilla."),
    ]),
    ({"robbery", "bail"}, [
        ("en", "The man accused of the bank robbery was released on bail."),
        ("pt", "O homem acusado do roubo ao banco foi solto sob fiança."),
        ("nl", "De man die van de bankoverval wordt verdacht, kwam vrij op borgtocht na de beroving."),
    ]),
    ({"fine", "crime"}, [
        ("en", "The court fined the company for a serious environmental crime."),
        ("de", "Das Gericht verhängte gegen die Firma eine Geldstrafe wegen eines schweren Umweltverbrechens, einem Verbrechen."),
        ("it", "Il tribunale ha inflitto una multa all'azienda per un grave reato ambientale."),
    ]),
    ({"drugs", "trafficking", "gang"}, [
        ("en", "Police dismantled a gang involved in drug trafficking along the coast."),
        ("fr", "La police a démantelé un gang impliqué dans le trafic de drogue sur la côte."),
        ("es", "La policía desarticuló una banda criminal dedicada al tráfico de drogas en la costa."),
    ]),
    ({"execution", "witness"}, [
        ("en", "A witness described the execution of the prisoner."),
        ("fr", "Un témoin a décrit l'exécution du prisonnier."),
        ("pt", "Uma testemunha descreveu a execução do prisioneiro."),
    ]),
    ({"escape", "police_search"}, [
        ("en", "The fugitive escaped before officers searched the farm."),
        ("de", "Der Flüchtige war entkommen, bevor die Durchsuchung des Hofes begann."),
        ("nl", "De voortvluchtige was ontsnapt voordat de huiszoeking op de boerderij begon."),
    ]),
    ({"corruption", "scandal"}, [
        ("en", "The corruption scandal forced the mayor to resign."),
        ("es", "El escándalo de corrupción obligó al alcalde a dimitir."),
        ("it", "Lo scandalo di corruzione ha costretto il sindaco alle dimissioni."),
    ]),
    # health
    ({"poisoning", "bacteria"}, [
        ("en", "Salmonella bacteria caused the food poisoning at the school canteen."),
        ("fr", "Des bactéries de salmonelle ont provoqué l'intoxication à la cantine de l'école."),
        ("de", "Salmonellen-Bakterien verursachten die Vergiftung in der Schulkantine."),
    ]),
    ({"nurse", "symptoms", "quarantine"}, [
        ("en", "Two nurses with symptoms were placed in quarantine."),
        ("es", "Dos enfermeras con síntomas fueron puestas en cuarentena."),
        ("pt", "Duas enfermeiras com sintomas foram colocadas em quarentena."),
    ]),
    ({"medicine", "shortage"}, [
        ("en", "Pharmacies warn of a shortage of medicines for children."),
        ("fr", "Les pharmacies alertent sur une pénurie de médicaments pour enfants."),
        ("nl", "Apotheken waarschuwen voor een tekort aan geneesmiddelen voor kinderen."),
    ]),
    # transport
    ({"bus", "car", "driver"}, [
        ("en", "The bus driver swerved to avoid a car on the bridge."),
        ("es", "El conductor del autobús dio un volantazo para esquivar un coche en el puente."),
        ("it", "L'autista del pullman ha sterzato per evitare una vettura sul ponte."),
    ]),
    ({"ship", "crew", "shipwreck"}, [
        ("en", "The ship capsized and ten crew members are missing."),
        ("fr", "Le navire a chaviré et dix membres d'équipage sont portés disparus."),
        ("es", "El buque naufragó y diez tripulantes están desaparecidos."),
    ]),
    ({"landing", "runway", "engine"}, [
        ("en", "After an engine failure the plane made an emergency landing on the runway."),
        ("de", "Nach einem Triebwerksausfall machte das Flugzeug eine Notlandung auf der Landebahn."),
        ("nl", "Na motorpech maakte het toestel een noodlanding op de landingsbaan; de motor viel uit."),
    ]),
    ({"motorcycle", "pedestrian", "traffic"}, [
        ("en", "A motorcycle hit a pedestrian and traffic was halted for hours."),
        ("pt", "Uma moto atropelou um pedestre e o trânsito ficou parado durante horas."),
        ("it", "Una moto ha investito un pedone e il traffico è rimasto bloccato per ore."),
    ]),
    ({"metro", "station", "tunnel"}, [
        ("en", "The metro stopped in a tunnel between two stations."),
        ("fr", "Le métro s'est arrêté dans un tunnel entre deux stations."),
        ("es", "El metro se detuvo en un túnel entre dos estaciones."),
    ]),
    # disasters and weather
    ({"volcano", "eruption", "ash", "lava"}, [
        ("en", "The volcano's eruption sent ash into the sky and lava down its slopes."),
        ("it", "L'eruzione del vulcano ha lanciato cenere nel cielo e lava lungo i pendii."),
        ("pt", "A erupção do vulcão lançou cinzas no céu e lava pelas encostas."),
    ]),
    ({"snow", "alert", "mountain"}, [
        ("en", "Heavy snow prompted a red alert in the mountains."),
        ("fr", "De fortes chutes de neige ont déclenché une alerte rouge en montagne."),
        ("de", "Starker Schneefall löste im Gebirge die höchste Alarmstufe aus."),
    ]),
    ({"tsunami", "sea", "island"}, [
        ("en", "A tsunami struck the island after the quake at sea."),
        ("es", "Un tsunami golpeó la isla tras el sismo en el mar."),
        ("nl", "Een tsunami trof het eiland na de beving op zee."),
    ]),
    ({"forest", "shelter", "drowning"}, [
        ("en", "Hikers sheltered in the forest; one man drowned in the river."),
        ("fr", "Des randonneurs se sont mis à l'abri dans la forêt ; un homme s'est noyé dans la rivière."),
        ("it", "Gli escursionisti hanno trovato riparo nel bosco; un uomo è annegato nel fiume."),
    ]),
    ({"lightning", "storm", "cold_wave"}, [
        ("en", "Lightning during the thunderstorm preceded a cold wave."),
        ("de", "Ein Blitz während des Gewitters kündigte eine Kältewelle an."),
        ("pt", "Um relâmpago durante a trovoada antecedeu uma onda de frio."),
    ]),
    # politics and diplomacy
    ({"summit", "ambassador", "mediator"}, [
        ("en", "The ambassador said the mediator would attend the summit."),
        ("es", "El embajador dijo que el mediador asistiría a la cumbre."),
        ("de", "Der Botschafter sagte, der Vermittler werde am Gipfel teilnehmen."),
    ]),
    ({"release", "exchange", "prisoner"}, [
        ("en", "Twenty prisoners were freed in the exchange."),
        ("fr", "Vingt prisonniers ont été libérés lors de l'échange."),
        ("nl", "Twintig gevangenen werden vrijgelaten bij de uitwisseling."),
    ]),
    ({"opposition", "survey", "voters"}, [
        ("en", "A survey shows voters turning to the opposition."),
        ("it", "Un sondaggio mostra che gli elettori si spostano verso l'opposizione."),
        ("pt", "Uma sondagem mostra os eleitores a virarem-se para a oposição."),
    ]),
    ({"ban", "curfew", "permit"}, [
        ("en", "The city imposed a curfew and a ban on gatherings without a permit."),
        ("fr", "La ville a imposé un couvre-feu et une interdiction des rassemblements sans autorisation."),
        ("es", "La ciudad impuso un toque de queda y la prohibición de reuniones sin permiso."),
    ]),
    ({"coup", "veto", "resolution"}, [
        ("en", "Russia vetoed the resolution condemning the coup."),
        ("es", "Rusia vetó la resolución que condenaba el golpe de Estado."),
        ("it", "La Russia ha posto il veto alla risoluzione che condannava il colpo di Stato."),
    ]),
    ({"deportation", "immigration", "foreigners"}, [
        ("en", "The new immigration law speeds up the deportation of foreigners."),
        ("de", "Das neue Einwanderungsgesetz beschleunigt die Abschiebung von Ausländern."),
        ("nl", "De nieuwe immigratiewet versnelt de uitzetting van buitenlanders."),
    ]),
    ({"sign", "reform", "monarch"}, [
        ("en", "The king signed the reform into law."),
        ("es", "El rey firmó la reforma."),
        ("nl", "De koning ondertekende de hervorming."),
    ]),
    ({"no_confidence", "leader", "council"}, [
        ("en", "The council leader lost a no-confidence vote."),
        ("fr", "Le leader du conseil a perdu une motion de censure."),
        ("it", "Il leader del consiglio ha perso un voto di sfiducia."),
    ]),
    # economy
    ({"bank", "investment", "cost"}, [
        ("en", "The bank said the investment will cost two billion."),
        ("de", "Die Bank sagte, die Investition werde zwei Milliarden kosten."),
        ("pt", "O banco disse que o investimento vai custar dois mil milhões."),
    ]),
    ({"merger", "consumers", "currency"}, [
        ("en", "Consumers fear the merger while the currency weakens."),
        ("fr", "Les consommateurs redoutent la fusion alors que la monnaie faiblit."),
        ("nl", "Consumenten vrezen de fusie terwijl de munt verzwakt."),
    ]),
    ({"farmers", "boycott", "subsidy"}, [
        ("en", "Farmers announced a boycott after the subsidy was cut."),
        ("es", "Los agricultores anunciaron un boicot tras el recorte de la subvención."),
        ("it", "Gli agricoltori hanno annunciato un boicottaggio dopo il taglio del sussidio."),
    ]),
    ({"renewable", "coal", "crisis"}, [
        ("en", "During the crisis the country burned more coal and built solar farms."),
        ("de", "In der Krise verbrannte das Land mehr Kohle und baute Solarparks."),
        ("fr", "Pendant la crise, le pays a brûlé plus de charbon et construit des parcs solaires."),
    ]),
    ({"rent", "poverty"}, [
        ("en", "Rising rents push families into poverty."),
        ("es", "La subida del alquiler empuja a las familias a la pobreza."),
        ("de", "Steigende Mieten treiben Familien in die Armut."),
    ]),
    # society
    ({"teacher", "university", "youth"}, [
        ("en", "Teachers and university staff marched with teenagers."),
        ("fr", "Les enseignants et le personnel de l'université ont défilé avec des adolescents."),
        ("pt", "Os professores e funcionários da universidade marcharam com adolescentes."),
    ]),
    ({"volunteer", "elderly", "family"}, [
        ("en", "Volunteers helped the elderly and their families."),
        ("de", "Freiwillige halfen den Senioren und ihren Familien."),
        ("it", "I volontari hanno aiutato gli anziani e le loro famiglie."),
    ]),
    ({"worship", "violence", "racism"}, [
        ("en", "The attack on the mosque was condemned as racist violence."),
        ("es", "El ataque contra la mezquita fue condenado como violencia racista."),
        ("nl", "De aanval op de moskee werd veroordeeld als racistisch geweld."),
    ]),
    ({"tourists", "camp"}, [
        ("en", "Tourists were moved to a camp near the beach."),
        ("fr", "Les touristes ont été transférés dans un camp près de la plage."),
        ("de", "Die Touristen wurden in ein Camp am Strand gebracht."),
    ]),
    # security
    ({"siege", "surrender", "artillery"}, [
        ("en", "After a long siege under artillery fire the garrison surrendered."),
        ("fr", "Après un long blocus sous le feu de l'artillerie, la garnison a capitulé."),
        ("de", "Nach langer Belagerung unter Artilleriebeschuss kapitulierte die Garnison."),
    ]),
    ({"air_defense", "intercept", "siren"}, [
        ("en", "Sirens sounded as air defence intercepted the drones."),
        ("es", "Sonaron las sirenas mientras la defensa aérea interceptaba los drones."),
        ("it", "Sono suonate le sirene mentre la difesa aerea intercettava i droni."),
    ]),
    ({"warship", "navy"}, [
        ("en", "The navy sent a warship to the strait."),
        ("pt", "A marinha enviou um navio de guerra para o estreito."),
        ("nl", "De marine stuurde een oorlogsschip naar de zeestraat."),
    ]),
    ({"checkpoint", "tear_gas", "guard"}, [
        ("en", "Guards at the checkpoint fired tear gas."),
        ("fr", "Les gardes du point de contrôle ont tiré des gaz lacrymogènes."),
        ("es", "Los guardias del puesto de control lanzaron gases lacrimógenos."),
    ]),
    ({"conscription", "front_line"}, [
        ("en", "Conscription sends young men to the front line."),
        ("de", "Die Wehrpflicht schickt junge Männer an die Frontlinie."),
        ("nl", "De dienstplicht stuurt jonge mannen naar de frontlinie."),
    ]),
    ({"takeoff", "fuel"}, [
        ("en", "The plane turned back shortly after takeoff because of a fuel leak."),
        ("fr", "L'avion a fait demi-tour peu après le décollage à cause d'une fuite de carburant."),
        ("de", "Das Flugzeug kehrte kurz nach dem Abflug wegen eines Treibstofflecks um."),
    ]),
    ({"extradition", "evidence"}, [
        ("en", "The judge approved the extradition despite weak evidence."),
        ("es", "El juez aprobó la extradición pese a la falta de pruebas."),
        ("it", "Il giudice ha approvato l'estradizione nonostante le scarse prove."),
    ]),
    ({"disinformation", "scientists"}, [
        ("en", "Scientists warned against disinformation about the vaccine."),
        ("de", "Wissenschaftler warnten vor Desinformation über den Impfstoff."),
        ("pt", "Cientistas alertaram contra a desinformação sobre a vacina."),
    ]),
    ({"apology", "visit", "anniversary"}, [
        ("en", "During his visit on the anniversary the president offered an apology."),
        ("fr", "Lors de sa visite pour l'anniversaire, le président a présenté des excuses."),
        ("nl", "Tijdens zijn bezoek op de gedenkdag bood de president excuses aan."),
    ]),
]


@pytest.mark.parametrize(("concepts", "versions"), SAME_FACT, ids=lambda v: "+".join(sorted(v)) if isinstance(v, set) else None)
def test_one_fact_maps_to_the_same_concepts_in_each_language(concepts, versions):
    lex = lexicon()
    for lang, text in versions:
        got = set(lex.map_text(text, lang).concepts)
        assert concepts <= got, (lang, sorted(concepts - got), text)


NOT_CAUGHT = [
    # a prefix or a new term must not catch a different word
    ("en", "The bank raised its fees.", "ban"),
    ("en", "The banned film is showing again.", "bank"),
    ("en", "A tentative agreement was reached.", "camp"),
    ("en", "Floodwaters subsided overnight.", "subsidy"),
    ("en", "Churchill's statue was cleaned.", "worship"),
    ("fr", "Un banquet a réuni les élus.", "bank"),
    ("fr", "Le groupe pétrolier a publié ses résultats.", "ship"),
    ("fr", "Marine Le Pen a tenu un meeting.", "navy"),
    ("es", "El deporte escolar recibe más fondos.", "deportation"),
    ("es", "Los ciudadanos votaron el domingo.", "city"),
    ("de", "Die Preise sind deutlich gesunken.", "shipwreck"),
    ("pt", "O ministro assinalou a importância do acordo.", "sign"),
    ("nl", "Dat bewijs is onweerlegbaar.", "storm"),
    ("it", "Il governo ha rifiutato la proposta.", "waste"),
    ("it", "A causa della pioggia la partita è stata rinviata.", "lawsuit"),
]


@pytest.mark.parametrize(("lang", "text", "concept"), NOT_CAUGHT)
def test_a_term_does_not_catch_an_unrelated_word(lang, text, concept):
    assert concept not in lexicon().map_text(text, lang).concepts, text


def test_a_word_that_means_both_maps_to_both():
    lex = lexicon()
    # French "sommet" is a summit and a peak; Italian "vertice" a summit and a meeting
    assert {"summit", "peak"} <= set(lex.map_text("Le sommet s'ouvre lundi.", "fr").concepts)
    assert {"summit", "meeting"} <= set(lex.map_text("Il vertice si apre lunedì.", "it").concepts)
    # a drug-trafficking phrase keeps both of its concepts
    for lang, text in (("en", "drug trafficking"), ("fr", "trafic de drogue"), ("pt", "tráfico de drogas")):
        assert {"drugs", "trafficking"} <= set(lex.map_text(text, lang).concepts), text


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("it", "Il portavoce dell'esercito ha parlato nell'area colpita.", {"army", "spokesperson"}),
    ("it", "Un'esplosione ha scosso la città all'alba.", {"explosion"}),
    ("it", "Nessuno è stato ferito sull'autostrada dall'incidente.", {"wounded", "accident"}),
    ("en", "The army's spokesman said the ministry's statement was wrong.", {"army", "spokesperson", "ministry"}),
])
def test_elisions_and_possessives_do_not_hide_a_word(lang, text, want):
    # an Italian articulated preposition before a vowel (dell', nell', sull', un') and an English
    # possessive are not part of the word they are glued to
    assert want <= set(lexicon().map_text(text, lang).concepts)


def test_a_possessive_strip_keeps_names_and_listed_forms():
    lx = lexicon()
    # Dutch plurals written with an apostrophe are listed as such and still map
    assert "region" in lx.map_text("In drie regio's viel de stroom uit.", "nl").concepts
    # a name's possessive leaves the name, as the name alone does
    assert lx.map_text("Kovalin's statement", "en").residual == lx.map_text("Kovalin statement", "en").residual
