"""Atomic writing, no silent overwrite, and the ``factdesk export`` command end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factdesk.cli import main
from factdesk.core.errors import FactdeskError
from factdesk.export import write_report
from factdesk.export.atomic import OutputExistsError, atomic_write


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_and_no_overwrite(tmp_path):
    target = tmp_path / "r.md"
    atomic_write(target, "first\n")
    assert target.read_text() == "first\n"
    with pytest.raises(OutputExistsError) as info:
        atomic_write(target, "second\n")
    assert str(target) in str(info.value) and "--force" in str(info.value)
    assert target.read_text() == "first\n"
    atomic_write(target, "second\n", force=True)
    assert target.read_text() == "second\n"
    assert _leftovers(tmp_path) == []
    mask = os.umask(0o022)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask, "a normal file, not the temp file's 0600"


def test_failed_write_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "r.md"
    target.write_text("old\n")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(FactdeskError) as info:
        atomic_write(target, "new\n", force=True)
    assert "No space left on device" in str(info.value) and str(target) in str(info.value)
    assert target.read_text() == "old\n" and _leftovers(tmp_path) == []


def test_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(FactdeskError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "r.md", "x")
    with pytest.raises(FactdeskError, match="is a directory"):
        atomic_write(tmp_path, "x", force=True)


def test_write_report_api(ws, tmp_path):
    out = write_report(ws, "html", tmp_path / "r.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(OutputExistsError):
        write_report(ws, "html", out)
    write_report(ws, "json", out, force=True)
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "factdesk-report/1"
    with pytest.raises(FactdeskError, match="unknown export format"):
        write_report(ws, "pdf", tmp_path / "x.pdf")


def test_cli_stdout_and_formats(flood, capsys):
    root, built = flood
    assert main(["export", "--workspace", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Verification report\n") and "## Contradictions" in out
    assert main(["export", "--workspace", str(root), "--format", "json", "--article", built.articles["fr-alpin"]]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data["articles"]] == [built.articles["fr-alpin"]]
    assert main(["export", "--workspace", str(root), "--format", "csv", "--event", "e-arve-flood"]) == 0
    assert capsys.readouterr().out.startswith("claim_id,article_id,")


def test_cli_output_file_refuses_overwrite_without_force(flood, tmp_path, capsys):
    root, _ = flood
    out = tmp_path / "report.html"
    assert main(["export", "--workspace", str(root), "--format", "html", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "report.html" in captured.err
    first = out.read_bytes()
    assert main(["export", "--workspace", str(root), "--format", "md", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "report.html already exists" in err and "--force" in err
    assert out.read_bytes() == first
    assert main(["export", "--workspace", str(root), "--format", "md", "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Verification report")


def test_cli_unknown_event_or_article(flood, capsys):
    root, _ = flood
    assert main(["export", "--workspace", str(root), "--event", "nope"]) == 1
    assert "no event with id 'nope'" in capsys.readouterr().err
    assert main(["export", "--workspace", str(root), "--article", "zzz"]) == 1
    assert "no article" in capsys.readouterr().err


def test_cli_copy_puts_markdown_on_the_clipboard(flood, tmp_path, capsys, monkeypatch):
    import pyperclip

    root, _ = flood
    copied = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    out = tmp_path / "r.json"
    assert main(["export", "--workspace", str(root), "--format", "json", "-o", str(out), "--copy"]) == 0
    assert copied and copied[0].startswith("# Verification report")
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "factdesk-report/1"
    assert "copied" in capsys.readouterr().err


def test_cli_copy_without_clipboard_still_writes_the_file(flood, tmp_path, capsys, monkeypatch):
    import pyperclip

    def no_clipboard(text):
        raise pyperclip.PyperclipException("could not find a copy/paste mechanism")

    root, _ = flood
    monkeypatch.setattr(pyperclip, "copy", no_clipboard)
    out = tmp_path / "r.md"
    assert main(["export", "--workspace", str(root), "-o", str(out), "--copy"]) == 0
    assert "no clipboard available" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").startswith("# Verification report")
    # and to stdout when there is no -o
    assert main(["export", "--workspace", str(root), "--copy"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# Verification report") and "no clipboard available" in captured.err


def test_export_package_imports_no_ui_toolkit():
    code = (
        "import sys, factdesk.export as e, factdesk.export.markdown, factdesk.export.html, factdesk.export.jsonfmt,"
        " factdesk.export.claimreview, factdesk.export.annotations, factdesk.export.csvfmt, factdesk.export.atomic;"
        " bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]; print(bad); sys.exit(1 if bad else 0)"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    env = dict(os.environ, PYTHONPATH=str(src))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
