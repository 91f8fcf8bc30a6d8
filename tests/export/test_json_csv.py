"""The JSON report's schema and the CSV's rows."""

from __future__ import annotations

import csv
import io
import json

from factdesk.export import render_report
from factdesk.export.csvfmt import COLUMNS, cell


def test_json_schema_and_exact_quotes(ws, flood):
    _, built = flood
    data = json.loads(render_report(ws, "json"))
    assert data["schema"] == "factdesk-report/1"
    assert list(data) == [
        "schema", "title", "generated", "workspace", "scope", "rules", "articles", "summary", "claims",
        "contradictions", "facts", "annotated", "unreviewed", "rejected",
    ]
    assert data["generated"] == "2024-03-07T12:00:00Z" and data["workspace"] == "flood-desk"
    assert [a["language"] for a in data["articles"]] == ["en", "fr", "en"]
    for cid, claim in data["claims"].items():
        text = built.texts[claim["article"]]
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert text[: claim["start"]].endswith(claim["prefix"]) and text[claim["end"] :].startswith(claim["suffix"])
    s = data["summary"]
    assert s["verdicts"]["accurate"] == 2 and s["verdicts"]["disputed"] == 0 and len(s["verdicts"]) == 7
    assert s["suggestions"] == {"unreviewed": 2, "accepted": 2, "rejected": 1}
    assert s["links_confirmed"] == 3 and s["facts"] == 3
    referenced = {x for k in data["contradictions"] for x in k["claims"]}
    referenced |= {x for f in data["facts"] for x in f["claims"]} | set(data["annotated"])
    referenced |= {x for u in data["unreviewed"] + data["rejected"] for x in u["claims"]}
    assert referenced <= set(data["claims"])
    assert data["claims"][built.claims["fr_toll"]]["note"]["tags"] == ["casualties", "follow-up"]


def test_csv_rows_and_formula_neutralising(ws, flood):
    _, built = flood
    text = render_report(ws, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == COLUMNS
    body = [dict(zip(COLUMNS, r)) for r in rows[1:]]
    c = built.claims
    # every reviewed claim, and only those (the wire's evacuation figure is only in an unreviewed suggestion)
    assert {r["claim_id"] for r in body} == set(c.values()) - {c["w_evac"]}
    formula = next(r for r in body if r["claim_id"] == c["w_formula"])
    assert formula["claim_text"].startswith("'=SUM(") and formula["note"].startswith("'@desk")
    for r in body:
        for value in r.values():
            assert not value.startswith(("=", "+", "-", "@"))
    toll = next(r for r in body if r["claim_id"] == c["en_toll"])
    assert toll["contradiction"].startswith("#1 open") and toll["verdict"] == "mostly-accurate"
    assert toll["suggestions"] == f"accepted contradiction {built.suggestions['toll']}"
    assert text.endswith("\r\n")


def test_cell_neutralises_formulas():
    assert cell("=1+1") == "'=1+1" and cell("+33 1") == "'+33 1" and cell("-5") == "'-5" and cell("@x") == "'@x"
    assert cell("\tx").startswith("'") and cell("plain") == "plain" and cell(None) == "" and cell(12) == "12"
