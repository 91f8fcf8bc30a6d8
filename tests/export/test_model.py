"""What each section holds: contradictions, facts, annotated claims, unreviewed suggestions, scope."""

from __future__ import annotations

import pytest

from factdesk.core.errors import NotFoundError
from factdesk.export import build_report
from factdesk.export.model import TextIndex


def test_contradictions_are_confirmed_links_and_accepted_suggestions(ws, flood):
    _, built = flood
    c = built.claims
    report = build_report(ws)
    pairs = [{k.link.a.id, k.link.b.id} for k in report.contradictions]
    assert pairs == [{c["en_toll"], c["fr_toll"]}, {c["fr_toll"], c["w_toll"]}]
    first, second = report.contradictions
    assert first.link.origin == "accepted suggestion" and first.link.suggestion.id == built.suggestions["toll"]
    assert first.status == "open" and first.resolution is None
    assert second.link.origin == "analyst link"
    assert second.status == "resolved" and "note on the link" in second.resolution
    assert report.summary["contradictions"] == {"total": 2, "open": 1, "resolved": 1}


def test_contradiction_resolved_by_verdicts_or_a_tagged_note(ws, flood):
    _, built = flood
    c = built.claims
    ws.set_note(c["fr_toll"], "The préfecture explained the difference.", ["resolved"])
    first = build_report(ws).contradictions[0]
    assert first.status == "resolved" and "tagged 'resolved'" in first.resolution
    ws.set_note(c["fr_toll"], "Pending.", [])
    assert build_report(ws).contradictions[0].status == "open"
    ws.set_verdict(c["fr_toll"], "unverified")
    assert build_report(ws).contradictions[0].status == "open", "unverified is not a verdict that settles anything"
    ws.set_verdict(c["fr_toll"], "misleading")
    first = build_report(ws).contradictions[0]
    assert first.status == "resolved" and first.resolution == "both claims carry a verdict"


def test_facts_are_connected_components_of_same_and_supports(ws, flood):
    _, built = flood
    c = built.claims
    report = build_report(ws)
    groups = [[x.id for x in f.claims] for f in report.facts]
    assert groups == [[c["en_toll"], c["w_toll"]], [c["en_evac"], c["fr_evac"]], [c["en_quote"], c["fr_quote"]]]
    assert report.facts[1].links[0].origin == "accepted suggestion"
    # one more link joins two facts into one component
    ws.link_claims(c["fr_evac"], c["w_toll"], "supports")
    groups = [[x.id for x in f.claims] for f in build_report(ws).facts]
    assert [c["en_toll"], c["en_evac"], c["fr_evac"], c["w_toll"]] == groups[0]


def test_unreviewed_suggestions_are_never_findings(ws, flood):
    _, built = flood
    report = build_report(ws)
    assert [s.id for s in report.unreviewed] == [built.suggestions["wire"], built.suggestions["evac2"]]
    finding_ids = {k.link.suggestion.id for k in report.contradictions if k.link.suggestion}
    finding_ids |= {l.suggestion.id for f in report.facts for l in f.links if l.suggestion}
    assert not finding_ids & {s.id for s in report.unreviewed}
    # the unreviewed contradiction between the evacuation figures is not a contradiction
    c = built.claims
    assert {c["en_evac"], c["w_evac"]} not in [{k.link.a.id, k.link.b.id} for k in report.contradictions]
    assert [s.id for s in report.rejected] == [built.suggestions["rejected"]]


def test_rejecting_an_accepted_suggestion_removes_the_finding(ws, flood):
    _, built = flood
    ws.review_suggestion(built.suggestions["toll"], "rejected")
    report = build_report(ws)
    assert len(report.contradictions) == 1
    assert built.suggestions["toll"] in [s.id for s in report.rejected]


def test_other_annotated_claims_exclude_those_shown_in_findings(ws, flood):
    _, built = flood
    c = built.claims
    assert [x.id for x in build_report(ws).annotated] == [c["en_script"], c["w_formula"], c["w_link"]]


def test_quotes_are_exact_with_line_and_paragraph(ws, flood):
    _, built = flood
    report = build_report(ws)
    for claim in report.claims.values():
        text = built.texts[claim.article.id]
        assert text[claim.start : claim.end] == claim.text
        lines = text.split("\n")
        assert lines[claim.location.line - 1][claim.location.column - 1 :].startswith(claim.text.split("\n")[0])
    toll = report.claims[built.claims["en_toll"]]
    assert (toll.location.paragraph, toll.location.line, toll.location.column) == (2, 3, 1)
    script = report.claims[built.claims["en_script"]]
    assert (script.location.paragraph, script.location.line) == (3, 7)


def test_text_index_paragraphs_and_multiline_quotes():
    text = "Title\n\nfirst line\nsecond line\n\n\n  third para"
    index = TextIndex(text)
    start = text.index("line\nsecond")
    loc = index.locate(start, start + len("line\nsecond"))
    assert (loc.paragraph, loc.line, loc.line_end, loc.column) == (2, 3, 4, 7)
    loc = index.locate(text.index("third"), len(text))
    assert (loc.paragraph, loc.line, loc.column) == (3, 7, 3)


def test_article_scope_keeps_only_links_and_suggestions_among_them(ws, flood):
    _, built = flood
    a, c = built.articles, built.claims
    report = build_report(ws, articles=[a["en-courier"], "fr-alpin-crue.txt"])
    assert [x.id for x in report.articles] == [a["en-courier"], a["fr-alpin"]]
    assert report.scope["articles"] == [a["en-courier"], a["fr-alpin"]]
    assert all(x.article.id != a["en-wire"] for x in report.claims.values())
    assert [{k.link.a.id, k.link.b.id} for k in report.contradictions] == [{c["en_toll"], c["fr_toll"]}]
    assert report.unreviewed == [] and report.rejected == []


def test_event_scope(ws, flood):
    _, built = flood
    report = build_report(ws, event="e-arve")
    assert [x.id for x in report.articles] == [built.articles["en-courier"], built.articles["fr-alpin"]]
    assert report.scope["event"]["label"] == "Arve flood"
    with pytest.raises(NotFoundError):
        build_report(ws, event="nope")
    with pytest.raises(NotFoundError):
        build_report(ws, articles=["no-such-article"])


def test_file_paths_are_never_absolute(ws, flood, tmp_path):
    from factdesk.core.models import Article

    root, _ = flood
    inside = root / "articles" / "inside.txt"
    ws.add_article(Article(id="abs1", title="Abs", text="Just text.\n", path=str(inside.resolve())), [], "t")
    ws.add_article(Article(id="abs2", title="Out", text="More text.\n", path="/elsewhere/deep/outside.txt"), [], "t")
    files = {x.id: x.file for x in build_report(ws).articles}
    assert files["abs1"] == "articles/inside.txt" and files["abs2"] == "outside.txt"


def test_empty_workspace_renders_every_format(tmp_path, frozen_clock):
    from factdesk.core.store import open_workspace
    from factdesk.export import FORMATS, render_report

    with open_workspace(tmp_path / "empty") as empty:
        for fmt in FORMATS:
            assert render_report(empty, fmt)
        assert "No articles in scope." in render_report(empty, "md")
