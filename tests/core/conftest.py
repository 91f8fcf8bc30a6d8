"""Fixtures for the core tests; helpers live in ``extract_helpers`` (importable by name)."""

from __future__ import annotations

import pytest

from extract_helpers import check_case


@pytest.fixture
def check():
    """``check(case, lang)``: assert one compact extraction case (see ``check_case``)."""
    return check_case
