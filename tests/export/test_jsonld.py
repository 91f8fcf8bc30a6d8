"""ClaimReview and Web Annotation JSON-LD parsed back and checked; the W3C runner when available."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factdesk.export import render_report
from factdesk.export.claimreview import RATINGS

W3C = Path(__file__).resolve().parents[2] / ".." / "shared" / "w3c-annotation-tests"
URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def test_claimreview_required_properties(ws, flood):
    _, built = flood
    c = built.claims
    reviews = json.loads(render_report(ws, "claimreview"))
    by_claim = {r["@id"].rsplit(":", 1)[1]: r for r in reviews}
    # one per claim with a finished verdict; unverified is not published
    assert set(by_claim) == {c["en_toll"], c["en_evac"], c["en_script"], c["fr_quote"], c["w_formula"]}
    for r in reviews:
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        claim = json.loads(render_report(ws, "json"))["claims"][r["@id"].rsplit(":", 1)[1]]
        assert r["claimReviewed"] == claim["text"]
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"]
        assert r["itemReviewed"]["@type"] == "Claim" and r["itemReviewed"]["appearance"]
        assert all(a["@type"] == "CreativeWork" and a["headline"] for a in r["itemReviewed"]["appearance"])
        assert re.match(r"^\d{4}-\d{2}-\d{2}$", r["datePublished"])
        assert r["author"] == {"@type": "Organization", "name": "factdesk analyst"}
        assert "url" not in r
    toll = by_claim[c["en_toll"]]
    assert toll["reviewRating"] == {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1, "alternateName": "Mostly accurate"}
    headlines = [a["headline"] for a in toll["itemReviewed"]["appearance"]]
    assert headlines == ["Floods kill 18 in Valmont", "Valmont flood toll rises to 18"], "linked articles appear"
    assert toll["itemReviewed"]["appearance"][0]["url"] == "https://news.example.org/courier/valmont-floods"
    assert by_claim[c["en_script"]]["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert by_claim[c["w_formula"]]["reviewRating"]["ratingValue"] == 1
    assert by_claim[c["w_formula"]]["reviewBody"].startswith("@desk")
    assert RATINGS == {"inaccurate": 1, "misleading": 2, "disputed": 3, "mostly-accurate": 4, "accurate": 5, "unverifiable": None}


def test_claimreview_author_and_url_from_environment(ws, monkeypatch):
    monkeypatch.setenv("FACTDESK_AUTHOR", "Desk  Verify")
    monkeypatch.setenv("FACTDESK_AUTHOR_TYPE", "person")
    monkeypatch.setenv("FACTDESK_REPORT_URL", "https://verify.example.net/arve")
    review = json.loads(render_report(ws, "claimreview"))[0]
    assert review["author"] == {"@type": "Person", "name": "Desk Verify"}
    assert review["url"] == "https://verify.example.net/arve#claim-" + review["@id"].rsplit(":", 1)[1]
    assert f'id="claim-{review["@id"].rsplit(":", 1)[1]}"' in render_report(ws, "html")


def _targets(anno):
    t = anno["target"]
    return t if isinstance(t, list) else [t]


def test_annotations_selectors_match_the_article_text(ws, flood):
    _, built = flood
    doc = json.loads(render_report(ws, "annotations"))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld" and doc["type"] == "AnnotationCollection"
    items = doc["first"]["items"]
    assert doc["total"] == len(items) == 15
    ids = [a["id"] for a in items]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:factdesk:annotation:") for i in ids)
    sources = {f"urn:factdesk:article:{aid}": aid for aid in built.texts}
    sources["https://news.example.org/courier/valmont-floods"] = built.articles["en-courier"]
    for anno in items:
        assert anno["@context"] == "http://www.w3.org/ns/anno.jsonld" and anno["type"] == "Annotation"
        assert URI.match(anno["id"]) and DATETIME.match(anno["created"])
        for target in _targets(anno):
            text = built.texts[sources[target["source"]]]
            quote, position = target["selector"]
            assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
            start, end = position["start"], position["end"]
            assert text[start:end] == quote["exact"]
            prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
            assert text[start - len(prefix) : start] == prefix and len(prefix) == min(32, start)
            assert text[end : end + len(suffix)] == suffix and len(suffix) == min(32, len(text) - end)
    motivations = [a["motivation"] for a in items]
    assert motivations.count("linking") == 5 and motivations.count("assessing") == 6
    assert motivations.count("commenting") == 4
    link = next(a for a in items if a["motivation"] == "linking")
    assert len(link["target"]) == 2
    note = next(a for a in items if a["id"].endswith("note-" + built.claims["fr_toll"]))
    assert note["body"][0] == {
        "type": "TextualBody",
        "purpose": "commenting",
        "value": "Préfecture figure includes 7 missing.\nAsk the préfecture for the list.",
        "format": "text/plain",
        "language": "en",
    }
    assert [b["value"] for b in note["body"][1:]] == ["casualties", "follow-up"]
    dumped = json.dumps(doc)
    assert built.suggestions["wire"] not in dumped and built.suggestions["evac2"] not in dumped, "unreviewed: not findings"


@pytest.mark.skipif(not W3C.is_dir(), reason="W3C Web Annotation conformance schemas not available")
def test_annotations_pass_the_w3c_must_assertions(ws, tmp_path):
    pytest.importorskip("jsonschema")
    export = tmp_path / "annotations.jsonld"
    export.write_text(render_report(ws, "annotations"), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(W3C / "run_musts.py"), str(export)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "15/15 annotations pass" in proc.stdout
