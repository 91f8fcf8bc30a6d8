"""Property tests: extract() never raises and every offset slices correctly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factdesk.core.extract import extract, split_sentences

FRAGMENTS = [
    "At least 18 pro-Iranian fighters were killed", "“Our response began today. It will continue,”", "the president said on Friday.",
    "« Notre réponse a commencé aujourd’hui. Cela continuera », a-t-il ajouté.", "dans la nuit du 2 au 3 février", "10 morts et 18 blessés",
    "according to the Syrian Observatory for Human Rights (OSDH).", "#العراق.#الميادين pic.twitter.com/FiH6heaU0B", "plane . The", ". .",
    "”OSDH director Rami Abdel Rahmane told AFP", "Eighty-five targeted sites", " date 2024-02 ", "U.S.", "Dr.", "M.", "F-16s", "2,500",
    "2 500", "three million dollars", "late 2019", "mi-octobre", "\n", "\n\n", "\x00", "\u202e", "שלום", "Привет", "東京", "\"", "«", "»", "’",
    "un responsable au ministère de l'Intérieur irakien", "Le 7 octobre", "$3bn", "7,5 %", "(...)", "…", "?!", "¿Qué?", "Resolution 2254",
]


def _check(text: str, published: str | None, lang: str | None) -> None:
    res = extract("prop", text, lang, published)
    for s in res.sentences:
        assert text[s.start:s.end] == s.text
    for c in res.claims:
        assert text[c.start:c.end] == c.text
        assert 0.0 <= c.score <= 1.0
        for sp in c.spans:
            assert c.start <= sp.start <= sp.end <= c.end
            assert text[sp.start:sp.end] == sp.text
    for s in split_sentences(text, lang):
        assert text[s.start:s.end] == s.text


LANGS = st.sampled_from([None, "en", "fr", "de", "es", "pt", "und", "ar", "xx"])
PUBS = st.sampled_from([None, "2024-02-03", "2024-02", "2024", "garbage", "2024-13-45", ""])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(), max_size=400), PUBS, LANGS)
def test_arbitrary_unicode(text, published, lang):
    _check(text, published, lang)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=25).map(" ".join), PUBS, LANGS)
def test_fragment_compositions(text, published, lang):
    _check(text, published, lang)


def test_edge_inputs():
    for text in ("", " ", "\n\n\n", ".", "« »", "“", "1", "a" * 5000, "x. " * 2000):
        _check(text, None, None)
    big = ("At least 18 fighters were killed on Friday, February 2, according to OSDH. " * 14000)[:1_000_000]
    res = extract("big", big.replace(". ", ", "), "en", None)
    assert res.sentences
