"""German, Spanish and Portuguese: smaller data files, same code."""

from __future__ import annotations

import pytest

DE = [
    ("q", "Mindestens 12 Menschen wurden bei dem Erdbeben getötet.", "12", 12, "killed", "at_least"),
    ("q", "Mehr als 500 Soldaten wurden verletzt.", "500", 500, "wounded", "more_than"),
    ("d", "Das Treffen fand am Freitag statt.", "2024-03-06", "am Freitag", "2024-03-01"),
    ("d", "Die Wahl war am 2. Februar 2024.", None, "am 2. Februar 2024", "2024-02-02"),
    ("a", "Drei Zivilisten starben, laut dem Innenministerium.", "ministry:interior"),
]
ES = [
    ("q", "Al menos 34 personas murieron en el terremoto.", "34", 34, "killed", "at_least"),
    ("q", "Más de 200 heridos fueron trasladados al hospital.", "200", 200, "wounded", "more_than"),
    ("d", "El ataque ocurrió el 3 de marzo de 2023.", None, "el 3 de marzo de 2023", "2023-03-03"),
    ("d", "La votación fue el domingo.", "2024-03-06", "el domingo", "2024-03-03"),
    ("a", "Murieron 12 soldados, según el Ministerio de Defensa.", "ministry:defense"),
]
PT = [
    ("q", "Pelo menos 18 pessoas morreram no acidente.", "18", 18, "killed", "at_least"),
    ("q", "Cerca de 300 famílias ficaram desalojadas, mais de 40 feridos.", "40", 40, "wounded", "more_than"),
    ("d", "O incêndio começou na sexta-feira.", "2024-02-03", "sexta-feira", "2024-02-02"),
    ("d", "A lei foi aprovada em 12 de janeiro de 2021.", None, "em 12 de janeiro de 2021", "2021-01-12"),
    ("a", "Morreram 7 civis, segundo o Ministério da Saúde.", "ministry:health"),
]


@pytest.mark.parametrize("lang,case", [("de", c) for c in DE] + [("es", c) for c in ES] + [("pt", c) for c in PT])
def test_other_lang_case(lang, case, check):
    check(case, lang)


def test_language_detection_when_unknown():
    from factdesk.core.extract import extract

    res = extract("x", "Les forces américaines ont frappé plus de 85 cibles en Irak et en Syrie, selon le Pentagone.", None, None)
    assert res.language == "fr"
    assert res.claims and res.claims[0].spans_of("quantity")[0].value == 85
