"""The command line, end to end through ``factdesk.cli.main`` (the same core as the TUI)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factdesk.cli import main

pytest.importorskip("factdesk.core.extract")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_samples_then_duplicates(tmp_path, capsys, sample_paths):
    ws = str(tmp_path / "w")
    code, out, _ = run(capsys, "import", str(sample_paths[0].parent), "--workspace", ws)
    assert code == 0
    lines = out.strip().splitlines()
    assert sum(line.startswith("imported") for line in lines) == 5
    assert lines[-1].startswith("5 imported, 0 duplicate, 0 failed")
    code, out, _ = run(capsys, "articles", "--format", "json", "--workspace", ws)
    rows = json.loads(out)
    assert [r["language"] for r in rows] == ["en", "en", "fr", "en", "fr"]
    assert set(rows[0]) == {"id", "title", "source", "url", "language", "published", "path", "word_count"}
    assert rows[4]["published"] == "2024-02"
    code, out, _ = run(capsys, "import", str(sample_paths[0].parent), "--workspace", ws)
    assert code == 0
    assert out.strip().splitlines()[-1].startswith("0 imported, 5 duplicate, 0 failed")


def test_import_good_and_binary(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("The storm killed 12 people on Monday, officials said.", encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    code, out, _ = run(capsys, "import", str(src), "--workspace", str(tmp_path / "w"))
    assert code == 0
    assert "imported" in out and "good.txt" in out
    assert "failed    " in out and "bad.txt: binary file" in out
    assert out.strip().splitlines()[-1].startswith("1 imported, 0 duplicate, 1 failed")


def test_import_all_failed_exits_1(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    code, out, _ = run(capsys, "import", str(tmp_path / "empty.txt"), str(tmp_path / "missing.md"), "--workspace", str(tmp_path / "w"))
    assert code == 1
    assert "empty.txt: empty file" in out and "missing.md: no such file" in out


def test_claims_json_offsets_slice_the_text(tmp_path, capsys, sample_paths):
    ws = str(tmp_path / "w")
    run(capsys, "import", *map(str, sample_paths), "--workspace", ws)
    code, out, _ = run(capsys, "claims", "--format", "json", "--workspace", ws)
    claims = json.loads(out)
    assert claims
    from factdesk.core.store import open_workspace

    texts = {}
    with open_workspace(ws) as w:
        for row in w.list_articles():
            texts[row["id"]] = w.article(row["id"]).text
    for c in claims:
        assert texts[c["article"]][c["start"] : c["end"]] == c["text"]
        for s in c["spans"]:
            assert texts[c["article"]][s["start"] : s["end"]] == s["text"]
    code, out, _ = run(capsys, "claims", "--type", "quantity", "--format", "json", "--workspace", ws)
    assert all(any(s["type"] == "quantity" for s in c["spans"]) for c in json.loads(out))


def test_analyst_commands_and_unknown_ids(tmp_path, capsys, sample_paths):
    ws = str(tmp_path / "w")
    run(capsys, "import", *map(str, sample_paths[:3]), "--workspace", ws)
    _, out, _ = run(capsys, "claims", "--format", "json", "--workspace", ws)
    claims = json.loads(out)
    a = next(c for c in claims if c["path"].startswith("000"))["claim_id"]
    b = next(c for c in claims if c["path"].startswith("002"))["claim_id"]
    code, out, _ = run(capsys, "link", a, b, "--as", "contradicts", "--workspace", ws)
    assert code == 0 and f"linked {a} and {b} as contradicts" in out
    code, out, _ = run(capsys, "note", a, "Ask the Pentagon press office", "--tag", "follow-up", "--workspace", ws)
    assert code == 0 and "noted" in out
    code, out, _ = run(capsys, "verdict", a, "mostly accurate", "--workspace", ws)
    assert code == 0 and "mostly-accurate" in out
    code, out, _ = run(capsys, "history", "--format", "json", "--workspace", ws)
    assert [h["action"] for h in json.loads(out)] == ["link", "note", "verdict"]
    code, out, _ = run(capsys, "undo", "--workspace", ws)
    assert code == 0 and out.startswith("undid: verdict")
    code, out, err = run(capsys, "note", "cdoesnotexist", "x", "--workspace", ws)
    assert code == 1 and "no claim with id 'cdoesnotexist'" in err
    code, out, err = run(capsys, "review", "sdoesnotexist", "--accept", "--workspace", ws)
    assert code == 1 and "no suggestion" in err
    code, out, err = run(capsys, "verdict", a, "kinda", "--workspace", ws)
    assert code == 1 and "unknown verdict" in err


def test_every_command_has_help():
    from factdesk.cli import COMMANDS

    for name in COMMANDS:
        result = subprocess.run([sys.executable, "-m", "factdesk", name, "--help"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, name
        assert "--workspace" in result.stdout, name
