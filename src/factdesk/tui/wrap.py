"""Word wrapping of article text into a table of (start, end) character offsets.

The table is computed once per width. ASCII paragraphs take a fast path on ``str.rfind``; other
paragraphs are wrapped on terminal cell width (wide CJK characters count two cells, combining
marks none). Spaces at a break are left out of both lines, so every offset still indexes the text.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size


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
        if length <= width and (length * 2 <= width or paragraph.isascii() or _cells(paragraph) <= width):
            add_start(base)
            add_end(base + length)
        elif paragraph.isascii():
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
