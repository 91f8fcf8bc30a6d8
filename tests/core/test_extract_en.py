"""English extraction cases written from general news style (not the samples)."""

from __future__ import annotations

import pytest

CASES = [
    # quantities
    ("q", "At least 42 people were killed when the earthquake struck the province.", "42", 42, "killed", "at_least"),
    ("q", "The quake injured more than 300 residents, officials said.", "300", 300, "wounded", "more_than"),
    ("q", "Nearly 1,200 homes were destroyed in the floods.", "1,200", 1200, "buildings", "about"),
    ("q", "Police arrested 15 protesters outside parliament.", "15", 15, "arrests", None),
    ("q", "Rebels kidnapped twelve aid workers near the border.", "twelve", 12, "hostages", None),
    ("q", "The storm left about 40,000 people displaced along the coast.", "40,000", 40000, "displaced", "about"),
    ("q", "Inflation rose to 7.5% in the euro zone.", "7.5", 7.5, "percent", None),
    ("q", "The company will cut up to 2,000 jobs and save $3 billion.", "$3 billion", 3e9, "money", None),
    ("q", "The government pledged 500 million euros for reconstruction.", "500 million", 5e8, "money", None),
    ("q", "Two soldiers died in the ambush.", "Two", 2, "killed", None),
    ("q", "The army fired twenty-five rockets overnight.", "twenty-five", 25, "rockets", None),
    ("q", "Around 60 drones were shot down by air defences.", "60", 60, "drones", "about"),
    ("q", "The convoy of 14 trucks reached the city.", "14", 14, "vehicles", None),
    ("q", "Dozens of civilians fled the fighting.", "Dozens", 12, "displaced", "more_than"),
    ("q", "The candidate won 52 seats in the new assembly.", "52", 52, "seats", None),
    ("q", "Voters cast 1.2 million ballots on Sunday.", "1.2 million", 1.2e6, "votes", None),
    ("q", "The marathon route is 42 km long.", "42", 42, "distance", None),
    ("q", "A 67-year-old man was among the victims.", "67-year-old", 67, "age", None),
    ("q", "The hostage crisis lasted three days.", "three", 3, "duration", None),
    ("q", "One child was killed and four others were wounded.", "One", 1, "killed", None),
    ("q", "One child was killed and four others were wounded.", "four", 4, "wounded", None),
    ("q", "Gunmen stormed the village, killing at least nine villagers.", "nine", 9, "killed", "at_least"),
    ("q", "The figure of 10-15 casualties was disputed.", "10-15", 10, "casualties", "at_least"),
    # not quantities
    ("nq", "The president is seeking a second term.", "second"),
    ("nq", "Delivery of the F-35 jets was delayed.", "35"),
    ("nq", "The council adopted Resolution 2728 unanimously.", "2728"),
    ("nq", "They left one by one after the meeting.", "one"),
    ("nq", "He finished 2nd in the final.", "2"),
    ("nq", "Call +44 20 7946 0958 for details.", "44"),
    ("nq", "The meeting starts at 14:30 in Geneva.", "14"),
    ("nq", "The 2015 agreement was signed in Paris.", "2015"),
    # dates
    ("d", "The vote took place on Sunday.", "2024-03-06", "on Sunday", "2024-03-03"),
    ("d", "Officials met on Wednesday.", "2024-03-06", "on Wednesday", "2024-03-06"),
    ("d", "The ceasefire collapsed last Wednesday.", "2024-03-06", "last Wednesday", "2024-02-28"),
    ("d", "Talks resume next Monday.", "2024-03-06", "next Monday", "2024-03-11"),
    ("d", "The flooding began on March 2.", "2024-03-06", "on March 2", "2024-03-02"),
    ("d", "The plant closed on November 30.", "2024-03-06", "on November 30", "2023-11-30"),
    ("d", "The law was passed on 12 January 2021.", None, "on 12 January 2021", "2021-01-12"),
    ("d", "Prices rose in early May.", "2024-06-15", "early May", "2024-05-01/2024-05-10"),
    ("d", "Construction should end in late 2025.", None, "late 2025", "2025-09/2025-12"),
    ("d", "The team was founded in 1998.", None, "1998", "1998"),
    ("d", "The report was released yesterday.", "2024-03-06", "yesterday", "2024-03-05"),
    ("d", "Exports fell in April.", "2024-03-06", "in April", "2023-04"),
    ("d", "The summit opened on Tuesday, March 5, in Brussels.", None, "on Tuesday, March 5", "2024-03-05"),
    ("d", "Results were published on 2024-03-05.", None, "2024-03-05", "2024-03-05"),
    ("d", "The storm hit overnight from March 4 to 5.", "2024-03-06", "overnight from March 4 to 5", "2024-03-04/2024-03-05"),
    ("nd", "You may leave now, she said.", "may"),
    # attributions
    ("a", "Ten people died, according to the Ministry of Health.", "ministry:health"),
    ("a", "The death toll rose to 41, the Interior Ministry said.", "ministry:interior"),
    # a country's ministry is the ministry, not the country
    ("a", "Mali's interior ministry announced a curfew in the capital on Monday.", "ministry:interior"),
    ("a", "Chile's health ministry said 14 people were in hospital.", "ministry:health"),
    ("a", "Three soldiers died, Jordan's defence ministry said.", "ministry:defense"),
    ("a", "Three soldiers were killed, a spokesman for the Pentagon told Reuters.", "pentagon"),
    ("a", "Three soldiers were killed, a spokesman for the Pentagon told Reuters.", "reuters"),
    ("a", "At least 20 fighters died, said the Syrian Observatory for Human Rights.", "sohr"),
    ("a", "The strike killed 8 civilians, according to Amnesty International.", "amnesty"),
    ("na", "Work will continue according to the schedule agreed in May."),
    ("na", "Everything went according to plan on Friday."),
    # entities
    ("e", "Fighting continued near Abu Kamal on Tuesday.", "Abu Kamal", "boukamal"),
    ("e", "Prime Minister Benjamin Netanyahu spoke in Jerusalem.", "Benjamin Netanyahu", "benjamin-netanyahu"),
    ("e", "Iraqi forces entered Mosul on Tuesday.", "Iraqi", "iraq"),
    ("e", "Daesh claimed the attack in a statement.", "Daesh", "isis"),
    ("ne", "Meanwhile the talks stalled in Geneva.", "Meanwhile"),
    ("ne", "On Monday the markets reopened.", "Monday"),
    # quotes and splitting
    ("quote", "“We will rebuild every house. Nobody will be left behind,” Mayor Anna Schmidt said.", "Anna Schmidt"),
    ("split", "Dr. Jones arrived in the U.S. on Monday. She left on Tuesday.", 2),
    ("split", "“It is over. We lost,” the coach said after the game. Fans left early.", 2),
    ("split", "He resigned. the board. accepted it.", 1),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_en_case(case, check):
    check(case, "en")
