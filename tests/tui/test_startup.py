"""Start-up: nothing heavy before the first paint; a new workspace is imported in a worker with progress."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factdesk.config import ConfigError, Settings, load_settings
from factdesk.tui.app import FactdeskApp
from factdesk.tui.widgets.article_list import ArticleList

SRC = Path(__file__).resolve().parents[2] / "src"
SAMPLES = Path(__file__).resolve().parents[2] / "workspace" / "articles"

FIRST_PAINT = r"""
import asyncio, json, sys
from factdesk.tui.app import FactdeskApp

async def main():
    app = FactdeskApp(sys.argv[1])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        painted = sorted(sys.modules)
    print(json.dumps(painted))

asyncio.run(main())
"""

HEAVY = ("sqlite_utils", "rapidfuzz", "numpy", "pandas", "markdown_it", "pyperclip",
         "factdesk.core.extract", "factdesk.core.matching", "factdesk.core.pipeline", "factdesk.export")


def test_nothing_heavy_before_first_paint(ws_root, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(SRC), FACTDESK_CONFIG=str(tmp_path / "absent.toml"))
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(ws_root)], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    modules = json.loads(out.stdout.strip().splitlines()[-1])
    loaded = [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert loaded == []
    factdesk_modules = {m for m in modules if m.startswith("factdesk.core")}
    assert factdesk_modules <= {
        "factdesk.core", "factdesk.core.errors", "factdesk.core.models", "factdesk.core.textsafe",
        "factdesk.core.labels", "factdesk.core.store", "factdesk.core.store.workspace",
        "factdesk.core.store.analyst", "factdesk.core.store.matching_sql", "factdesk.core.store.schema",
    }


def test_config_module_is_textual_free():
    out = subprocess.run(
        [sys.executable, "-c", "import sys, factdesk.config; print('textual' in sys.modules)"],
        capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(SRC)), timeout=30,
    )
    assert out.stdout.strip() == "False"


def test_settings_from_toml(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n[keymap]\nclaim-next = "ctrl+n"\n', encoding="utf-8")
    monkeypatch.setenv("FACTDESK_CONFIG", str(path))
    settings = load_settings()
    assert settings.theme == "nord" and dict(settings.keymap) == {"claim-next": "ctrl+n"}
    path.write_text("theme = [", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings()
    monkeypatch.setenv("FACTDESK_CONFIG", str(tmp_path / "missing.toml"))
    assert load_settings() == Settings()


async def test_broken_config_is_a_notice_not_a_crash(ws_root, tmp_path, monkeypatch):
    bad = tmp_path / "bad.toml"
    bad.write_text("keymap = 3\n", encoding="utf-8")
    monkeypatch.setenv("FACTDESK_CONFIG", str(bad))
    app = FactdeskApp(ws_root)
    assert app.config_problem and "keymap" in app.config_problem
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"


@pytest.mark.slow
async def test_new_workspace_imports_articles_in_a_worker(tmp_path):
    pytest.importorskip("factdesk.core.extract")
    root = tmp_path / "fresh"
    (root / "articles").mkdir(parents=True)
    for name in sorted(os.listdir(SAMPLES))[:3]:
        shutil.copy(SAMPLES / name, root / "articles" / name)
    app = FactdeskApp(root)
    assert app.ws.created
    progress: list[tuple[int, int]] = []
    async with app.run_test(size=(120, 40), message_hook=lambda m: progress.append(getattr(m, "done", None)) if type(m).__name__ == "ImportProgressed" else None) as pilot:
        await pilot.pause()
        # the library is painted (empty) before the import finishes
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        rows = app.screen.query_one(ArticleList).rows
        assert len(rows) == 3
        assert progress
        assert any(r.claims for r in rows)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "CompareScreen"


def test_run_app_reports_a_broken_workspace(tmp_path, capsys):
    from factdesk.tui.app import run_app

    root = tmp_path / "broken"
    root.mkdir()
    (root / "factdesk.db").write_bytes(b"not a database at all, certainly not sqlite")
    assert run_app(str(root)) == 1
    assert "not a factdesk database" in capsys.readouterr().err
