"""Property tests: import, display, extraction, matching, analyst history and export never fail unhandled."""

from __future__ import annotations

import json
import math
import unicodedata

import pytest
from reliability_support import build_workspace, has
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factdesk.core.errors import FactdeskError, IngestError
from factdesk.core.ingest import parse_article
from factdesk.core.models import Article, Claim, Span
from factdesk.core.textsafe import visible, visible_keep_newlines, visible_line

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

FRAGMENTS = [
    "\x1b[31m", "\x1b]0;t\x07", "\x1b]52;c;Zm9v\x07", "\x1b]8;;http://x\x1b\\", "\u009b", "\u0085", "\u202e", "\u2066",
    "\u200b", "\ufeff", "\x00", "\r\n", "\r", "\t", "[bold]", "[/]", "[link=x]", "<script>", "&amp;", "&#27;", "e\u0301",
    "title: x\n---\n", "date 2024-02", "12 people", "On Monday", '"quoted," he said.', "police said", "Paris", "Пaрис",
    "القاهرة", "東京", "👩‍👩‍👧", " ", "\n", "\n\n", ". ", "1,000", "12.5%", "dix-huit", "Eighty-five",
]

hostile_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)), max_size=40
).map("".join)

sentence = st.builds(
    lambda who, n, what, where, tail: f"{who} said {n} {what} in {where}{tail}",
    st.sampled_from(["Police", "The mayor", "Officials", "La police", "Le maire", "Witnesses"]),
    st.one_of(st.integers(0, 10**7).map(str), st.sampled_from(["twelve", "dozens of", "about 40", "1,200", "douze"])),
    st.sampled_from(["people died", "homes were flooded", "personnes sont mortes", "soldiers were wounded"]),
    st.sampled_from(["Paris", "Lyon", "Kharkiv", "Gaza", "Berlin", "the north"]),
    st.sampled_from([".", " on Monday.", " on 2 February 2024.", "!", "?", "", " \u202e.", " [bold]."]),
)
article_text = st.lists(st.one_of(sentence, hostile_text), min_size=1, max_size=12).map(lambda parts: " ".join(parts))

raw_bytes = st.one_of(
    st.binary(max_size=3000),
    st.builds(
        lambda t, enc: t.encode(enc, errors="replace"),
        article_text,
        st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]),
    ),
)


@SETTINGS
@given(raw=raw_bytes, suffix=st.sampled_from([".txt", ".md", ".html", ".htm"]))
def test_parse_article_yields_an_article_or_one_clear_error(raw, suffix):
    try:
        art = parse_article(raw, name="f" + suffix, suffix=suffix)
    except IngestError as exc:
        message = str(exc)
        assert message.startswith("f" + suffix + ": ") and "\n" not in message
        return
    assert isinstance(art, Article)
    assert art.text.strip() and "\r" not in art.text
    assert unicodedata.is_normalized("NFC", art.text)
    assert art.title.strip()
    assert art.id.startswith("a") and len(art.id) == 12
    assert art.word_count == len(art.text.split())
    again = parse_article(raw, name="g" + suffix, suffix=suffix)
    assert again.id == art.id and again.text == art.text  # deterministic


@SETTINGS
@given(text=hostile_text)
def test_visible_keeps_length_and_removes_every_control(text):
    forbidden = {chr(c) for c in range(0x20) if c != 0x0A} | {"\x7f"} | {chr(c) for c in range(0x80, 0xA0)}
    forbidden |= {chr(c) for c in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)}
    for fn, allow_newline in ((visible, False), (visible_line, False), (visible_keep_newlines, True)):
        shown = fn(text)
        assert len(shown) == len(text)
        assert not (set(shown) & forbidden)
        if not allow_newline:
            assert "\n" not in shown
        assert fn(shown) == shown


@SETTINGS
@given(text=article_text, language=st.sampled_from([None, "en", "fr", "xx"]), published=st.sampled_from([None, "2024-02-02", "2024", "bogus"]))
def test_extraction_offsets_are_always_valid(text, language, published):
    if not has("factdesk.core.extract", "extract"):
        pytest.skip("claim extraction is not available yet")
    from factdesk.core.extract import extract

    try:
        art = parse_article(text.encode("utf-8", "surrogatepass"), name="x.txt")
    except IngestError:
        assume(False)
        return
    result = extract(art.id, art.text, language, published)
    ids = set()
    for c in result.claims:
        assert 0 <= c.start < c.end <= len(art.text)
        assert art.text[c.start : c.end] == c.text
        assert c.id not in ids
        ids.add(c.id)
        for s in c.spans:
            assert c.start <= s.start <= s.end <= c.end, (s, c)
            assert art.text[s.start : s.end] == s.text
            if s.value is not None:
                assert math.isfinite(s.value)


def _random_claim(draw, idx: int) -> Claim:
    text = draw(sentence)
    spans = []
    for typ in draw(st.lists(st.sampled_from(["quantity", "date", "attribution", "entity", "quote"]), max_size=4)):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        spans.append(
            Span(
                typ, a, b, text[a:b],
                value=draw(st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))),
                kind=draw(st.sampled_from([None, "killed", "injured", "place", "person", "source"])),
                key=draw(st.sampled_from([None, "police", "prs", "mayor"])),
                resolved=draw(st.sampled_from([None, "2024-02-02", "2024-02", "2024-02-01/2024-02-03", "bogus"])),
                qualifier=draw(st.sampled_from([None, "at least", "about", "more than"])),
                source=draw(st.sampled_from([None, "police"])),
            )
        )
    return Claim(id=f"c{idx:011d}", article_id=f"a{idx:011d}", start=0, end=len(text), text=text, spans=spans, lang=draw(st.sampled_from([None, "en", "fr"])))


@SETTINGS
@given(data=st.data())
def test_compare_claims_never_raises(data):
    if not has("factdesk.core.matching", "compare_claims"):
        pytest.skip("matching is not available yet")
    from factdesk.core.matching import compare_claims
    from factdesk.core.models import SUGGESTION_KINDS

    a = _random_claim(data.draw, 1)
    b = _random_claim(data.draw, 2)
    pub = data.draw(st.sampled_from([None, "2024-02-02", "2023-12-31", "nonsense"]))
    result = compare_claims(a, b, published_a=pub, published_b=None)
    if result is not None:
        assert result.kind in SUGGESTION_KINDS
        assert math.isfinite(result.score)
        assert {result.left_claim, result.right_claim} == {a.id, b.id}


# -- analyst history: random action sequences ----------------------------------------------------

action = st.one_of(
    st.tuples(st.just("note"), st.integers(0, 7), st.one_of(st.just(""), hostile_text)),
    st.tuples(st.just("verdict"), st.integers(0, 7), st.sampled_from([None, "accurate", "Mostly accurate", "misleading", "disputed"])),
    st.tuples(st.just("link"), st.integers(0, 7), st.integers(0, 7), st.sampled_from(["same", "supports", "contradicts"])),
    st.tuples(st.just("unlink"), st.integers(0, 7), st.integers(0, 7)),
    st.tuples(st.just("review"), st.integers(0, 3), st.sampled_from(["accepted", "rejected"])),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(actions=st.lists(action, max_size=25))
def test_random_analyst_sessions_keep_history_and_records_consistent(tmp_path_factory, crash_kill, actions):
    root = tmp_path_factory.mktemp("session") / "ws"
    ws = build_workspace(root, n_articles=2, claims_per_article=4)
    claims = [r[0] for r in ws.query("SELECT id FROM claims ORDER BY id")]
    suggestions = [s["id"] for s in ws.suggestions()]
    for act in actions:
        try:
            if act[0] == "note":
                ws.set_note(claims[act[1]], act[2])
            elif act[0] == "verdict":
                ws.set_verdict(claims[act[1]], act[2])
            elif act[0] == "link":
                ws.link_claims(claims[act[1]], claims[act[2]], act[3])
            elif act[0] == "unlink":
                ws.unlink_claims(claims[act[1]], claims[act[2]])
            elif act[0] == "review" and suggestions:
                ws.review_suggestion(suggestions[act[1] % len(suggestions)], act[2])
            elif act[0] == "undo":
                ws.undo()
            elif act[0] == "redo":
                ws.redo()
        except FactdeskError as exc:
            assert act[0] == "link" and act[1] == act[2], exc  # linking a claim to itself is the only refusal
    ws.close()
    crash_kill.verify(root, [])  # integrity ok, and replaying the history reproduces every record
    ws = __import__("factdesk.core.store", fromlist=["open_workspace"]).open_workspace(root)
    while ws.undo() is not None:
        pass
    assert ws.notes() == [] and ws.verdicts() == {} and ws.links() == [] and ws.decisions() == {}
    ws.close()


# -- export ----------------------------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts=st.lists(article_text, min_size=1, max_size=3), note=hostile_text, verdict=st.sampled_from(["accurate", "misleading", None]))
def test_render_report_never_raises(tmp_path_factory, texts, note, verdict):
    if not (has("factdesk.export", "render_report") and has("factdesk.core.extract", "extract")):
        pytest.skip("export or extraction is not available yet")
    from factdesk.core.extract import extract
    from factdesk.core.store import open_workspace
    from factdesk.export import FORMATS, render_report

    ws = open_workspace(tmp_path_factory.mktemp("export") / "ws")
    claim_ids = []
    for i, text in enumerate(texts):
        try:
            art = parse_article(text.encode("utf-8", "surrogatepass"), name=f"a{i}.txt")
        except IngestError:
            continue
        if ws.has_article(art.id):
            continue
        claims = extract(art.id, art.text, art.language, art.published).claims
        ws.add_article(art, claims, "test")
        claim_ids += [c.id for c in claims]
    if claim_ids:
        ws.set_note(claim_ids[0], note or "n")
        ws.set_verdict(claim_ids[-1], verdict)
        if len(claim_ids) > 1:
            ws.link_claims(claim_ids[0], claim_ids[1], "contradicts", note)
    for fmt in FORMATS:
        out = render_report(ws, fmt, generated="2026-01-01")
        assert isinstance(out, str)
        if fmt in ("json", "claimreview", "annotations"):
            json.loads(out)
    ws.close()
