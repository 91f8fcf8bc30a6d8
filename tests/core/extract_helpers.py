"""Shared helpers for the extraction tests (a uniquely named module: several test folders have a conftest)."""

from __future__ import annotations

import datetime as dt

from factdesk.core.extract import extract

TODAY = dt.date(2026, 11, 21)


def spans(text: str, lang: str | None, published: str | None = None, type_: str | None = None):
    res = extract("t", text, lang, published, today=TODAY)
    out = [s for c in res.claims for s in c.spans if type_ is None or s.type == type_]
    return out


def check_case(case: tuple, lang: str) -> None:
    kind = case[0]
    if kind == "q":  # quantity: sentence, span text, value, kind, qualifier
        _, text, span_text, value, qkind, qual = case
        got = [s for s in spans(text, lang, None, "quantity") if s.text == span_text]
        assert got, (text, [s.to_dict() for s in spans(text, lang, None, "quantity")])
        s = got[0]
        assert (s.value, s.kind, s.qualifier) == (value, qkind, qual), s.to_dict()
    elif kind == "nq":  # not a quantity
        _, text, span_text = case
        got = [s.text for s in spans(text, lang, None, "quantity")]
        assert not any(span_text in g for g in got), got
    elif kind == "d":  # date: sentence, published, span text, resolved
        _, text, pub, span_text, resolved = case
        got = [s for s in spans(text, lang, pub, "date") if s.text == span_text]
        assert got, (text, [s.to_dict() for s in spans(text, lang, pub, "date")])
        assert got[0].resolved == resolved, got[0].to_dict()
        assert got[0].basis
    elif kind == "nd":  # no date span containing the text
        _, text, span_text = case
        got = [s.text for s in spans(text, lang, "2024-02-03", "date")]
        assert not any(span_text in g for g in got), got
    elif kind == "a":  # attribution key
        _, text, key = case
        got = [s.key for s in spans(text, lang, None, "attribution")]
        assert key in got, (text, [s.to_dict() for s in spans(text, lang, None, "attribution")])
    elif kind == "na":  # no attribution
        _, text = case
        got = spans(text, lang, None, "attribution")
        assert not got, [s.to_dict() for s in got]
    elif kind == "e":  # entity key
        _, text, span_text, key = case
        got = {s.text: s.key for s in spans(text, lang, None, "entity")}
        assert got.get(span_text) == key, got
    elif kind == "ne":  # not an entity
        _, text, span_text = case
        got = [s.text for s in spans(text, lang, None, "entity")]
        assert span_text not in got, got
    elif kind == "quote":  # quote speaker
        _, text, speaker = case
        got = [s.speaker for s in spans(text, lang, None, "quote") if s.kind == "speech"]
        assert speaker in got, (text, got)
    elif kind == "split":  # number of sentences
        from factdesk.core.extract import split_sentences
        _, text, n = case
        got = [s.text for s in split_sentences(text, lang)]
        assert len(got) == n, got
    else:  # pragma: no cover
        raise AssertionError(kind)


import pytest  # noqa: E402
