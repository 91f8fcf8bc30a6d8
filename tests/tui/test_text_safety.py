"""Article text is data: hostile text renders as harmless visible characters; long articles stay fast."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from factdesk.core.models import Article, Claim, Span
from factdesk.core.store import open_workspace
from factdesk.tui.app import FactdeskApp
from factdesk.tui.screens.compare import CompareScreen
from factdesk.tui.widgets.article_view import ArticleView
from factdesk.tui.wrap import wrap_offsets
from library_wait import library_ready
from screen_text import screen_text
from workspace_factory import EN_ID

HOSTILE_ID = "a00000hostile"
HOSTILE_TEXT = (
    "Markup [bold red]x[/] and [link=http://e]y[/link] stays text.\n"
    "ANSI \x1b[31mred\x1b[0m, title \x1b]0;title\x07, clipboard \x1b]52;c;SGVsbG8=\x07, "
    "link \x1b]8;;http://e\x1b\\z\x1b]8;;\x1b\\ end.\n"
    "Controls \x00\x01\x07\x08\x0b\x0c\x0e\x1f\x7f and C1 \x85\x9b\x9d here; bidi \u202eevil\u202c; "
    "zero\u200bwidth\u2060joiner\ufeff.\n"
    "Long " + "Supercalifragilistic" * 12 + " word.\n"
    "تغريدة: قُتل 18 مقاتلاً في الغارات يوم الجمعة.\n"
    "Wide 日本語のテキストも折り返す必要があります日本語のテキスト end."
)


def _hostile_claims(text: str) -> list[Claim]:
    first = text.index("Markup")
    end1 = text.index("\n")
    second = text.index("ANSI")
    end2 = text.index("\n", second)
    arabic = text.index("تغريدة")
    end3 = text.index("\n", arabic)
    q = text.index("18", arabic)
    return [
        Claim("chost00", HOSTILE_ID, first, end1, text[first:end1], 0.5,
              spans=[Span("quote", first + 7, first + 24, text[first + 7 : first + 24])]),
        Claim("chost01", HOSTILE_ID, second, end2, text[second:end2], 0.5, ordinal=1),
        Claim("chost02", HOSTILE_ID, arabic, end3, text[arabic:end3], 0.5, ordinal=2,
              spans=[Span("quantity", q, q + 2, "18", value=18, kind="killed")]),
    ]


async def test_hostile_text_renders_harmlessly(ws_root):
    ws = open_workspace(ws_root)
    title = "[b]Evil[/b] \x1b[31mtitle\x1b]0;pwned\x07 \u202etxet"
    ws.add_article(Article(HOSTILE_ID, title, HOSTILE_TEXT, "articles/evil[red].txt", "en", "[i]Outlet[/i]"),
                   _hostile_claims(HOSTILE_TEXT), "test")
    ws.close()
    app = FactdeskApp(ws_root)
    async with app.run_test(size=(160, 45)) as pilot:
        await library_ready(pilot)
        library = screen_text(app)
        app.open_compare([HOSTILE_ID, EN_ID])
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        compare = screen_text(app)
        svg = app.export_screenshot()
        view = app.screen.query(ArticleView).first()
        segment_texts = "".join(
            seg.text for y in range(view.size.height) for seg in view.render_line(y)
        )
        await pilot.press("j")  # the ANSI claim becomes current: inspector shows its text
        await pilot.pause()
        inspector = screen_text(app)
        for shown in (library, compare, inspector, segment_texts, svg):
            assert "\x1b" not in shown
            assert "\x07" not in shown
            assert not any(0x80 <= ord(ch) <= 0x9F for ch in shown)
            assert "\u202e" not in shown and "\u202c" not in shown
            assert "\x00" not in shown
        assert "[bold red]x[/]" in compare
        assert "[link=http://e]y[/link]" in compare
        assert "[bold red]x[/]" in segment_texts
        assert "␛[31mred" in compare  # the ESC is shown as a visible stand-in
        assert "[b]Evil[/b]" in library
        assert "[i]Outlet[/i]" in library
        assert "␛]52;c;SGVsbG8=" in inspector
        assert "18" in compare and "قُتل" in compare


def test_wrap_handles_wide_and_long_words():
    text = "a " + "x" * 50 + " 日本語日本語日本語 end"
    starts, ends = wrap_offsets(text, 10)
    from rich.cells import cell_len

    for s, e in zip(starts, ends):
        assert cell_len(text[s:e]) <= 10
    # every non-space character is on some line, in order
    assert "".join(text[s:e] for s, e in zip(starts, ends)) == text.replace(" ", "")


def test_one_cell_ranges_are_one_cell_in_rich():
    from rich.cells import get_character_cell_size

    from factdesk.tui.wrap import ONE_CELL_RANGES

    wrong = [hex(c) for a, b in ONE_CELL_RANGES for c in range(a, b + 1) if get_character_cell_size(chr(c)) != 1]
    assert wrong == []


_NARROW_CHARS = st.sampled_from(list("abcdefghij éèàçüößñøłœ«»–—‘’“”€°ΑλφЖжщ ") + [" ", " ", "\n"])


@settings(max_examples=200, deadline=None)
@given(text=st.text(_NARROW_CHARS, max_size=400), width=st.integers(min_value=2, max_value=60))
def test_wrap_of_accented_text_matches_its_ascii_shape(text, width):
    """Latin/Greek/Cyrillic text takes the fast path and breaks exactly where ASCII of the same shape does."""
    from rich.cells import cell_len

    shape = "".join(ch if ch in " \n" else "x" for ch in text)
    assert wrap_offsets(text, width) == wrap_offsets(shape, width)
    starts, ends = wrap_offsets(text, width)
    assert all(cell_len(text[s:e]) <= max(width, 2) for s, e in zip(starts, ends))


LONG_ID = "a000000long"


def _long_article(paragraphs: int = 2000) -> tuple[Article, list[Claim]]:
    parts = []
    claims = []
    pos = 0
    for i in range(paragraphs):
        sentence = f"In district {i} officials said {i % 97 + 3} people were killed on 2024-02-{i % 28 + 1:02d} near the border crossing."
        filler = " Witnesses described the scene as chaotic and several roads were closed for hours afterwards, residents said."
        paragraph = sentence + filler
        start = pos
        q = sentence.index(str(i % 97 + 3), 20)
        claims.append(
            Claim(f"clong{i:05d}", LONG_ID, start, start + len(sentence), sentence, 0.5, ordinal=i,
                  spans=[Span("quantity", start + q, start + q + len(str(i % 97 + 3)), str(i % 97 + 3), value=1)])
        )
        parts.append(paragraph)
        pos += len(paragraph) + 1
    text = "\n".join(parts)
    return Article(LONG_ID, "A very long article", text, "articles/long.txt", "en"), claims


async def test_long_article_opens_and_moves_without_lag(ws_root):
    article, claims = _long_article()
    assert len(article.text) > 290_000 and len(claims) == 2000
    ws = open_workspace(ws_root)
    ws.add_article(article, claims, "test")
    ws.close()
    app = FactdeskApp(ws_root)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        app.open_compare([LONG_ID])
        await pilot.pause()
        opened = time.perf_counter() - started
        view = app.screen.query(ArticleView).first()
        assert view.line_count > 2000  # the text is on screen before its 2,000 claims are read
        await app.screen.claims_ready.wait()
        await pilot.pause()
        assert len(view.claims) == 2000 and view.current_claim.id == "clong00000"
        height = view.scrollable_content_region.height
        assert view.render_line(0).text.endswith("▐") and not view.render_line(height - 1).text.endswith("▐")
        started = time.perf_counter()
        for _ in range(20):
            await pilot.press("j")
        per_move = (time.perf_counter() - started) / 20
        await pilot.press("end")
        await pilot.pause()
        assert view.current_claim.id == "clong01999"
        first, _ = view.claim_lines(view.current_claim)
        assert view.scroll_offset.y > 0 and view.scroll_offset.y <= first
        # the scroll indicator follows: its thumb is now on the last rows, not the first
        assert view.render_line(height - 1).text.endswith("▐") and not view.render_line(0).text.endswith("▐")
        assert "In district 1999" in screen_text(app)
    # generous bounds (shared CI machines); typical: open ≈ 0.2 s, move ≈ 0.05 s
    assert opened < 3.0
    assert per_move < 0.5
