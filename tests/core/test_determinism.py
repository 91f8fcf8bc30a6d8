"""The same articles give the same suggestions, reasons and events in every process (no hash-order leaks)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _suggest_json(tmp_path: Path, seed: str) -> str:
    ws = tmp_path / f"ws{seed}"
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(REPO / "src"))
    run = [sys.executable, "-m", "factdesk"]
    subprocess.run([*run, "import", str(REPO / "workspace" / "articles"), str(REPO / "tests" / "data" / "multilingual"),
                    "-w", str(ws)], env=env, check=True, capture_output=True, timeout=300)
    out = subprocess.run([*run, "suggest", "--format", "json", "-w", str(ws)], env=env, check=True,
                         capture_output=True, text=True, timeout=120).stdout
    events = subprocess.run([*run, "events", "--format", "json", "-w", str(ws)], env=env, check=True,
                            capture_output=True, text=True, timeout=120).stdout
    return out + events


def test_suggestions_do_not_depend_on_the_hash_seed(tmp_path):
    assert _suggest_json(tmp_path, "1") == _suggest_json(tmp_path, "2")
