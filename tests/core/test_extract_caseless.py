"""The lowered-text fast paths of extraction match exactly what a case-insensitive search matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factdesk.core.extract import langdata


def _caseless_chars() -> str:
    rx = re.compile("[" + langdata.CASELESS_CHARS + "]")
    return "".join(ch for ch in map(chr, range(0x2100)) if rx.fullmatch(ch))


CHARS = _caseless_chars()


def test_caseless_chars_lower_like_re_ignorecase():
    """Every claim made by ``CASELESS_CHARS``, checked over all its character pairs."""
    for c in CHARS:
        low = c.lower()
        assert len(low) == 1, hex(ord(c))
        for cat in (r"\s", r"\w", r"\d"):
            assert bool(re.fullmatch(cat, c)) == bool(re.fullmatch(cat, low)), (hex(ord(c)), cat)
    for lit in CHARS:
        hits = set(re.compile(re.escape(lit), re.I).findall(CHARS))
        assert hits == {c for c in CHARS if c.lower() == lit.lower()}, hex(ord(lit))


def test_caseless_rejects_other_characters():
    assert langdata.caseless("Déjà VU – 5 €") == "déjà vu – 5 €"
    for odd in ("İstanbul", "ſo", "ıraq", "µs", "Σ", "Привет", "東京"):
        assert langdata.caseless("x " + odd) is None


PHRASES = ["déc", "jan.", "mars", "aujourd'hui", "in the night", "vingt-deux", "Straße", "ÉTÉ"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAcCdDeEéÉjJnNsStTuUhHrRßẞıİſ'’ -–.\xa0\n"), max_size=40))
def test_phrase_probe_same_as_ignorecase_search(text):
    probe = langdata.phrase_probe(PHRASES)
    want = re.compile(langdata.trie_regex(PHRASES), re.I).search(text) is not None
    assert probe.search(text, langdata.caseless(text)) == want
    assert probe.search(text, None) == want


PATTERNS = [r"(?:the\s+)?night\s+(?:of|from)", r"(?:dans\s+)?(?:la\s+)?nuit\s+d[ue]", r"^\W*(?:lire|voir) (?:aussi|été)\b",
            r"[\w-]+-badge\W*$", r"(?<![\w])été(?![^\W\d])", r"^\W*(?:copyright|©).{0,3}$",
            r"\d\s?(?:[h:.]\s?\d\d|[ap]\.?m\b|\s?[ap]\.m\.)", re.escape("a.m. (de) 1") + r"|nuit\ d['’]été"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAdDeEéÉgGhHiInNtTuUoOfFrRbBcCpPyY©1 -_’'.\n\xa0ıİſK"), max_size=30))
def test_lowered_regex_same_as_ignorecase(text):
    low = langdata.caseless(text)
    for pat in PATTERNS:
        rx = langdata.lowered_regex(pat)
        assert rx is not None, pat
        if low is not None:
            assert [m.span() for m in rx.finditer(low)] == [m.span() for m in re.finditer(pat, text, re.I)]
        assert langdata.regex_probe(pat).search(text, low) == (re.search(pat, text, re.I) is not None)


def test_lowered_regex_refuses_uncertain_patterns():
    for pat in (r"[a-z]", "A", r"(?i:x)", r"(?P<x>a)", r"\A", "x[", r"\\s", r"[]-a]", "ſ", r"\N{DASH}", r"\u00e9", r"\x41"):
        assert langdata.lowered_regex(pat) is None, pat


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAdDeEéÉgGhHiInNtTuUoOfFrRbBcCpPmM1 -_’'.:\n\xa0ıİſK"), max_size=30),
       st.integers(0, 30), st.integers(0, 30))
def test_search_and_match_at_same_as_ignorecase(text, pos, endpos):
    low = langdata.caseless(text)
    for pat in PATTERNS:
        probe = langdata.regex_probe(pat)
        rx = re.compile(pat, re.I)
        got, want = probe.search_at(text, low, pos, endpos), rx.search(text, pos, endpos)
        assert (got and got.span()) == (want and want.span()), pat
        got, want = probe.match_at(text, low, pos, endpos), rx.match(text, pos, endpos)
        assert (got and got.span()) == (want and want.span()), pat


def test_count_context_patterns_run_on_lowered_text():
    """The patterns read around every count are searched in lowered text (several times faster),
    except the one with a case-sensitive part."""
    from factdesk.core.matching import features

    probes = {k: v for k, v in vars(features).items() if isinstance(v, langdata.CaselessProbe)}
    assert len(probes) >= 15
    slow = sorted(k for k, v in probes.items() if v.lowered_rx is None)
    assert slow == ["_FORECAST_RE"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["fr", "en", "de", "es"]), st.data())
def test_verb_cues_found_as_by_finditer(code, data):
    from factdesk.core.extract import attribution

    lg = langdata.get(code)
    words = sorted({w for v in lg.att_verbs + lg.att_told for w in v.split()}) + ["également", "A", "Ont", "l'a", "DIT", "x"]
    parts = data.draw(st.lists(st.tuples(st.sampled_from(words), st.sampled_from([" ", "", "-", "'", ", ", "\xa0", " İ "])), max_size=8))
    text = "".join(w + sep for w, sep in parts)
    rx, _starts = attribution._verb_patterns(lg)
    want = [(m.span(), m.group()) for m in rx.finditer(text)]
    assert [(m.span(), m.group()) for m in attribution._verb_matches(text, langdata.caseless(text), lg)] == want


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["fr", "en", "de", "es", "pt"]), st.data())
def test_month_and_weekday_found_as_by_finditer(code, data):
    from factdesk.core.extract import dates

    p = dates.patterns(code)
    d = p.lg.dates
    words = sorted(set(p.lg.months) | set(p.lg.weekdays) | set(p.lg.month_prefix_words) | set(d.get("prefix") or [])
                   | set(d.get("last_before") or []) | set(d.get("next_before") or [])) + ["early", "the", "Abend", "SOIR", "x", "İ"]
    parts = data.draw(st.lists(st.tuples(st.sampled_from(words), st.sampled_from([" ", "", "-", ", ", ".", "\xa0"])), max_size=6))
    text = "".join(w + sep for w, sep in parts)
    for rx, starts in ((p.month_alone, p.month_alone_starts), (p.weekday, p.weekday_starts)):
        want = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in langdata.finditer_at(rx, text, starts, langdata.caseless(text))] == want
