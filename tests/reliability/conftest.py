"""Fixtures for the reliability suite: the hostile corpus, the crash script, small workspaces."""

from __future__ import annotations

from types import ModuleType

import pytest
from reliability_support import TESTS, build_workspace, load_module


@pytest.fixture(scope="session")
def hostile() -> ModuleType:
    return load_module("factdesk_tests_hostile", TESTS / "data" / "hostile.py")


@pytest.fixture(scope="session")
def crash_kill() -> ModuleType:
    return load_module("factdesk_tests_crash_kill", TESTS / "crash_kill.py")


@pytest.fixture(scope="session")
def concurrency() -> ModuleType:
    return load_module("factdesk_tests_concurrency", TESTS / "concurrency_check.py")


@pytest.fixture
def small_ws(tmp_path):
    ws = build_workspace(tmp_path / "ws")
    yield ws
    ws.close()
