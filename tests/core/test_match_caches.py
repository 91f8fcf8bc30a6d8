"""The scorer's caches (per-claim values on the features, IDF weights in the pair context) never change a result."""

from __future__ import annotations

import json
from importlib import resources

from match_helpers import claim, flood_en, flood_es

from factdesk.core.matching import PairContext, compare_features
from factdesk.core.matching.features import build_features
from factdesk.core.matching.lexicon import Lexicon

A = flood_en("c1", "A")
B = flood_es("c2", "B")
A_EXACT = claim(
    "c1", "A", "Floods in northern Italy killed 14 people on Tuesday, May 16, the civil protection agency said.",
    "en",
    ("e", "Italy", "italy", "place"), ("q", "14", 14, "exactly", "killed"), ("d", "Tuesday, May 16", "2023-05-16"),
    ("a", "the civil protection agency", "civil-protection"),
)
B_OTHER = claim(
    "c2", "B", "Las inundaciones en el norte de Italia dejaron 9 muertos el martes 16 de mayo, según la protección civil.",
    "es",
    ("e", "Italia", "italy", "place"), ("q", "9", 9, "exactly", "killed"), ("d", "martes 16 de mayo", "2023-05-16"),
    ("a", "la protección civil", "civil-protection"),
)


def _feats(c, order):
    return build_features(c, published="2023-05-17", article_order=order)


def _ctx(weight: float) -> PairContext:
    return PairContext(idf=lambda anchor: weight, event_of={"c1": "ev", "c2": "ev"})


def test_scoring_twice_or_with_filled_caches_gives_the_same_suggestion():
    fa, fb = _feats(A, 0), _feats(B, 1)
    ctx = _ctx(0.7)
    first = compare_features(fa, fb, ctx)
    assert first is not None and fa.memo and ctx.weights
    again = compare_features(fa, fb, ctx)
    fresh = compare_features(_feats(A, 0), _feats(B, 1), _ctx(0.7))
    assert first == again == fresh
    assert compare_features(fb, fa, ctx) == first


def test_weights_are_cached_per_context_not_per_claim():
    fa, fb = _feats(A, 0), _feats(B, 1)
    rare = compare_features(fa, fb, _ctx(1.0))
    common = compare_features(fa, fb, _ctx(0.05))
    assert rare == compare_features(_feats(A, 0), _feats(B, 1), _ctx(1.0))
    assert common == compare_features(_feats(A, 0), _feats(B, 1), _ctx(0.05))
    assert rare is not None and common is not None and rare.score != common.score


def test_a_claim_rebuilt_under_the_same_id_is_scored_afresh():
    fa = _feats(A_EXACT, 0)
    ctx = _ctx(0.7)
    agree = compare_features(fa, _feats(B, 1), ctx)
    clash = compare_features(fa, _feats(B_OTHER, 1), ctx)
    assert agree is not None and agree.kind == "match"
    assert clash == compare_features(_feats(A_EXACT, 0), _feats(B_OTHER, 1), _ctx(0.7))
    assert clash is not None and clash.reasons != agree.reasons


def _fresh_lexicon() -> Lexicon:
    text = resources.files("factdesk.core.data").joinpath("lexicon.json").read_text(encoding="utf-8")
    return Lexicon(json.loads(text))


def test_token_cache_gives_what_an_empty_lexicon_gives_in_every_language():
    shared = _fresh_lexicon()
    texts = [
        ("Le cessez-le-feu a été violé à l'aube par des tirs d'artillerie, selon l'armée.", "fr"),
        ("The ceasefire was violated at dawn by artillery fire, the army said.", "en"),
        ("El alto el fuego fue violado al amanecer por fuego de artillería, según el ejército.", "es"),
        ("Le cessez-le-feu a été violé", "en"),  # French words through the English table
        ("The ceasefire was violated", "fr"),
        ("Waffenruhe am Morgen durch Artilleriefeuer gebrochen", None),  # language guessed
    ]
    for _ in range(2):  # the second round runs on filled caches
        for text, lang in texts:
            assert shared.map_text(text, lang) == _fresh_lexicon().map_text(text, lang), (text, lang)
