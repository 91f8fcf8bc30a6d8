"""The core never imports Textual or Rich, and the CLI stays light until a command needs more."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    import json

    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_core_is_headless():
    mods = _modules_after(
        "import factdesk.core.store, factdesk.core.ingest, factdesk.core.pipeline, factdesk.core.models, "
        "factdesk.core.textsafe, factdesk.core.labels, factdesk.core.langid\n"
        "try:\n import factdesk.core.extract, factdesk.core.matching\nexcept ImportError:\n pass\n"
        "try:\n import factdesk.export\nexcept ImportError:\n pass"
    )
    assert not any(m == "textual" or m.startswith("textual.") for m in mods)
    assert not any(m == "rich" or m.startswith("rich.") for m in mods)


def test_cli_import_is_light():
    mods = _modules_after("import factdesk.cli")
    heavy = {"textual", "sqlite_utils", "rapidfuzz", "numpy", "factdesk.core.extract", "factdesk.core.matching"}
    assert not (heavy & mods)
