"""Hostile article text: imported with the text preserved and shown harmlessly, or refused in one line."""

from __future__ import annotations

import unicodedata

import pytest
from reliability_support import has, sentence_claims

from factdesk.cli import main
from factdesk.core.errors import IngestError
from factdesk.core.ingest import read_article
from factdesk.core.store import open_workspace


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path, hostile):
    return hostile.write_hostile_corpus(tmp_path / "hostile")


def _parse_all(paths):
    parsed, refused = {}, {}
    for p in paths:
        try:
            parsed[p.name] = read_article(p, display_path=p.name)
        except IngestError as exc:
            refused[p.name] = str(exc)
    return parsed, refused


def test_corpus_is_large_and_varied(hostile):
    names = [n for n, _ in hostile.HOSTILE_CASES]
    assert len(names) >= 30 and len(set(names)) == len(names)
    blob = b"".join(data for _, data in hostile.HOSTILE_CASES)
    for needle in (b"[bold red]", b"[link=", b"\x1b[", b"\x1b]52;", b"\x1b]8;;", b"\x1b]0;", b"\xe2\x80\xae", b"\x00", b"<script>", b"\r\n", b"\xef\xbb\xbf", b"\xff\xfe"):
        assert needle in blob, needle
    assert any(len(data) >= 10 * 1024 * 1024 for _, data in hostile.HOSTILE_CASES)


def test_each_case_is_imported_or_refused_in_one_clear_line(corpus, hostile):
    parsed, refused = _parse_all(corpus)
    assert set(refused) == set(hostile.REFUSED), (sorted(refused), sorted(hostile.REFUSED))
    for name, message in refused.items():
        assert message.startswith(f"{name}: ") and "\n" not in message, message
        assert len(message) < 300
    for name, art in parsed.items():
        assert art.text.strip() and art.title.strip()
        assert "\r" not in art.text and unicodedata.is_normalized("NFC", art.text)
        if name.endswith(".txt") or name.endswith(".md"):
            assert hostile.MARKER in art.text or "Line 0" in art.text or "UTF-16" in art.text or name.startswith("0"), name


def _expected_plain_text(raw: bytes) -> str | None:
    """What a header-less UTF-8/UTF-16 text file must be stored as (None when not that simple)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            text = raw.decode("utf-16") if codec == "utf-16" else raw[3:].decode("utf-8")
            break
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def test_text_is_preserved_through_the_workspace(tmp_path, corpus, hostile):
    """Escapes, controls, bidi, NUL and markup are stored exactly (shown harmlessly, never stripped)."""
    parsed, _ = _parse_all(corpus)
    raw = dict(hostile.HOSTILE_CASES)
    ws = open_workspace(tmp_path / "ws")
    checked = 0
    for name, art in parsed.items():
        claims = sentence_claims(art)
        ws.add_article(art, claims, "test")
        stored = ws.article(art.id)
        assert stored.text == art.text and stored.title == art.title and stored.path == art.path
        for c in ws.claims_for_article(art.id):
            assert stored.text[c.start : c.end] == c.text
        if name.endswith((".txt", ".md")) and not name.startswith("36_"):
            expected = _expected_plain_text(raw[name])
            if expected is not None:
                assert stored.text == expected, name
                checked += 1
    assert checked >= 20
    texts = "".join(ws.article(a["id"]).text for a in ws.list_articles())
    for kept in ("\x1b]52;", "\x1b[31m", "\u202e", "\x00", "[bold red]", "\u009b"):
        assert kept in texts, repr(kept)
    ws.close()


def _fill_workspace(root, paths, hostile_text: str):
    ws = open_workspace(root)
    parsed, _ = _parse_all(paths)
    first_claims = []
    for art in parsed.values():
        claims = sentence_claims(art)
        ws.add_article(art, claims, "test")
        if claims:
            first_claims.append(claims[0].id)
    ws.set_note(first_claims[0], hostile_text, ["\x1b[31mtag", "[bold]t"])
    ws.link_claims(first_claims[0], first_claims[1], "contradicts", hostile_text)
    ws.set_verdict(first_claims[1], "misleading")
    ws.close()
    return first_claims


def test_cli_output_never_carries_terminal_controls(tmp_path, corpus, hostile, capsys):
    root = tmp_path / "ws"
    hostile_note = "note \x1b]52;c;cm0gLXJmIH4=\x07 \x1b[2J \u202eevil\u202c \u009b31m [bold]x[/bold]"
    first = _fill_workspace(root, corpus, hostile_note)
    w = ["--workspace", str(root)]
    commands = [
        ["articles"],
        ["claims"],
        ["claims", "--article", "a" + first[0][1:9]],
        ["search", hostile.MARKER],
        ["search", "pwned"],
        ["search", "Hostile", "article"],
        ["history"],
        ["history", first[0]],
        ["suggest"],
        ["note", first[1], hostile_note],
        ["undo"],
        ["redo"],
        ["doctor"],
    ]
    for argv in commands:
        code, out, err = run(capsys, *argv, *w)
        assert code == 0, (argv, err)
        bad = hostile.forbidden_in(out + err)
        assert not bad, (argv, bad)
    # the listings really did show the hostile articles
    _, out, _ = run(capsys, "articles", *w)
    assert "Title in markup" in out and "esrever" in out and "␛" in out
    _, out, _ = run(capsys, "search", hostile.MARKER, *w)
    assert out.count("\n") > 10


@pytest.mark.skipif(not has("factdesk.core.extract", "extract"), reason="claim extraction is not available yet")
def test_cli_errors_about_hostile_files_are_harmless(tmp_path, hostile, capsys):
    src = tmp_path / "names"
    src.mkdir()
    evil = src / "\x1b]0;pwned\x07\u202e[bold]x.txt"
    evil.write_bytes(b"")
    code, out, err = run(capsys, "import", str(evil), "--workspace", str(tmp_path / "ws"))
    assert code == 1
    assert not hostile.forbidden_in(out + err)
    assert "empty file" in out
    code, out, err = run(capsys, "claims", "--article", "\x1b[2J\u202e", "--workspace", str(tmp_path / "ws"))
    assert code == 1 and not hostile.forbidden_in(out + err) and len(err.strip().splitlines()) == 1


@pytest.mark.skipif(not has("factdesk.core.extract", "extract"), reason="claim extraction is not available yet")
def test_cli_import_of_the_whole_corpus(tmp_path, corpus, hostile, capsys):
    """The real pipeline: one line per file, refused files named, the batch continues, output harmless."""
    root = tmp_path / "ws"
    code, out, err = run(capsys, "import", str(corpus[0].parent), "--workspace", str(root))
    assert code == 0, err
    assert not hostile.forbidden_in(out + err)
    lines = out.strip().splitlines()
    assert len(lines) == len(hostile.HOSTILE_CASES) + 1
    summary = lines[-1]
    assert summary.startswith(f"{len(hostile.HOSTILE_CASES) - len(hostile.REFUSED)} imported") or " duplicate" in summary
    assert sum(line.startswith("failed") for line in lines) == len(hostile.REFUSED)
    for argv in (["articles"], ["claims"], ["search", hostile.MARKER], ["suggest"], ["events"], ["doctor"]):
        code, out, err = run(capsys, *argv, "--workspace", str(root))
        assert code == 0, (argv, err)
        assert not hostile.forbidden_in(out + err), argv


def test_json_output_escapes_c1_and_bidi(tmp_path, corpus, hostile, capsys):
    root = tmp_path / "ws"
    _fill_workspace(root, corpus, "note \u202eevil\u202c \u009b31m")
    bad = set()
    for argv in (["articles"], ["claims"], ["history"]):
        _, out, _ = run(capsys, *argv, "--format", "json", "--workspace", str(root))
        bad |= set(hostile.forbidden_in(out))
    assert not bad, sorted(bad)


@pytest.mark.skipif(
    not (has("factdesk.export", "run_export") and has("factdesk.core.extract", "extract")), reason="export is not available yet"
)
def test_export_to_the_terminal_is_harmless(tmp_path, corpus, hostile, capsys):
    """``factdesk export`` without -o prints the report: article text must not act on the terminal."""
    root = tmp_path / "ws"
    code, _, err = run(capsys, "import", str(corpus[0].parent), "--workspace", str(root))
    assert code == 0, err
    ws = open_workspace(root)
    claims = [c.id for c in ws.iter_claims()]
    ws.set_note(claims[0], "note \x1b]52;c;Zm9v\x07 \u202eevil\u202c \u009b31m")
    ws.set_verdict(claims[0], "misleading")
    ws.link_claims(claims[0], claims[3], "contradicts", "\x1b[2J")
    ws.close()
    for fmt in ("md", "html", "json", "csv", "claimreview", "annotations"):
        code, out, err = run(capsys, "export", "--format", fmt, "--workspace", str(root))
        assert code == 0, (fmt, err)
        shown = out.replace("\r\n", "\n") if fmt == "csv" else out
        assert not hostile.forbidden_in(shown + err), fmt
        if fmt == "html":
            assert "<script" not in out.lower()
