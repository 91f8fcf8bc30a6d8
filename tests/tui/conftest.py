"""Fixtures for the workbench tests: isolated settings, a deterministic workspace, a fake clipboard."""

from __future__ import annotations

import sys
import time
import types
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from workspace_factory import build_workspace  # noqa: E402


@pytest.fixture(autouse=True)
def isolate_config(tmp_path_factory, monkeypatch):
    """No user settings leak into a test."""
    home = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("FACTDESK_CONFIG", str(home / "absent.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))


@pytest.fixture(autouse=True)
def utc_clock(monkeypatch):
    """Local time is UTC, so times shown in the inspector history do not depend on the machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def ws_root(tmp_path) -> Path:
    return build_workspace(tmp_path / "ws")


@pytest.fixture
def fake_clipboard(monkeypatch):
    """Replace pyperclip with a recorder; returns the list of copied strings."""
    copied: list[str] = []
    module = types.ModuleType("pyperclip")
    module.copy = copied.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pyperclip", module)
    return copied


@pytest.fixture
def fake_export(monkeypatch):
    """A deterministic stand-in for factdesk.export (the report screen's backend)."""
    written: list[tuple[str, str]] = []
    module = types.ModuleType("factdesk.export")

    def render_report(ws, fmt, articles=None, event=None):
        titles = [a["title"] for a in ws.list_articles()]
        lines = ["# Verification report", "", f"{len(titles)} articles", ""]
        lines += [f"- {t}" for t in titles]
        return "\n".join(lines) + "\n"

    def write_report(ws, fmt, path, force=False):
        p = Path(path)
        p.write_text(render_report(ws, fmt), encoding="utf-8")
        written.append((fmt, str(p)))
        return p

    module.render_report = render_report  # type: ignore[attr-defined]
    module.write_report = write_report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "factdesk.export", module)
    return written
