"""Word wrapping of article text into a table of (start, end) character offsets.

The table is computed once per width. Paragraphs whose characters all take one terminal cell
(ASCII, and the Latin, Greek and Cyrillic letters and punctuation of most news text) take a fast
path on ``str.rfind``; other paragraphs are wrapped on cell width (wide CJK characters count two
cells, combining marks none). Spaces at a break are left out of both lines, so every offset still indexes the text.
"""

from __future__ import annotations

import re

from rich.cells import get_character_cell_size

ONE_CELL_RANGES = (
    (0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x482), (0x48A, 0x52F),
    (0x1E00, 0x1FFF), (0x2010, 0x2027), (0x2030, 0x205E), (0x20A0, 0x20BF), (0x2100, 0x214F),
)
"""Code points that Rich (which paints the lines) draws one cell wide, and that never combine."""

_ONE_CELL = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ONE_CELL_RANGES) + "]*")


def _narrow(paragraph: str) -> bool:
    """True when every character takes exactly one cell (so cells == characters)."""
    return paragraph.isascii() or _ONE_CELL.fullmatch(paragraph) is not None


def wrap_offsets(text: str, width: int) -> tuple[list[int], list[int]]:
    """Wrap ``text`` (newlines = hard breaks) to ``width`` cells; returns (starts, ends)."""
    width = max(width, 2)
    starts: list[int] = []
    ends: list[int] = []
    add_start = starts.append
    add_end = ends.append
    base = 0
    for paragraph in text.split("\n"):
        length = len(paragraph)
        narrow = _narrow(paragraph)
        if length <= width and (length * 2 <= width or narrow or _cells(paragraph) <= width):
            add_start(base)
            add_end(base + length)
        elif narrow:
            pos = 0
            rfind = paragraph.rfind
            while length - pos > width:
                cut = rfind(" ", pos, pos + width + 1)
                if cut <= pos:
                    add_start(base + pos)
                    add_end(base + pos + width)
                    pos += width
                else:
                    add_start(base + pos)
                    add_end(base + cut)
                    pos = cut + 1
            add_start(base + pos)
            add_end(base + length)
        else:
            _wrap_cells(paragraph, base, width, add_start, add_end)
        base += length + 1
    return starts, ends


def _cells(text: str) -> int:
    return sum(get_character_cell_size(ch) for ch in text)


def _wrap_cells(paragraph: str, base: int, width: int, add_start, add_end) -> None:
    """Greedy wrap on cell width, breaking after the last space that fits (or mid-word)."""
    line_start = 0
    cells = 0
    last_space = -1
    i = 0
    length = len(paragraph)
    while i < length:
        ch = paragraph[i]
        if i < line_start:
            i += 1
            continue
        size = get_character_cell_size(ch)
        if ch == " ":
            last_space = i
        if cells + size > width and i > line_start:
            if last_space > line_start:
                add_start(base + line_start)
                add_end(base + last_space)
                line_start = last_space + 1
                last_space = -1
                cells = _cells(paragraph[line_start:i])
            else:
                add_start(base + line_start)
                add_end(base + i)
                line_start = i
                cells = 0
                last_space = -1
            continue
        cells += size
        i += 1
    add_start(base + line_start)
    add_end(base + length)
