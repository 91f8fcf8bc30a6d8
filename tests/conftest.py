"""Shared fixtures: isolated config, paths to the sample articles, small workspaces."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "workspace" / "articles"


@pytest.fixture(autouse=True)
def _isolate_environment(tmp_path_factory, monkeypatch):
    """Keep the user's config, workspace and clipboard out of every test."""
    cfg = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(cfg))
    monkeypatch.setenv("FACTDESK_CONFIG", str(cfg / "factdesk" / "config.toml"))
    monkeypatch.delenv("FACTDESK_WORKSPACE", raising=False)
    monkeypatch.setenv("FACTDESK_REPORT_DATE", "2026-01-01")
    yield


@pytest.fixture
def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture
def ws(tmp_path):
    """A fresh, empty workspace."""
    from factdesk.core.store import open_workspace

    workspace = open_workspace(tmp_path / "ws")
    yield workspace
    workspace.close()


def pytest_report_header(config):
    return f"factdesk tests; cpu count {os.cpu_count()}"
