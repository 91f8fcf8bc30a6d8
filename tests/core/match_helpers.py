"""Helpers to build hand-made claims for the matching tests."""

from __future__ import annotations

from factdesk.core.models import Claim, Span


def span(text: str, sub: str, type_: str, occurrence: int = 0, **kw) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(sub, start + 1)
    return Span(type=type_, start=start, end=start + len(sub), text=sub, **kw)


def claim(cid: str, article: str, text: str, lang: str, *specs: tuple, ordinal: int = 0) -> Claim:
    """``specs``: ("q", sub, value, qualifier, kind) | ("d", sub, resolved[, granularity]) |
    ("e", sub, key, kind) | ("a", sub, key) | ("quote", sub[, speaker])."""
    spans = []
    for spec in specs:
        kind = spec[0]
        if kind == "q":
            _, sub, value, qualifier, counted = spec
            spans.append(span(text, sub, "quantity", value=float(value), qualifier=qualifier, kind=counted))
        elif kind == "d":
            sub, resolved = spec[1], spec[2]
            gran = spec[3] if len(spec) > 3 else ("day" if len(resolved) >= 10 else "month")
            spans.append(span(text, sub, "date", resolved=resolved, granularity=gran))
        elif kind == "e":
            _, sub, key, ekind = spec
            spans.append(span(text, sub, "entity", key=key, kind=ekind))
        elif kind == "a":
            _, sub, key = spec
            spans.append(span(text, sub, "attribution", key=key, source=sub))
        elif kind == "quote":
            sub = spec[1]
            spans.append(span(text, sub, "quote", speaker=spec[2] if len(spec) > 2 else None))
        else:
            raise ValueError(kind)
    spans.sort(key=lambda s: s.start)
    return Claim(id=cid, article_id=article, start=0, end=len(text), text=text, spans=spans, lang=lang, ordinal=ordinal)


def flood_en(cid: str, article: str) -> Claim:
    """An English claim about a flood toll (the pair tests' reference fact)."""
    return claim(
        cid, article, "Floods in northern Italy killed at least 14 people on Tuesday, May 16, the civil protection agency said.",
        "en",
        ("e", "Italy", "italy", "place"), ("q", "14", 14, "at_least", "killed"), ("d", "Tuesday, May 16", "2023-05-16"),
        ("a", "the civil protection agency", "civil-protection"),
    )


def flood_es(cid: str, article: str) -> Claim:
    """The same fact in Spanish."""
    return claim(
        cid, article, "Las inundaciones en el norte de Italia dejaron al menos 14 muertos el martes 16 de mayo, según la protección civil.",
        "es",
        ("e", "Italia", "italy", "place"), ("q", "14", 14, "at_least", "killed"), ("d", "martes 16 de mayo", "2023-05-16"),
        ("a", "la protección civil", "civil-protection"),
    )


def extracted(text: str, lang: str, published: str):
    """The first claim extracted from ``text`` (an article of its own, named after its start)."""
    from factdesk.core.extract import extract

    return extract("art-" + text[:14], text, lang, published).claims[0]


def compare_texts(a: str, b: str, published: str, lang_a: str = "en", lang_b: str = "en"):
    """:func:`compare_claims` on the first claims extracted from two texts of one day."""
    from factdesk.core.matching import compare_claims

    return compare_claims(extracted(a, lang_a, published), extracted(b, lang_b, published),
                          published_a=published, published_b=published)


def on_day(published: str):
    """``(claim, compare)``: :func:`extracted` and :func:`compare_texts` for articles of one day."""

    def claim_(text: str, lang: str = "en"):
        return extracted(text, lang, published)

    def compare_(a: str, b: str, lang_b: str = "en"):
        return compare_texts(a, b, published, lang_b=lang_b)

    return claim_, compare_


def compare_in_event(text_a: str, lang_a: str, pub_a: str | None, text_b: str, lang_b: str, pub_b: str | None):
    """:func:`compare_claims` on the first claims of two articles (``a`` and ``b``) whose claims
    belong to one event."""
    from factdesk.core.extract import extract
    from factdesk.core.matching import PairContext, compare_claims

    a = extract("a", text_a, lang_a, pub_a).claims[0]
    b = extract("b", text_b, lang_b, pub_b).claims[0]
    return compare_claims(a, b, published_a=pub_a, published_b=pub_b, ctx=PairContext(event_of={a.id: "e", b.id: "e"}))


def event_verdict(text_a: str, lang_a: str, text_b: str, lang_b: str, published: str):
    """``((kind, ctype) or None, suggestion)`` for the first claims of two articles of one event,
    both published on ``published``."""
    got = compare_in_event(text_a, lang_a, published, text_b, lang_b, published)
    return ((got.kind, got.ctype) if got is not None else None), got


def first_features(text: str, lang: str, published: str, order: int = 0):
    """The features of the first claim extracted from ``text`` (article ``str(order)``, imported
    ``order``-th)."""
    from factdesk.core.extract import extract
    from factdesk.core.matching.features import build_features

    return build_features(extract(str(order), text, lang, published).claims[0], article_order=order)


def import_articles(tmp_path, articles: dict[str, str]) -> tuple[list[set[str]], list[tuple[str, str, str | None, list[str]]]]:
    """Import ``articles`` (file name → text) into a workspace under ``tmp_path``: its events (as
    sets of file names) and its contradictions (left file, right file, type, reasons)."""
    from factdesk.core.pipeline import import_paths
    from factdesk.core.store import open_workspace

    src = tmp_path / "articles"
    src.mkdir()
    for name, text in articles.items():
        (src / name).write_text(text, encoding="utf-8")
    ws = open_workspace(tmp_path / "ws")
    try:
        import_paths(ws, [src], jobs=1)
        names = {r[0]: r[1].rsplit("/", 1)[-1] for r in ws.query("SELECT id, path FROM articles")}
        events = [{names[a] for a in ev["articles"]} for ev in ws.events()]
        cons = [
            (names[s["left"]["article"]], names[s["right"]["article"]], s["ctype"], s["reasons"])
            for s in ws.suggestions() if s["kind"] == "contradiction"
        ]
        return events, cons
    finally:
        ws.close()
