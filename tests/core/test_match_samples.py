"""End to end on the sample articles: import, suggestions, the dev gold, decisions across recompute."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent.parent / "workspace" / "articles"
GOLD = HERE.parent / "data" / "match_dev_gold.json"

extract_mod = pytest.importorskip("factdesk.core.extract")
if not hasattr(extract_mod, "extract"):
    pytest.skip("claim extraction is not available", allow_module_level=True)

from factdesk.core.matching import recompute_all  # noqa: E402
from factdesk.core.pipeline import import_paths  # noqa: E402


# -- the dev-gold scoring logic (same rules as the evaluation scorer) ---------------------------
def _side_key(s):
    name = os.path.basename(str(s.get("path") or s.get("article") or ""))
    return name, s.get("text") or ""


def _hits(side, gold_side):
    name, text = side
    f, sub = gold_side
    return name == f and sub in text


def score(suggestions, gold, k=5):
    per = defaultdict(list)
    for s in suggestions:
        a, b = _side_key(s["left"]), _side_key(s["right"])
        kind = s.get("kind", "match")
        sc = float(s.get("score", 0))
        per[a].append((sc, kind, b))
        per[b].append((sc, kind, a))
    for key in per:
        per[key].sort(key=lambda t: -t[0])

    def found(item, want_kind, kk):
        sides_a = [item["a"]] + item.get("alt_a", [])
        sides_b = [item["b"]] + item.get("alt_b", [])
        for key, lst in per.items():
            for ga, gb in ((sides_a, sides_b), (sides_b, sides_a)):
                if any(_hits(key, g) for g in ga):
                    top = [t for t in lst if want_kind is None or t[1] == want_kind][:kk]
                    if any(any(_hits(o, g) for g in gb) for _, _, o in top):
                        return True
        return False

    links, cons, traps = gold.get("links", []), gold.get("contradictions", []), gold.get("traps", [])
    return {
        "missed_links": [i["id"] for i in links if not found(i, None, k)],
        "missed_contradictions": [i["id"] for i in cons if not found(i, "contradiction", k)],
        "violated_traps": [t["id"] for t in traps if found(t, t.get("forbidden_kind"), 10**9)],
    }


@pytest.fixture(scope="module")
def sample_ws(tmp_path_factory):
    from factdesk.core.store import open_workspace

    ws = open_workspace(tmp_path_factory.mktemp("samples") / "ws")
    import_paths(ws, [SAMPLES])
    yield ws
    ws.close()


def test_dev_gold(sample_ws):
    rows = json.loads(json.dumps(sample_ws.suggestions(), ensure_ascii=False))
    result = score(rows, json.loads(GOLD.read_text(encoding="utf-8")))
    assert result == {"missed_links": [], "missed_contradictions": [], "violated_traps": []}, result


def test_internal_date_contradiction(sample_ws):
    rows = sample_ws.suggestions(kind="contradiction")
    assert any(
        r["ctype"] == "date" and r["left"]["article"] == r["right"]["article"] and "004_" in r["left"]["path"] for r in rows
    )


def test_never_match_on_different_counted_things(sample_ws):
    for r in sample_ws.suggestions(kind="match"):
        assert not any(reason.startswith("same number, different thing") for reason in r["reasons"])


def test_events_separate_2021_and_2024(sample_ws):
    events = sample_ws.events()
    assert events
    for r in sample_ws.suggestions(kind="contradiction"):
        if r["ctype"] == "quantity":
            years = {r["left"]["path"][:3] in ("001", "003"), r["right"]["path"][:3] in ("001", "003")}
            assert len(years) == 1, r


def test_decisions_survive_recompute(sample_ws):
    rows = sample_ws.suggestions()
    first, last = rows[0], rows[-1]
    sample_ws.review_suggestion(first["id"], "accepted")
    sample_ws.review_suggestion(last["id"], "rejected")
    recompute_all(sample_ws)
    after = {r["id"]: r["status"] for r in sample_ws.suggestions()}
    assert after.get(first["id"]) == "accepted"
    assert after.get(last["id"]) == "rejected"
