"""Showing article text harmlessly: control characters made visible, one character for one.

Article text is data, never markup or terminal input. :func:`visible` maps every character that a
terminal could act on — C0 and C1 controls (ESC starts ANSI CSI/OSC sequences, OSC 52 clipboard
writes, OSC 8 links), DEL, bidirectional overrides and isolates, invisible separators — to a
visible stand-in of the same length, so offsets into the stored text still index the shown text.
The text itself is never changed in storage.
"""

from __future__ import annotations

import re

_TABLE: dict[int, str] = {}
for _code in range(0x00, 0x20):
    _TABLE[_code] = chr(0x2400 + _code)  # ␀ … ␟ (Control Pictures)
_TABLE[0x7F] = "␡"
for _code in range(0x80, 0xA0):
    _TABLE[_code] = "⍰"
for _code in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069):
    _TABLE[_code] = "⇄"  # bidi embedding / override / isolate controls
for _code in (0x200B, 0x2060, 0xFEFF, 0x2028, 0x2029, 0x00AD, 0x180E):
    _TABLE[_code] = "·"  # zero-width / invisible separators, soft hyphen
_TABLE[0x09] = " "  # a tab is shown as one space (offsets stay aligned)

_LINE_TABLE = dict(_TABLE)
_LINE_TABLE[0x0A] = " "


def visible(text: str) -> str:
    """The text with every dangerous or invisible control replaced by a visible character.

    ``len(visible(t)) == len(t)`` and newlines become ``␊``; use :func:`visible_line` to flatten
    a multi-line string for one table cell, or :func:`visible_keep_newlines` for paragraphs.
    """
    return text.translate(_TABLE)


def visible_line(text: str) -> str:
    """Like :func:`visible` but newlines become spaces (one line of a table or a notice)."""
    return text.translate(_LINE_TABLE)


_KEEP_NL = dict(_TABLE)
_KEEP_NL.pop(0x0A)


_KEEP_NL_FOUND = re.compile("[" + "".join(f"\\U{code:08x}" for code in sorted(_KEEP_NL)) + "]")


def visible_keep_newlines(text: str) -> str:
    """Like :func:`visible` but newlines are kept (for wrapping article paragraphs).

    A search in C first: most articles hold nothing to replace and come back as they are.
    """
    if _KEEP_NL_FOUND.search(text) is None:
        return text
    return text.translate(_KEEP_NL)


def is_safe(text: str) -> bool:
    """True when the text contains nothing that :func:`visible` would replace (newlines allowed)."""
    return _KEEP_NL_FOUND.search(text) is None


_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in (*range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029, 0x200B, 0x2060, 0xFEFF)}


def json_dumps_safe(data: object, **kwargs: object) -> str:
    """``json.dumps`` that keeps non-ASCII text readable but escapes every terminal-dangerous character.

    ``ensure_ascii=False`` already escapes C0 controls (ESC included); this also escapes DEL, C1
    controls, bidi overrides/isolates and invisible separators as ``\\uXXXX`` — valid JSON that
    decodes to the exact stored text.
    """
    import json

    text = json.dumps(data, ensure_ascii=False, **kwargs)  # type: ignore[arg-type]
    return text.translate(_JSON_ESCAPES)
