"""Span JSON: the stored form of a span keeps every set field, in field order, and reads back."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from factdesk.core.models import Span

_OPTIONAL = ("kind", "qualifier", "key", "resolved", "granularity", "basis", "speaker", "source", "unit")

spans = st.builds(
    Span,
    type=st.sampled_from(["quantity", "date", "quote", "attribution", "entity"]),
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    text=st.text(max_size=30),
    value=st.none() | st.integers(-10**9, 10**9).map(float) | st.floats(allow_nan=False, allow_infinity=False),
    **{name: st.none() | st.text(max_size=12) for name in _OPTIONAL},
)


@given(spans)
def test_span_dict_keeps_set_fields_in_order_and_reads_back(span):
    d = span.to_dict()
    expected = ["type", "text", "start", "end"] + [n for n in ("value",) + _OPTIONAL if getattr(span, n) is not None]
    assert list(d) == expected
    if span.value is not None and span.value.is_integer():
        assert d["value"] == int(span.value) and isinstance(d["value"], int)
    back = Span.from_dict(json.loads(json.dumps(d)))
    assert back == span
