"""A small deterministic workspace for the TUI tests (built through the core API, no extractor)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factdesk.core.models import Article, Claim, Event, Span, Suggestion
from factdesk.core.store import Workspace, open_workspace

EN_ID = "a0000000en1"
FR_ID = "a0000000fr1"
DE_ID = "a0000000de1"

EN_TEXT = (
    "US strikes hit targets in Iraq and Syria\n"
    "\n"
    "The United States carried out retaliatory strikes on Friday, February 2, against 85 targets in Iraq and Syria. "
    "At least 18 pro-Iranian fighters were killed in the strikes, the Syrian Observatory for Human Rights said. "
    "“Our response began today,” President Joe Biden said in a statement.\n"
    "\n"
    "The strikes lasted about thirty minutes and used more than 125 precision munitions, according to Centcom. "
    "Iraq said 16 people, including civilians, were killed on its side of the border.\n"
    "\n"
    "Washington blamed groups backed by Iran for the drone attack in Jordan that killed three American soldiers."
)

FR_TEXT = (
    "Frappes américaines en Irak et en Syrie\n"
    "\n"
    "Les États-Unis ont mené vendredi 2 février des frappes de représailles contre 85 cibles en Irak et en Syrie. "
    "Au moins 23 combattants pro-iraniens ont été tués, selon l'Observatoire syrien des droits de l'homme. "
    "« Notre réponse a commencé aujourd'hui », a déclaré Joe Biden.\n"
    "\n"
    "Les frappes ont nécessité plus de 125 munitions de précision, précise le communiqué du CENTCOM."
)

DE_TEXT = (
    "Vergeltungsschläge der USA\n"
    "\n"
    "Die USA haben am Freitag 85 Ziele im Irak und in Syrien angegriffen. "
    "Nach Angaben der irakischen Regierung wurden 16 Menschen getötet."
)


def _claim(article_id: str, text: str, sentence: str, ordinal: int, spans: list[tuple[str, str, dict[str, Any]]]) -> Claim:
    start = text.index(sentence)
    out_spans = []
    for type_, piece, extra in spans:
        s = text.index(piece, start)
        out_spans.append(Span(type=type_, start=s, end=s + len(piece), text=piece, **extra))
    return Claim(
        id=f"c{article_id[-3:]}{ordinal:02d}",
        article_id=article_id,
        start=start,
        end=start + len(sentence),
        text=sentence,
        score=0.9 - ordinal * 0.1,
        reasons=["number", "date"] if ordinal == 0 else ["number"],
        spans=out_spans,
        ordinal=ordinal,
    )


def en_claims() -> list[Claim]:
    t = EN_TEXT
    return [
        _claim(EN_ID, t, "The United States carried out retaliatory strikes on Friday, February 2, against 85 targets in Iraq and Syria.", 0, [
            ("entity", "The United States", {"key": "united states", "kind": "place"}),
            ("date", "Friday, February 2", {"resolved": "2024-02-02", "granularity": "day"}),
            ("quantity", "85 targets", {"value": 85, "kind": "targets", "qualifier": "exactly"}),
            ("entity", "Iraq", {"key": "iraq", "kind": "place"}),
            ("entity", "Syria", {"key": "syria", "kind": "place"}),
        ]),
        _claim(EN_ID, t, "At least 18 pro-Iranian fighters were killed in the strikes, the Syrian Observatory for Human Rights said.", 1, [
            ("quantity", "At least 18", {"value": 18, "kind": "killed", "qualifier": "at_least"}),
            ("attribution", "the Syrian Observatory for Human Rights said", {"source": "OSDH", "key": "osdh"}),
        ]),
        _claim(EN_ID, t, "“Our response began today,” President Joe Biden said in a statement.", 2, [
            ("quote", "“Our response began today,”", {"speaker": "Joe Biden"}),
            ("entity", "Joe Biden", {"key": "joe biden", "kind": "person"}),
        ]),
        _claim(EN_ID, t, "The strikes lasted about thirty minutes and used more than 125 precision munitions, according to Centcom.", 3, [
            ("quantity", "more than 125", {"value": 125, "kind": "munitions", "qualifier": "more_than"}),
            ("attribution", "according to Centcom", {"source": "Centcom", "key": "centcom"}),
        ]),
        _claim(EN_ID, t, "Iraq said 16 people, including civilians, were killed on its side of the border.", 4, [
            ("attribution", "Iraq said", {"source": "Iraq", "key": "iraq"}),
            ("quantity", "16 people", {"value": 16, "kind": "killed"}),
        ]),
    ]


def fr_claims() -> list[Claim]:
    t = FR_TEXT
    return [
        _claim(FR_ID, t, "Les États-Unis ont mené vendredi 2 février des frappes de représailles contre 85 cibles en Irak et en Syrie.", 0, [
            ("date", "vendredi 2 février", {"resolved": "2024-02-02", "granularity": "day"}),
            ("quantity", "85 cibles", {"value": 85, "kind": "targets", "qualifier": "exactly"}),
        ]),
        _claim(FR_ID, t, "Au moins 23 combattants pro-iraniens ont été tués, selon l'Observatoire syrien des droits de l'homme.", 1, [
            ("quantity", "Au moins 23", {"value": 23, "kind": "killed", "qualifier": "at_least"}),
            ("attribution", "selon l'Observatoire syrien des droits de l'homme", {"source": "OSDH", "key": "osdh"}),
        ]),
        _claim(FR_ID, t, "« Notre réponse a commencé aujourd'hui », a déclaré Joe Biden.", 2, [
            ("quote", "« Notre réponse a commencé aujourd'hui »", {"speaker": "Joe Biden"}),
        ]),
        _claim(FR_ID, t, "Les frappes ont nécessité plus de 125 munitions de précision, précise le communiqué du CENTCOM.", 3, [
            ("quantity", "plus de 125", {"value": 125, "kind": "munitions", "qualifier": "more_than"}),
        ]),
    ]


def de_claims() -> list[Claim]:
    t = DE_TEXT
    return [
        _claim(DE_ID, t, "Die USA haben am Freitag 85 Ziele im Irak und in Syrien angegriffen.", 0, [
            ("quantity", "85 Ziele", {"value": 85, "kind": "targets"}),
        ]),
        _claim(DE_ID, t, "Nach Angaben der irakischen Regierung wurden 16 Menschen getötet.", 1, [
            ("quantity", "16 Menschen", {"value": 16, "kind": "killed"}),
        ]),
    ]


def suggestions() -> list[Suggestion]:
    return [
        Suggestion("match", 0.92, "cen100", "cfr100", ["same date 2024-02-02", "targets 85 = 85"], None, "e1", EN_ID, FR_ID),
        Suggestion("contradiction", 0.81, "cen101", "cfr101", ["killed ≥ 18 vs ≥ 23", "same source OSDH"], "quantity", "e1", EN_ID, FR_ID),
        Suggestion("match", 0.74, "cen102", "cfr102", ["quote by Joe Biden"], None, "e1", EN_ID, FR_ID),
        Suggestion("match", 0.70, "cen103", "cfr103", ["munitions > 125 = > 125"], None, "e1", EN_ID, FR_ID),
        Suggestion("match", 0.66, "cen100", "cde100", ["targets 85 = 85"], None, "e1", EN_ID, DE_ID),
        Suggestion("match", 0.61, "cen104", "cde101", ["killed 16 = 16"], None, "e1", EN_ID, DE_ID),
    ]


def build_workspace(root: Path, *, extra: list[tuple[Article, list[Claim]]] = ()) -> Path:
    """Create the test workspace at ``root`` (three articles, six suggestions, one event)."""
    ws = open_workspace(root)
    try:
        ws.add_article(
            Article(EN_ID, "US strikes hit targets in Iraq and Syria", EN_TEXT, "articles/000_en.txt", "en",
                    "Le Monde (EN)", None, "2024-02-03"),
            en_claims(), "test",
        )
        ws.add_article(
            Article(FR_ID, "Frappes américaines en Irak et en Syrie", FR_TEXT, "articles/002_fr.txt", "fr",
                    "France 24", None, "2024-02-03"),
            fr_claims(), "test",
        )
        ws.add_article(
            Article(DE_ID, "Vergeltungsschläge der USA", DE_TEXT, "articles/004_de.txt", "de", "DW", None, "2024-02-04"),
            de_claims(), "test",
        )
        for article, claims in extra:
            ws.add_article(article, claims, "test")
        ws.store_suggestions(suggestions())
        ws.replace_events([
            Event("e1", "US strikes in Iraq and Syria", "2024-02-02", "2024-02-02", ["Iraq", "Syria"], ["United States"],
                  [EN_ID, FR_ID, DE_ID], []),
        ])
    finally:
        ws.close()
    return root


def reopen(root: Path) -> Workspace:
    """A second connection, to check what the app saved."""
    return open_workspace(root)
