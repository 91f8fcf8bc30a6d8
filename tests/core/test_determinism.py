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


PAIR_SCRIPT = """
from factdesk.core.extract import extract
from factdesk.core.matching import compare_claims
a = extract("a1", "The US military said its strikes on February 2 killed 18 militants near Deir Ezzor, the Pentagon said.", "en", "2024-02-03").claims[0]
b = extract("b1", "The US military said its strikes on January 2 killed 18 militants near Deir Ezzor, the Pentagon said.", "en", "2024-01-04").claims[0]
s = compare_claims(a, b, published_a="2024-02-03", published_b="2024-01-04")
print(s.kind, s.reasons)
"""


def test_reasons_citing_both_publication_dates_keep_their_order():
    outputs = set()
    for seed in map(str, range(1, 13)):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(REPO / "src"))
        run = subprocess.run([sys.executable, "-c", PAIR_SCRIPT], env=env, check=True, capture_output=True, text=True, timeout=120)
        outputs.add(run.stdout)
    assert len(outputs) == 1, outputs
    assert "publication date 2024-01-04 agrees with 2024-01-02" in outputs.pop()
