"""French extraction cases written from general news style (not the samples)."""

from __future__ import annotations

import pytest

CASES = [
    # quantités
    ("q", "Au moins 42 personnes ont été tuées dans le séisme.", "42", 42, "killed", "at_least"),
    ("q", "Le séisme a fait plus de 300 blessés selon les secours.", "300", 300, "wounded", "more_than"),
    ("q", "Près de 1 200 maisons ont été détruites par les inondations.", "1 200", 1200, "buildings", "about"),
    ("q", "La police a interpellé 15 manifestants devant l'Assemblée.", "15", 15, "arrests", None),
    ("q", "Douze humanitaires ont été enlevés près de la frontière.", "Douze", 12, "hostages", None),
    ("q", "Environ 40 000 personnes ont été déplacées par la tempête.", "40 000", 40000, "displaced", "about"),
    ("q", "L'inflation a atteint 7,5 % en zone euro.", "7,5", 7.5, "percent", None),
    ("q", "Le gouvernement a débloqué 500 millions d'euros pour la reconstruction.", "500 millions", 5e8, "money", None),
    ("q", "Deux soldats sont morts dans l'embuscade.", "Deux", 2, "killed", None),
    ("q", "L'armée a tiré vingt-cinq roquettes pendant la nuit.", "vingt-cinq", 25, "rockets", None),
    ("q", "Une soixantaine de drones ont été abattus.", "Une soixantaine", 60, "drones", "about"),
    ("q", "Un convoi de 14 camions est arrivé dans la ville.", "14", 14, "vehicles", None),
    ("q", "Des dizaines de civils ont fui les combats.", "Des dizaines", 10, "displaced", "more_than"),
    ("q", "Le parti a obtenu 52 sièges à l'Assemblée.", "52", 52, "seats", None),
    ("q", "Le marathon fait 42 kilomètres.", "42", 42, "distance", None),
    ("q", "Un homme âgé de 67 ans figure parmi les victimes.", "67 ans", 67, "age", None),
    ("q", "La prise d'otages a duré trois jours.", "trois", 3, "duration", None),
    ("q", "L'attaque a fait un mort et quatre blessés.", "un", 1, "killed", None),
    ("q", "L'attaque a fait un mort et quatre blessés.", "quatre", 4, "wounded", None),
    ("q", "Des hommes armés ont attaqué le village, tuant au moins neuf habitants.", "neuf", 9, "killed", "at_least"),
    ("q", "Quatre-vingt-cinq cibles ont été frappées.", "Quatre-vingt-cinq", 85, "targets", None),
    ("q", "Jusqu'à 3 000 soldats seront déployés.", "3 000", 3000, "soldiers", "up_to"),
    ("q", "Moins de 20 % des électeurs ont voté.", "20", 20, "percent", "less_than"),
    # pas des quantités
    ("nq", "Le président brigue un second mandat.", "second"),
    ("nq", "Une seconde frappe a visé le dépôt.", "Une"),
    ("nq", "La livraison des Rafale F-4 a été retardée.", "4"),
    ("nq", "Il a terminé 2e de la course.", "2"),
    ("nq", "Le Conseil a adopté la résolution 2728.", "2728"),
    ("nq", "Un responsable a confirmé l'information.", "Un"),
    ("nq", "Rendez-vous à 14h30 devant la mairie.", "14"),
    # dates
    ("d", "Le scrutin a eu lieu dimanche.", "2024-03-06", "dimanche", "2024-03-03"),
    ("d", "Les ministres se sont réunis mercredi.", "2024-03-06", "mercredi", "2024-03-06"),
    ("d", "Le cessez-le-feu a été rompu mercredi dernier.", "2024-03-06", "mercredi dernier", "2024-02-28"),
    ("d", "Les négociations reprendront lundi prochain.", "2024-03-06", "lundi prochain", "2024-03-11"),
    ("d", "Les inondations ont commencé le 2 mars.", "2024-03-06", "le 2 mars", "2024-03-02"),
    ("d", "L'usine a fermé le 30 novembre.", "2024-03-06", "le 30 novembre", "2023-11-30"),
    ("d", "La loi a été votée le 12 janvier 2021.", None, "le 12 janvier 2021", "2021-01-12"),
    ("d", "Les prix ont augmenté début mai.", "2024-06-15", "début mai", "2024-05-01/2024-05-10"),
    ("d", "Les travaux doivent s'achever fin 2025.", None, "fin 2025", "2025-09/2025-12"),
    ("d", "Le club a été fondé en 1998.", None, "1998", "1998"),
    ("d", "Le rapport a été publié hier.", "2024-03-06", "hier", "2024-03-05"),
    ("d", "Les exportations ont chuté en avril.", "2024-03-06", "en avril", "2023-04"),
    ("d", "Le sommet s'est ouvert mardi 5 mars à Bruxelles.", None, "mardi 5 mars", "2024-03-05"),
    ("d", "La tempête a frappé dans la nuit du 4 au 5 mars.", "2024-03-06", "dans la nuit du 4 au 5 mars", "2024-03-04/2024-03-05"),
    ("d", "Le festival se tiendra du 10 au 14 juillet 2024.", None, "du 10 au 14 juillet 2024", "2024-07-10/2024-07-14"),
    ("d", "Les combats ont repris à la mi-mars.", "2024-06-15", "à la mi-mars", "2024-03-11/2024-03-20"),
    ("d", "Les chiffres de l'an dernier étaient meilleurs.", "2024-06-15", "l'an dernier", "2023"),
    # attributions
    ("a", "Dix personnes sont mortes, selon le ministère de la Santé.", "ministry:health"),
    ("a", "Le bilan est de 41 morts, a indiqué le ministère de l'Intérieur.", "ministry:interior"),
    ("a", "Trois soldats ont été tués, a indiqué à l'AFP un porte-parole du Pentagone.", "pentagon"),
    ("a", "Trois soldats ont été tués, a indiqué à l'AFP un porte-parole du Pentagone.", "afp"),
    ("a", "Au moins 20 combattants sont morts, selon l'OSDH.", "sohr"),
    ("a", "La frappe a tué 8 civils, d'après Amnesty International.", "amnesty"),
    ("a", "L'agence officielle Sana a rapporté que 5 soldats avaient été tués.", "sana"),
    ("na", "Les travaux continueront selon le calendrier prévu en mai."),
    ("na", "Les délais varient selon les cas depuis lundi."),
    # entités
    ("e", "Les combats se poursuivent près de Boukamal et à Deir Ezzor.", "Boukamal", "boukamal"),
    ("e", "Le Premier ministre Benyamin Netanyahou s'est exprimé à Jérusalem.", "Benyamin Netanyahou", "benjamin-netanyahu"),
    ("e", "Les forces irakiennes sont entrées à Mossoul mardi.", "irakiennes", "iraq"),
    ("e", "Daech a revendiqué l'attentat à Kaboul.", "Daech", "isis"),
    ("e", "Les Gardiens de la révolution ont menacé les États-Unis.", "États-Unis", "us"),
    ("ne", "Citant des sources locales, la chaîne a annoncé 3 morts.", "Citant"),
    ("ne", "Mardi, le Parlement a voté la loi.", "Mardi"),
    # citations et découpage
    ("quote", "« Nous reconstruirons chaque maison. Personne ne sera oublié », a déclaré la maire Anne Dupont.", "Anne Dupont"),
    ("split", "M. Dupont est arrivé lundi. Il est reparti mardi.", 2),
    ("split", "« C'est fini. Nous avons perdu », a-t-il ajouté après le match. Les supporters sont partis.", 2),
    ("split", "«Nous riposterons.Toujours», a dit le chef.", 1),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_fr_case(case, check):
    check(case, "fr")
